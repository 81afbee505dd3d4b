import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PART_BYTES } from '../../electron/backend/export/writer';
import { callApi } from './support/api';
import { closeToasts } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test, waitForAppReady } from './support/fixtures';
import { childEnv, repoRoot } from './support/paths';
import { goTo, openSettingsTab } from './support/ui';

const run = promisify(execFile);

/** What `torihiki export` writes for the host's database (the CLI reads beside the running app). */
async function cliExport(dbPath: string, table: string, encoding: string): Promise<Buffer> {
  const out = path.join(path.dirname(dbPath), `cli-${table}-${encoding}.csv`);
  await run(
    process.execPath,
    ['bin/torihiki.mjs', 'export', table, '--db', dbPath, '--out', out, '--encoding', encoding],
    { cwd: repoRoot, env: childEnv() },
  );
  return fs.readFileSync(out);
}

test('20,000 deals: the export comes in parts with a progress bar, can be cancelled, and saves the CLI file (Japanese and English)', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await callApi(host, 'demo.seed', { deals: 20_000 });
  await openApp(page, host);
  await goTo(page, '設定');
  await openSettingsTab(page, 'バックアップとデータ');
  const exportButton = page.getByRole('button', { name: 'CSVを書き出す' });
  const progress = page.getByTestId('export-progress');

  // UTF-8: parts arrive, the bar counts rows, and the saved file is byte for byte the CLI's.
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/[\d,]+ \/ 20,000 行/);
  await saveScreenshot(page, 'ja-export-progress');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^torihiki-deals-\d{8}-\d{4}\.csv$/);
  const saved = fs.readFileSync((await download.path())!);
  // Bigger than one part can be: it really came in several.
  expect(saved.length).toBeGreaterThan(PART_BYTES);
  expect(saved.equals(await cliExport(host.dbPath, 'deals', 'utf-8-bom'))).toBe(true);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('export-saved')).toHaveText(
    `「${download.suggestedFilename()}」を保存しました（20,000行）。`,
  );
  await expect(page.getByText('20,000行を書き出しました')).toBeVisible();
  await closeToasts(page);
  await saveScreenshot(page, 'ja-export-saved');

  // Cancelled half-way: no file, the screen says so and is ready again.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('radiogroup', { name: '文字コード' }).getByText('Shift_JIS').click();
  await exportButton.click();
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.getByText('書き出しを中止しました。ファイルは保存していません。')).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(exportButton).toBeEnabled();
  await expect(page.getByTestId('export-saved')).toHaveCount(0);
  expect(downloads).toBe(0);
  await closeToasts(page);

  // CP932 to the end: the same bytes as the CLI's CP932 file.
  const cp932Download = page.waitForEvent('download');
  await exportButton.click();
  const cp932 = fs.readFileSync((await (await cp932Download).path())!);
  expect(cp932.equals(await cliExport(host.dbPath, 'deals', 'cp932'))).toBe(true);
  await closeToasts(page);

  // English.
  await callApi(host, 'settings.update', { language: 'en' });
  await page.reload();
  await waitForAppReady(page);
  await goTo(page, 'Settings');
  await openSettingsTab(page, 'Backups and data');
  const englishDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(progress).toContainText(/Exporting…[\d,]+ \/ 20,000 rows/);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await saveScreenshot(page, 'en-export-progress');
  const english = await englishDownload;
  await expect(page.getByTestId('export-saved')).toHaveText(
    `Saved "${english.suggestedFilename()}" (20,000 rows).`,
  );
  await closeToasts(page);
  await saveScreenshot(page, 'en-export-saved');
});
