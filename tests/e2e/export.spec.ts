import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
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

/**
 * Sits on the page's socket to the backend: records which export parts the page asks for and, while
 * holding, keeps the answers back until the test lets one through. So the screen can be looked at (and
 * cancelled) half-way, however fast the machine exports.
 */
async function watchExportParts(page: Page) {
  const asked: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  await page.routeWebSocket(
    (url) => url.pathname === '/api',
    (ws) => {
      const server = ws.connectToServer();
      const exportCalls = new Set<number>();
      ws.onMessage((message) => {
        const call = JSON.parse(String(message)) as {
          method?: string;
          id?: number;
          input?: { part: number };
        };
        if (call.method === 'exports.csv' && call.id !== undefined) {
          exportCalls.add(call.id);
          asked.push(call.input!.part);
        }
        server.send(message);
      });
      server.onMessage((message) => {
        const reply = JSON.parse(String(message)) as { type: string; id?: number };
        const forward = () => ws.send(message);
        if (holding && reply.type === 'reply' && exportCalls.has(reply.id!)) held.push(forward);
        else forward();
      });
    },
  );
  return {
    asked,
    hold: () => {
      holding = true;
    },
    /** Lets the next held answer through, once there is one. */
    async releaseOne() {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      held.shift()!();
    },
    releaseAll() {
      holding = false;
      for (const forward of held.splice(0)) forward();
    },
  };
}

test('20,000 deals: the export comes in parts with a progress bar, can be cancelled, and saves the CLI file (Japanese and English)', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await callApi(host, 'demo.seed', { deals: 20_000 });
  const parts = await watchExportParts(page);
  await openApp(page, host);
  await goTo(page, '設定');
  await openSettingsTab(page, 'バックアップとデータ');
  const exportButton = page.getByRole('button', { name: 'CSVを書き出す' });
  const progress = page.getByTestId('export-progress');

  // UTF-8: the bar counts rows as parts arrive; the saved file is byte for byte the CLI's.
  parts.hold();
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  await expect(progress).toContainText('書き出しの準備をしています…');
  await parts.releaseOne();
  await expect(progress).toContainText(/[1-9][\d,]* \/ 20,000 行/);
  await expect(page.getByRole('button', { name: '中止' })).toBeVisible();
  await saveScreenshot(page, 'ja-export-progress');
  parts.releaseAll();
  const download = await downloading;
  // The toast closes itself after a few seconds: look at it before the slower checks below (a CLI run).
  await expect(page.getByText('20,000行を書き出しました')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^torihiki-deals-\d{8}-\d{4}\.csv$/);
  const saved = fs.readFileSync((await download.path())!);
  // Several parts, each asked for in turn; the file is more than one part can hold.
  expect(parts.asked.length).toBeGreaterThanOrEqual(2);
  expect(parts.asked).toEqual(parts.asked.map((_, i) => i));
  expect(saved.length).toBeGreaterThan(PART_BYTES);
  expect(saved.equals(await cliExport(host.dbPath, 'deals', 'utf-8-bom'))).toBe(true);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('export-saved')).toHaveText(
    `「${download.suggestedFilename()}」を保存しました（20,000行）。`,
  );
  await closeToasts(page);
  await saveScreenshot(page, 'ja-export-saved');

  // Cancelled half-way: the part in flight is dropped, nothing more is asked, no file is saved.
  let downloads = 0;
  page.on('download', () => downloads++);
  parts.asked.length = 0;
  parts.hold();
  await page.getByRole('radiogroup', { name: '文字コード' }).getByText('Shift_JIS').click();
  await exportButton.click();
  await parts.releaseOne();
  await expect(progress).toContainText(/ \/ 20,000 行/);
  await page.getByRole('button', { name: '中止' }).click();
  parts.releaseAll();
  await expect(page.getByText('書き出しを中止しました。ファイルは保存していません。')).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(exportButton).toBeEnabled();
  await expect(page.getByTestId('export-saved')).toHaveCount(0);
  expect(parts.asked).toEqual([0, 1]);
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
  parts.hold();
  const englishDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await parts.releaseOne();
  await expect(progress).toContainText(/Exporting…[1-9][\d,]* \/ 20,000 rows/);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await saveScreenshot(page, 'en-export-progress');
  parts.releaseAll();
  const english = await englishDownload;
  await expect(page.getByTestId('export-saved')).toHaveText(
    `Saved "${english.suggestedFilename()}" (20,000 rows).`,
  );
  await closeToasts(page);
  await saveScreenshot(page, 'en-export-saved');
});
