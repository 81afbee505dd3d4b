import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { bigExport } from '../support/big-export';
import { fixtureDir } from '../support/import-fixtures';
import { callApi } from './support/api';
import { closeToasts } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { goTo } from './support/ui';

interface TestFile {
  name: string;
  buffer: Buffer;
}

const fixture = (name: string): TestFile => ({ name, buffer: fs.readFileSync(path.join(fixtureDir, name)) });

/** Chooses files with the picker (the hidden file input behind "ファイルを選ぶ"). */
async function pickFiles(page: Page, files: TestFile[]): Promise<void> {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: f.buffer })));
}

/** Drops files on the page the way a file manager does (dragenter, dragover, drop on the window). */
async function dropFiles(page: Page, files: TestFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
  // A string body: this file is compiled without the DOM library.
  await page.evaluate(
    `(() => {
      const data = new DataTransfer();
      for (const f of ${JSON.stringify(payload)}) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name, { type: 'text/csv' }));
      }
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    })()`,
  );
}

const preview = (page: Page) => page.getByTestId('import-preview');
const count = (page: Page, status: 'new' | 'updated' | 'unchanged' | 'error') =>
  page.getByTestId('import-counts').locator(`[data-status="${status}"]`);

async function dealTotal(host: RunningHost): Promise<number> {
  // The ledger's own count stops at 1,000 ("1,000件以上"); the table count is exact.
  return (await callApi(host, 'system.info', {})).counts.deals ?? 0;
}

