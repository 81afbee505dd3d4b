import { bigExport } from '../support/big-export';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo } from './support/ui';

test.setTimeout(240_000);

test('a 100,000-row export previews and scrolls with only the visible rows in the page', async ({
  page,
  host,
}) => {
  const buffer = bigExport(100_000);
  await openApp(page, host);
  await goTo(page, '取り込み');
  const started = Date.now();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'rakuten-100000.csv', mimeType: 'text/csv', buffer });
  // The bar while the backend reads and checks the file.
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await saveScreenshot(page, 'import-progress');
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 180_000 });
  const previewMs = Date.now() - started;
  await expect(page.getByTestId('import-file-info')).toContainText('100,000 行');

  const grid = page.getByTestId('import-preview-grid');
  // Scroll through the whole table in steps, timing the frames the browser draws meanwhile.
  const frames = await grid.evaluate(async (el: { scrollTop: number; scrollHeight: number }) => {
    // Typed by hand: this file is compiled without the DOM library.
    const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void })
      .requestAnimationFrame;
    const gaps: number[] = [];
    let last = performance.now();
    for (let i = 0; i <= 60; i++) {
      el.scrollTop = (el.scrollHeight * i) / 60;
      await new Promise<void>((resolve) => raf(() => resolve()));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  });
  // Rows at the very end load once scrolling stops, and the page never holds more than a screenful.
  await expect(grid.locator('[role=row][aria-busy]')).toHaveCount(0, { timeout: 30_000 });
  expect(await grid.getByTestId('import-preview-row').count()).toBeLessThan(80);
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(
    `[import-large] preview ${previewMs} ms; scroll frames: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms`,
  );
  await saveScreenshot(page, 'import-preview-100000');
});
