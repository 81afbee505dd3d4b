import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { goTo } from './support/ui';

const DAY = 86_400_000;

/** A repeat buyer whose last parcel shipped with a tracking number, a namesake, and a buyer marked 要注意. */
async function ledger(host: RunningHost) {
  const first = await createDeal(host, {
    marketplace: 'yahoo_auction',
    externalId: 'x100000001',
    orderedAt: new Date(Date.now() - 400 * DAY).toISOString(),
    buyer: { name: '山田 花子', kana: 'ヤマダ ハナコ', handle: 'hanako_y' },
    items: [{ name: '手編みのマフラー（青）', quantity: 1, unitPrice: 3200 }],
    shipTo: { name: '山田 花子', phone: '090-1234-5678', postalCode: '1540015', prefecture: '東京都' },
  });
  const recent = await createDeal(host, {
    marketplace: 'rakuten',
    externalId: '318724-20261115-0000000001',
    orderedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    items: [{ name: 'カシミヤ マフラー グレー', quantity: 1, unitPrice: 8800 }],
    shipTo: { name: 'ヤマダ ハナコ', phone: '09012345678', postalCode: '1540015', prefecture: '東京都' },
  });
  await callApi(host, 'steps.update', {
    dealId: recent.id,
    kind: 'shipping',
    state: 'done',
    carrier: 'yamato',
    trackingNumber: '4321-8765-0012',
  });
  const taro = await createDeal(host, {
    externalId: 'm12345678901',
    items: [{ name: '文庫本セット', quantity: 1, unitPrice: 800 }],
    shipTo: { name: '山田 太郎', phone: '080-9999-0000', postalCode: '5300001', prefecture: '大阪府' },
  });
  await callApi(host, 'customers.update', { id: taro.customer!.id, patch: { tags: ['要注意'] } });
  return { hanako: first.customer!.id, taro: taro.customer!.id, recent };
}

const lookupDialog = (page: Page) => page.getByRole('dialog', { name: 'クイック検索' });
const lookupInput = (page: Page) => page.getByTestId('lookup-input');
const options = (page: Page) => lookupDialog(page).getByRole('option');

