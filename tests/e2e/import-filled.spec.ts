import type { Page } from '@playwright/test';
import { dealInput } from '../support/deals';
import { csvFile, rakutenPayBuyerRow, RAKUTEN_PAY_BUYER_HEADER } from '../support/imports';
import { callApi } from './support/api';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { goTo } from './support/ui';

/** Three known buyers, by phone: two lack details the file has; the third's only gap was cleared by a member. */
async function knownBuyers(host: RunningHost): Promise<number[]> {
  const buyers = [
    ['山田 花子', '090-1111-1111'],
    ['長谷川 ひまわり工房 代表 佐々木 恵美子', '090-2222-2222'],
    ['鈴木 一郎', '090-3333-3333'],
  ] as const;
  const ids: number[] = [];
  for (const [name, phone] of buyers) {
    const deal = await callApi(host, 'deals.create', dealInput({ shipTo: { name, phone } }));
    ids.push(deal.customer!.id);
  }
  // 鈴木 asked not to be e-mailed: the member typed an address, then removed it.
  await callApi(host, 'customers.update', { id: ids[2]!, patch: { email: 'ichiro@example.jp' } });
  await callApi(host, 'customers.update', { id: ids[2]!, patch: { email: '' } });
  return ids;
}

function orders(): { name: string; mimeType: string; buffer: Buffer } {
  const row = (order: string, last: string, first: string, email: string, phone: string[]) =>
    rakutenPayBuyerRow(order, {
      注文者姓: last,
      注文者名: first,
      注文者メールアドレス: email,
      注文者電話番号1: phone[0]!,
      注文者電話番号2: phone[1]!,
      注文者電話番号3: phone[2]!,
    });
  const file = csvFile('rakuten-pay-orders.csv', RAKUTEN_PAY_BUYER_HEADER, [
    row('R-1', '山田', '花子', 'hanako@example.jp', ['090', '1111', '1111']),
    row('R-2', '長谷川', 'ひまわり工房 代表 佐々木 恵美子', 'himawari@example.jp', ['090', '2222', '2222']),
    row('R-3', '鈴木', '一郎', 'ichiro@example.jp', ['090', '3333', '3333']),
    row('R-4', '高橋', '次郎', 'jiro@example.jp', ['080', '4444', '4444']),
  ]);
  return { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.contentBase64, 'base64') };
}

async function pick(page: Page): Promise<void> {
  await page.locator('input[type=file]').first().setInputFiles(orders());
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('the preview says how many known customers get missing details, in Japanese and English', async ({
  page,
  host,
}) => {
  const [hanako, , suzuki] = await knownBuyers(host);
  await openApp(page, host);
  await goTo(page, '取り込み');
  await pick(page);
  await expect(page.getByTestId('import-customers')).toContainText(
    '新しく登録 1 人、登録済みの顧客と一致 3 人',
  );
  // 鈴木's cleared e-mail is his member's choice: two customers, not three.
  await expect(page.getByTestId('import-customers-filled')).toHaveText(
    '登録済みの顧客 2 人に、空欄の連絡先・住所を注文から補います',
  );
  await saveScreenshot(page, 'import-preview-filled-ja');

  await callApi(host, 'settings.update', { language: 'en' });
  await openApp(page, host);
  await goTo(page, 'Import');
  await pick(page);
  await expect(page.getByTestId('import-customers-filled')).toHaveText(
    '2 existing customers get missing contact details from their orders',
  );
  await saveScreenshot(page, 'import-preview-filled-en');
  await page.getByRole('button', { name: 'Save 4 orders' }).click();
  await expect(page.getByTestId('import-committed-filled')).toHaveText(
    'Missing contact details of 2 existing customers were filled in.',
  );
  await saveScreenshot(page, 'import-committed-filled-en');
  expect((await callApi(host, 'customers.get', { id: hanako! })).email).toBe('hanako@example.jp');
  expect((await callApi(host, 'customers.get', { id: suzuki! })).email).toBeNull();
  // The profile form tells members what their edits mean for imports.
  await page.goto(`${host.url}#/customers/${suzuki!}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  await expect(page.getByTestId('customer-edit-note')).toHaveText(
    'Details you change or clear here are never filled in or replaced by later imports.',
  );
  await saveScreenshot(page, 'customer-edit-note-en');
});