test('import 楽天 and Amazon files: preview, commit, re-import changes nothing, undo a batch', async ({
  page,
  host,
}) => {
  const mother = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: mother.id });
  await openApp(page, host);
  await goTo(page, '取り込み');
  // The empty screen says what to export where.
  await expect(page.getByText('注文CSVをここにドラッグ＆ドロップ')).toBeVisible();
  await expect(page.getByRole('table', { name: 'どのファイルを取り込めばよいですか？' })).toContainText(
    'セラーセントラル',
  );
  await saveScreenshot(page, 'import-empty');
  // Files dragged over the window: the whole page says it will take them.
  await page.evaluate(
    `document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: (() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.csv')); return d; })() }))`,
  );
  await expect(page.getByText('ここで離すと、登録する前の確認を始めます')).toBeVisible();
  await saveScreenshot(page, 'import-drag-over');

  // 楽天ペイ受注 (CP932), dropped on the page: recognised by its header, five orders, three buyers.
  await dropFiles(page, [fixture('rakuten-pay.csv')]);
  await expect(preview(page)).toBeVisible();
  await expect(page.getByTestId('import-format')).toContainText('楽天ペイ');
  await expect(page.getByTestId('import-source')).toHaveText('列名から自動判定');
  await expect(page.getByTestId('import-file-info')).toContainText('Shift_JIS (CP932)');
  await expect(count(page, 'new')).toContainText('5');
  await expect(count(page, 'error')).toContainText('0');
  await expect(page.getByTestId('import-customers')).toContainText('新しく登録 3 人');
  await expect(page.getByTestId('import-preview-row')).toHaveCount(5);
  // Nothing is written by a preview.
  expect(await dealTotal(host)).toBe(0);
  await page.getByRole('button', { name: '5 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('新規 5 件');
  expect(await dealTotal(host)).toBe(5);
  await saveScreenshot(page, 'import-committed');

  // Amazon 注文レポート (TAB, Shift_JIS), chosen with the picker.
  await page.getByRole('button', { name: '続けて取り込む' }).click();
  await pickFiles(page, [fixture('amazon-orders-sjis.txt')]);
  await expect(page.getByTestId('import-format')).toContainText('Amazon');
  await expect(page.getByTestId('import-file-info')).toContainText('タブ区切り');
  await expect(count(page, 'new')).toContainText('1');
  await page.getByRole('button', { name: '1 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('新規 1 件');
  expect(await dealTotal(host)).toBe(6);

  // The same 楽天 file again: every order is known and unchanged, so there is nothing to save.
  await page.getByRole('button', { name: '続けて取り込む' }).click();
  await pickFiles(page, [fixture('rakuten-pay.csv')]);
  await expect(count(page, 'unchanged')).toContainText('5');
  await expect(count(page, 'new')).toContainText('0');
  await expect(page.getByTestId('import-nothing-new')).toBeVisible();
  await expect(page.getByRole('button', { name: /件を登録する/ })).toHaveCount(0);
  await page.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByTestId('import-drop')).toBeVisible();
  expect(await dealTotal(host)).toBe(6);

  // History: both batches, by 母; undo the Amazon one after confirming.
  await page.getByRole('tab', { name: '履歴' }).click();
  const batches = page.getByTestId('import-batch');
  await expect(batches).toHaveCount(2);
  await expect(batches.first()).toContainText('amazon-orders-sjis.txt');
  await expect(batches.first()).toContainText('母');
  await expect(batches.nth(1)).toContainText('新規 5');
  await saveScreenshot(page, 'import-history');
  await batches.first().getByRole('button', { name: '取り消す' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('新しく登録した取引 1 件を削除');
  await dialog.getByRole('button', { name: '取り消す' }).click();
  await expect(page.getByTestId('import-undo-result')).toContainText('取引 1 件を削除');
  await expect(batches.first()).toContainText('取り消し済み');
  await expect(batches.first().getByRole('button', { name: '取り消す' })).toHaveCount(0);
  expect(await dealTotal(host)).toBe(5);
  await saveScreenshot(page, 'import-history-undone');
});

test('a newer export updates only the changed order; the older batch is undone after the newer one', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await goTo(page, '取り込み');
  await pickFiles(page, [fixture('rakuten-pay.csv')]);
  await page.getByRole('button', { name: '5 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('新規 5 件');

  // The buyer moved flats: the next download has the new address for that one order.
  const original = new TextDecoder('shift_jis').decode(fixture('rakuten-pay.csv').buffer);
  const newer = original.replaceAll('梅田ハイツ1203', '梅田ハイツ1205');
  expect(newer).not.toBe(original);
  await page.getByRole('button', { name: '続けて取り込む' }).click();
  await pickFiles(page, [{ name: 'rakuten-pay-2.csv', buffer: Buffer.from(newer, 'utf8') }]);
  await expect(count(page, 'updated')).toContainText('1');
  await expect(count(page, 'unchanged')).toContainText('4');
  const updated = page.locator('[data-testid="import-preview-row"][data-status="updated"]');
  await expect(updated).toContainText('338012-20241107-0012349999');
  await expect(updated).toContainText('更新: お届け先住所');
  await page.getByRole('button', { name: '1 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('更新 1 件');

  // The first batch made the deal the second one changed: it can be undone only after the second.
  await page.getByRole('tab', { name: '履歴' }).click();
  const batches = page.getByTestId('import-batch');
  await expect(batches).toHaveCount(2);
  await expect(batches.nth(1).getByRole('button', { name: '取り消す' })).toBeDisabled();
  await batches.first().getByRole('button', { name: '取り消す' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '取り消す' }).click();
  await expect(page.getByTestId('import-undo-result')).toContainText('1 件を元に戻しました');
  await expect(batches.nth(1).getByRole('button', { name: '取り消す' })).toBeEnabled();
  const deals = await callApi(host, 'deals.list', { filter: { text: '338012-20241107-0012349999' } });
  const deal = await callApi(host, 'deals.get', { id: deals.rows[0]!.id });
  expect(JSON.stringify(deal.shipTo)).toContain('梅田ハイツ1203');
});

test('Yahoo!ショッピング: one file alone is refused, the Orders and Items files together are one import', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await goTo(page, '取り込み');
  await pickFiles(page, [fixture('yahoo-orders.csv')]);
  await expect(page.getByTestId('import-rejected')).toContainText('足りないファイル: Items');
  await dropFiles(page, [fixture('yahoo-orders.csv'), fixture('yahoo-items.csv')]);
  await expect(page.getByTestId('import-format')).toContainText('Yahoo!ショッピング');
  await expect(page.getByTestId('import-file-info')).toHaveCount(2);
  await expect(count(page, 'new')).toContainText('2');
  await page.getByRole('button', { name: '2 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('新規 2 件');
  await page.getByRole('tab', { name: '履歴' }).click();
  await expect(page.getByTestId('import-batch')).toContainText('yahoo-orders.csv、yahoo-items.csv');
});

test('a file that is not an export is refused with a reason and nothing is written', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await goTo(page, '取り込み');
  // An Excel workbook saved as .csv by mistake (a zip: binary bytes).
  const binary = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 0)]);
  await pickFiles(page, [{ name: '注文一覧.csv', buffer: binary }]);
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toContainText('このファイルは取り込めません');
  await expect(rejected).toContainText('何も登録していません');
  await expect(rejected).toContainText('CSVやテキストのファイルではありません');
  await saveScreenshot(page, 'import-rejected');
  // An empty file is refused before anything is sent.
  await pickFiles(page, [{ name: 'empty.csv', buffer: Buffer.alloc(0) }]);
  await expect(page.getByTestId('import-failed')).toHaveText('「empty.csv」は空のファイルです。');
  expect(await dealTotal(host)).toBe(0);
  expect(await callApi(host, 'imports.history', {})).toEqual([]);
});

test('a 10,000-row export with bad dates: errors with line and column, scroll, filter, save the valid orders', async ({
  page,
  host,
}) => {
  // Day 32 does not exist: every order of the 7th becomes an error, named by line and column.
  const text = new TextDecoder('shift_jis')
    .decode(bigExport(10_000))
    .replaceAll('2024/10/07 ', '2024/10/32 ');
  const file = { name: 'rakuten-10000.csv', buffer: Buffer.from(text, 'utf8') };
  await openApp(page, host);
  await goTo(page, '取り込み');
  await pickFiles(page, [file]);
  await expect(preview(page)).toBeVisible({ timeout: 30_000 });
  const errors = page.getByTestId('import-errors-alert');
  await expect(errors).toContainText('行は取り込めません');
  const firstIssue = page.getByTestId('import-issue').first();
  await expect(firstIssue).toContainText('行目');
  await expect(firstIssue).toContainText('列「注文日時」');
  await expect(firstIssue).toContainText('「2024/10/32');
  // Saving is blocked until the user chooses to leave the bad orders out.
  const save = page.getByRole('button', { name: /件を登録する/ });
  await expect(save).toBeDisabled();
  await saveScreenshot(page, 'import-preview-errors');

  // The grid holds only what is on screen; the end of the file is one scroll away.
  const grid = page.getByTestId('import-preview-grid');
  expect(await grid.locator('[data-testid="import-preview-row"]').count()).toBeLessThan(80);
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(grid.locator('[role=row][aria-busy]')).toHaveCount(0);
  await expect(grid.getByTestId('import-preview-row').last()).toBeVisible();
  await saveScreenshot(page, 'import-preview-10000');

  // Only the errors.
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^エラー/ }).click();
  await expect(grid.getByTestId('import-preview-row').first()).toHaveAttribute('data-status', 'error');
  await expect(grid.getByTestId('import-preview-row').first()).toContainText('日付として読めません');

  await page.getByLabel('エラーのある注文を除いて登録する').check();
  const label = (await save.textContent()) ?? '';
  const expected = Number(/([\d,]+) 件/.exec(label)?.[1]?.replaceAll(',', ''));
  expect(expected).toBeGreaterThan(1000);
  await save.click();
  await expect(page.getByTestId('import-committed')).toContainText('エラーのある', { timeout: 30_000 });
  expect(await dealTotal(host)).toBe(expected);
});

test('an unknown CSV: map its columns, save the mapping, reuse it on the next file, manage it; English', async ({
  page,
  host,
}) => {
  const shopCsv = (orders: [string, string, string, string, string][]) => ({
    name: 'shop-orders.csv',
    buffer: Buffer.from(
      [
        '受付番号,受付日,お客様,品名,数量,税込金額',
        ...orders.map((o) => [...o.slice(0, 4), '1', o[4]].join(',')),
      ].join('\r\n'),
      'utf8',
    ),
  });
  await openApp(page, host);
  await goTo(page, '取り込み');
  await pickFiles(page, [
    shopCsv([
      ['W-1001', '2024/11/02 10:15', '石井 真央', '藍染 ハンカチ', '1800'],
      ['W-1002', '2024/11/03 21:40', '森 洋平', '木製 スプーン', '1200'],
    ]),
  ]);
  const editor = page.getByTestId('import-mapping');
  await expect(editor).toContainText('列の対応付け');
  // Each column of the file gets a field; the missing required ones are named.
  const fieldOf = (column: string) => editor.getByLabel(`取り込む項目: ${column}`, { exact: true });
  const choose = async (column: string, field: string) => {
    await fieldOf(column).click();
    await page.getByRole('option', { name: field, exact: true }).click();
  };
  await choose('受付番号', '注文番号 *');
  await choose('受付日', '注文日時 *');
  await choose('品名', '商品名 *');
  await choose('お客様', '購入者氏名');
  await choose('税込金額', '小計');
  await expect(editor).not.toContainText('次の項目の列を選んでください');
  await editor.getByLabel('名前をつけて保存（任意）').fill('自社サイト');
  await saveScreenshot(page, 'import-mapping-editor');
  await editor.getByRole('button', { name: 'この対応付けで確認する' }).click();
  await expect(count(page, 'new')).toContainText('2');
  await page.getByRole('button', { name: '2 件を登録する' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('新規 2 件');

  // The next export of the same shop is read with the saved mapping, and says so.
  await page.getByRole('button', { name: '続けて取り込む' }).click();
  await pickFiles(page, [shopCsv([['W-1003', '2024/11/05 08:05', '石井 真央', '藍染 ハンカチ', '1800']])]);
  await expect(page.getByTestId('import-source')).toHaveText(
    '保存した対応付け「自社サイト」を自動で使いました',
  );
  await expect(count(page, 'new')).toContainText('1');
  // The saved mapping can be changed from the preview: the editor opens with it, under its name.
  await page.getByRole('button', { name: '列の対応付けを変更' }).click();
  await expect(fieldOf('受付番号')).toHaveValue('注文番号 *');
  await expect(editor.getByLabel('名前をつけて保存（任意）')).toHaveValue('自社サイト');
  await choose('数量', '使わない');
  await editor.getByRole('button', { name: 'この対応付けで確認する' }).click();
  await expect(page.getByTestId('import-format')).toContainText('自社サイト');
  await expect(count(page, 'new')).toContainText('1');
  await page.getByRole('button', { name: 'やめる' }).click();
  expect(await dealTotal(host)).toBe(2);

  // Saved mappings are listed and can be deleted.
  await page.getByRole('tab', { name: '保存した列の対応付け' }).click();
  await expect(page.getByTestId('saved-mapping')).toContainText('自社サイト');
  await page.getByRole('button', { name: '削除: 自社サイト' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
  await expect(page.getByTestId('saved-mapping')).toHaveCount(0);
  await closeToasts(page);

  // English: the same screens in the other language.
  await callApi(host, 'settings.update', { language: 'en' });
  await page.reload();
  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(page.getByText('Drag and drop order CSVs here')).toBeVisible();
  await saveScreenshot(page, 'import-empty-en');
  await pickFiles(page, [fixture('rakuten-pay.csv')]);
  await expect(page.getByRole('button', { name: 'Save 5 orders' })).toBeVisible();
  await saveScreenshot(page, 'import-preview-en');
});
