import type { Page } from '@playwright/test';
import zlib from 'node:zlib';
import { bigExport } from '../support/big-export';
import { callApi } from './support/api';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo } from './support/ui';

/**
 * The colour of one pixel of the whole page (beyond the first screen too). A 1×1 PNG needs no decoder:
 * its inflated image data is one filter byte, which for a lone pixel changes nothing, then the channels.
 */
async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  const png = await page.screenshot({ fullPage: true, clip: { x, y, width: 1, height: 1 } });
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = zlib.inflateSync(Buffer.concat(chunks));
  return `rgb(${data[1]}, ${data[2]}, ${data[3]})`;
}

test('the import preview at 1280×800 in English: 内容 takes the room the other columns leave, long text keeps a tooltip, the sidebar line runs down the whole page', async ({
  page,
  host,
}) => {
  // Day 32 does not exist: every order of the 7th is an error with a long explanation.
  const text = new TextDecoder('shift_jis').decode(bigExport(2_000)).replaceAll('2024/10/07 ', '2024/10/32 ');
  await callApi(host, 'settings.update', { language: 'en' });
  await openApp(page, host);
  await goTo(page, 'Import');
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles([{ name: 'rakuten-2000.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }]);
  const grid = page.getByTestId('import-preview-grid');
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await expect(grid.locator('[role=row][aria-busy]')).toHaveCount(0);

  // Every column fits the window: nothing hides behind a sideways scroll.
  expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // The details column is the widest.
  const widths = await grid
    .locator('[role=columnheader]')
    .evaluateAll((cells) => cells.map((c) => [c.textContent, c.getBoundingClientRect().width] as const));
  const details = widths.find(([label]) => label === 'Details')![1];
  for (const [label, width] of widths)
    if (label !== 'Details') expect(width, label ?? '').toBeLessThan(details);
  // Whole 楽天 order numbers, dates and details show (wrapped); what is still too long ends in an
  // ellipsis with the whole text in the tooltip.
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Errors/ }).click();
  const error = grid.locator('[data-testid="import-preview-row"][data-status="error"]').first();
  await expect(error).toContainText('2024/10/32');
  const cells = error.locator('[role=gridcell]');
  // The pill words this one row, not the filter's group name ("Errors").
  await expect(cells.first()).toHaveText('Error');
  await expect(cells.nth(2)).toHaveText(/^338012-20241007-\d{10}$/);
  const detail = cells.last();
  expect(await detail.getAttribute('title')).toBe(await detail.textContent());
  for (let i = 0; i < (await cells.count()); i++) {
    const cut = await cells
      .nth(i)
      .evaluate((c) => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1);
    if (cut) expect(await cells.nth(i).getAttribute('title'), `cell ${i}`).toBeTruthy();
  }
  await saveScreenshot(page, 'en-import-preview-errors');

  // The page is taller than the window; the navbar's border line goes on below the first screen.
  const pageHeight = await page.evaluate('document.documentElement.scrollHeight');
  expect(pageHeight).toBeGreaterThan(800 + 400);
  const edge = await page.evaluate(
    '(() => { const r = document.querySelector("nav").getBoundingClientRect(); return Math.round(r.right) - 1; })()',
  );
  const line = await pixelAt(page, Number(edge), 400);
  expect(line).not.toBe('rgb(255, 255, 255)');
  expect(await pixelAt(page, Number(edge), Number(pageHeight) - 20)).toBe(line);
});