test('a phone number written differently lands on the right customer, with "まだ？" answered in the row', async ({
  page,
  host,
}) => {
  const { hanako } = await ledger(host);
  await openApp(page, host);
  await goTo(page, '取引');

  // Ctrl+K works even while typing in another box.
  await page.getByRole('textbox', { name: '検索' }).first().click();
  await page.keyboard.press('Control+K');
  await expect(lookupDialog(page)).toBeVisible();
  await expect(lookupInput(page)).toBeFocused();
  await lookupInput(page).fill('０９０−１２３４−５６７８');

  const first = options(page).first();
  await expect(first).toHaveAttribute('data-hit-id', String(hanako));
  await expect(first).toHaveAttribute('data-tier', 'exact');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  // The answer to "まだ？" without opening anything: who, what, when, shipped with which tracking number.
  await expect(first).toContainText('山田 花子');
  await expect(first).toContainText('リピーター');
  await expect(first).toContainText('カシミヤ マフラー グレー');
  await expect(first).toContainText('楽天市場');
  await expect(first.getByTestId('lookup-shipping')).toContainText('発送済み');
  await expect(first.getByTestId('lookup-shipping')).toContainText('ヤマト運輸');
  await expect(first.getByTestId('lookup-shipping')).toContainText('4321-8765-0012');
  await expect(lookupDialog(page).getByText('一致', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'ja-lookup-phone');

  await page.keyboard.press('Enter');
  await expect(lookupDialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/customers/${hanako}$`));
  await expect(page.getByRole('heading', { level: 1, name: '山田 花子' })).toBeVisible();
});

test('names in kana, arrow keys, Cmd+K, the header button, trouble markers and deal hits', async ({
  page,
  host,
}) => {
  const { hanako, taro, recent } = await ledger(host);
  await openApp(page, host);

  // The visible button opens the same box.
  await page.getByTestId('lookup-button').click();
  // A reading in hiragana finds the name written in katakana.
  await lookupInput(page).fill('やまだ はなこ');
  await expect(options(page).first()).toHaveAttribute('data-hit-id', String(hanako));
  await lookupInput(page).fill('山田');
  await expect(options(page)).toHaveCount(2);
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  // Earlier trouble shows on the row.
  const taroRow = options(page).filter({ hasText: '山田 太郎' });
  await expect(taroRow.getByTestId('trouble-marker')).toHaveText('要注意');
  await saveScreenshot(page, 'ja-lookup-names');
  // Down moves the choice; Enter opens the chosen one.
  const second = await options(page).nth(1).getAttribute('data-hit-id');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true'); // wraps around
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/customers/${second}$`));
  expect([String(hanako), String(taro)]).toContain(second);

  // Cmd+K (macOS) too; the last query comes back selected, so typing replaces it.
  await page.keyboard.press('Meta+K');
  await expect(lookupInput(page)).toHaveValue('山田');
  await expect(lookupInput(page)).toBeFocused();
  await page.keyboard.type('4321-8765-0012');
  await expect(lookupInput(page)).toHaveValue('4321-8765-0012');
  const dealHit = options(page).first();
  await expect(dealHit).toHaveAttribute('data-hit-type', 'deal');
  await expect(dealHit).toHaveAttribute('data-hit-id', String(recent.id));
  await expect(dealHit).toContainText('追跡番号');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/deals/${recent.id}$`));
  // The deal page links to its buyer.
  await expect(page.getByRole('link', { name: 'このお客さまのページ（購入履歴・メモ）' })).toBeVisible();
  await saveScreenshot(page, 'ja-deal-buyer-link');
  await page.getByRole('link', { name: 'このお客さまのページ（購入履歴・メモ）' }).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${hanako}$`));
});

test('search syntax, very long input and emoji give results or "nothing matches", never an error', async ({
  page,
  host,
}) => {
  await ledger(host);
  await openApp(page, host);
  await page.keyboard.press('Control+K');
  for (const text of [
    '"',
    '*',
    'NEAR(山田 花子)',
    ')',
    '山田" OR "',
    '🙂🙂🙂',
    '😀',
    "'; DROP TABLE deals; --",
  ]) {
    await lookupInput(page).fill(text);
    await expect(lookupDialog(page).getByTestId('lookup-empty').or(options(page).first())).toBeVisible();
    await expect(lookupDialog(page).getByRole('alert')).toHaveCount(0);
  }
  // A pasted message of 10,000 characters with an order number inside: scanned for identifiers.
  const message = `お世話になります。${'まだ届きません。'.repeat(1_300)} 注文番号 m12345678901 です。`;
  expect(message.length).toBeGreaterThan(10_000);
  await lookupInput(page).fill(message);
  await expect(options(page).first()).toHaveAttribute('data-hit-type', 'deal');
  await expect(options(page).first()).toContainText('m12345678901');
  await expect(lookupDialog(page).getByText('長い文章から')).toBeVisible();
  await lookupInput(page).fill('x'.repeat(10_000));
  await expect(lookupDialog(page).getByTestId('lookup-empty')).toBeVisible();
  await saveScreenshot(page, 'ja-lookup-long-input');
  // Escape closes; focus returns to the page.
  await page.keyboard.press('Escape');
  await expect(lookupDialog(page)).toBeHidden();
});

test('English quick lookup', async ({ page, host }) => {
  await ledger(host);
  await callApi(host, 'settings.update', { language: 'en' });
  await openApp(page, host);
  await page.getByTestId('lookup-button').click();
  const dialog = page.getByRole('dialog', { name: 'Quick lookup' });
  await lookupInput(page).fill('090 1234 5678');
  await expect(dialog.getByRole('option').first()).toContainText('Shipped');
  await expect(dialog.getByText('Exact match', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'en-lookup-phone');
});
