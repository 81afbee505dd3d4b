import fs from 'node:fs';
import { callApi } from './support/api';
import { closeToasts, createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

const decodeCp932 = (bytes: Buffer) => new TextDecoder('shift_jis', { fatal: true }).decode(bytes);

test('select deals, check and export a B2 label CSV, then import the tracking numbers back', async ({
  page,
  host,
}) => {
  await callApi(host, 'shop.update', {
    name: '手づくり雑貨 こもれび',
    postalCode: '150-0001',
    address1: '東京都渋谷区神宮前1-2-3',
    phone: '03-1234-5678',
    yamatoCustomerCode: '0123456789',
    yamatoFreightNo: '01',
  });
  const good = await createDeal(host, {
    externalId: 'm10000000001',
    shipTo: {
      name: '山本 一郎',
      postalCode: '1000001',
      prefecture: '東京都',
      address1: '千代田区1-1',
      phone: '090-1111-2222',
    },
  });
  const many = await createDeal(host, {
    externalId: 'm10000000002',
    items: [
      { name: '陶器のマグカップ', quantity: 1, unitPrice: 1800 },
      { name: 'コースター', quantity: 2, unitPrice: 500 },
    ],
  });
  await createDeal(host, {
    externalId: 'm10000000003',
    shipTo: { name: 'みか🌸', postalCode: '1000001', prefecture: '東京都', address1: '千代田区1-1' },
  });
  await createDeal(host, {
    externalId: 'm10000000004',
    shipTo: { name: '郵便 無子', prefecture: '東京都', address1: '千代田区1-1' },
  });
  await openApp(page, host);

  await goTo(page, '取引');
  await page.getByTestId('saved-views').getByText('発送待ち').click();
  await expect(page.getByTestId('deals-total')).toHaveText('条件に合う取引 4 件');
  await page.getByRole('checkbox', { name: '条件に合う取引をすべて選択' }).click();
  await page.getByTestId('bulk-bar').getByRole('button', { name: '送り状CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '送り状CSVを作る（4件）' });
  await expect(dialog.getByTestId('label-summary')).toContainText('2件の送り状を出力できます。');
  await expect(dialog.getByTestId('label-summary')).toContainText('2件は直すまで出力されません。');
  const issues = dialog.getByTestId('label-issues');
  const errorRow = (externalId: string) =>
    issues.getByRole('row').filter({ hasText: externalId }).filter({ hasText: '要修正' });
  await expect(errorRow('m10000000003')).toContainText('お届け先名');
  await expect(errorRow('m10000000003')).toContainText('🌸');
  await expect(errorRow('m10000000004')).toContainText('お届け先郵便番号');
  // A missing phone is only a warning (filled with zeros), not a reason to leave a deal out.
  await expect(issues.getByRole('row').filter({ hasText: '注意' }).first()).toContainText('お届け先電話番号');
  await saveScreenshot(page, 'shipping-label-report');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'CSVを保存（2件）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^yamato-b2-\d{8}-\d{4}\.csv$/);
  const text = decodeCp932(fs.readFileSync((await download.path())!));
  const lines = text.split('\r\n').filter((l) => l !== '');
  expect(lines).toHaveLength(3);
  expect(lines[0]!.split(',')).toHaveLength(95);
  expect(text).toContain('陶器のマグカップ 他1点');

  // B2 gives the file back with 伝票番号 (column 4) filled in; import it on 設定 → 配送.
  const issued = lines
    .map((line, i) =>
      i === 0 ? line : line.replace(/^("[^"]*","[^"]*","[^"]*"),""/, `$1,"40000000000${i}"`),
    )
    .join('\r\n');
  await closeToasts(page);
  await goTo(page, '設定');
  await openSettingsTab(page, '配送');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'B2発行済.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(issued, 'utf8'),
  });
  await expect(page.getByTestId('tracking-result')).toContainText(
    '2件を発送済みにしました（B2クラウド 発行済データ）',
  );
  await saveScreenshot(page, 'shipping-tracking-import');
  for (const id of [good.id, many.id]) {
    const deal = await callApi(host, 'deals.get', { id });
    expect(deal.steps.find((s) => s.kind === 'shipping')).toMatchObject({ state: 'done', carrier: 'yamato' });
  }
});
