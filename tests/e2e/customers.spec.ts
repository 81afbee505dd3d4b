import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { closeToasts, createDeal, pickOption } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { goTo } from './support/ui';

const DAY = 86_400_000;
const LONG_NAME =
  '長谷川・ローゼンクランツ＝ヴィルヘルミーナ・アレクサンドラ・フォン・シュヴァルツェンベルク 様';

const grid = (page: Page) => page.getByTestId('customers-grid');
const rows = (page: Page) => grid(page).locator('[data-customer-id]');
const total = (page: Page) => page.getByTestId('customers-total');

/** Numbers in one column of the rows on screen (1-based column), for order checks. */
const columnNumbers = (page: Page, column: number) =>
  rows(page)
    .locator(`[role="gridcell"]:nth-child(${column})`)
    .evaluateAll((cells) => cells.slice(0, 8).map((c) => Number(c.textContent?.replace(/[^\d]/g, '') ?? '')));

test('the list with demo data: repeat customers stand out, sorting, tag and marketplace filters, empty results', async ({
  page,
  host,
}) => {
  const seeded = await callApi(host, 'demo.seed', { deals: 600 });
  const top = await callApi(host, 'customers.list', {
    sort: { by: 'lifetimeValue', dir: 'desc' },
    limit: 2,
  });
  await callApi(host, 'customers.update', { id: top.rows[0]!.id, patch: { tags: ['VIP'] } });
  await callApi(host, 'customers.update', { id: top.rows[1]!.id, patch: { tags: ['要注意', 'ギフト多め'] } });
  await openApp(page, host);
  await goTo(page, '顧客');

  await expect(total(page)).toHaveText(`全 ${seeded.customers.toLocaleString('ja-JP')} 人`);
  // Newest purchase first by default; repeat customers are marked.
  await expect(grid(page).getByRole('columnheader', { name: '最終購入日' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(rows(page).first()).toBeVisible();
  await saveScreenshot(page, 'ja-customers-list');

  // Lifetime value, highest first.
  await grid(page).getByRole('button', { name: '累計購入額' }).click();
  await expect(page).toHaveURL(/sort=lifetimeValue/);
  await expect(rows(page).first()).toHaveAttribute('data-customer-id', String(top.rows[0]!.id));
  const values = await columnNumbers(page, 5);
  expect(values.length).toBeGreaterThan(5);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  // Repeat count, highest first: the top rows are repeat customers, highlighted.
  await grid(page).getByRole('button', { name: 'リピート' }).click();
  await expect(page).toHaveURL(/sort=repeatCount/);
  await expect(grid(page).getByRole('columnheader', { name: 'リピート' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect
    .poll(async () => (await columnNumbers(page, 4))[0] ?? 0, { message: 'most repeats first' })
    .toBeGreaterThan(1);
  const repeats = await columnNumbers(page, 4);
  expect(repeats).toEqual([...repeats].sort((a, b) => b - a));
  expect(repeats[0]).toBeGreaterThan(0);
  await expect(rows(page).first()).toHaveAttribute('data-repeat', 'true');
  await expect(rows(page).first()).toContainText('リピーター');

  // Tag filter.
  await page.getByRole('combobox', { name: 'タグ' }).fill('要注意');
  await expect(total(page)).toHaveText('条件に合う顧客 1 人');
  await expect(rows(page).first()).toContainText('要注意');
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(total(page)).toHaveText(`全 ${seeded.customers.toLocaleString('ja-JP')} 人`);

  // Marketplace filter: the count is the backend's.
  const mercari = await callApi(host, 'customers.list', { filter: { marketplace: 'mercari' }, limit: 1 });
  await pickOption(page, page.getByRole('combobox', { name: 'マーケット' }), 'メルカリ');
  await expect(total(page)).toHaveText(`条件に合う顧客 ${mercari.total.toLocaleString('ja-JP')} 人`);

  // Nothing matches: the page says what to do.
  await page.getByRole('textbox', { name: '絞り込み' }).fill('存在しないお客さまの名前');
  await expect(page.getByRole('heading', { name: '条件に合う顧客はいません' })).toBeVisible();
  await page.getByRole('button', { name: '条件をクリア' }).first().click();
  await expect(total(page)).toHaveText(`全 ${seeded.customers.toLocaleString('ja-JP')} 人`);

  // The keyboard opens a customer.
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  const firstId = await rows(page).first().getAttribute('data-customer-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/customers/${firstId}$`));
  await expect(page.getByTestId('customer-page')).toBeVisible();
});

test('an empty ledger says where customers come from', async ({ page, host }) => {
  await openApp(page, host);
  await goTo(page, '顧客');
  await expect(page.getByRole('heading', { name: '顧客はまだいません' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'デモデータを読み込む' })).toBeVisible();
});

/** One buyer over three years and two marketplaces, with a long name. */
async function longNamedBuyer(host: RunningHost) {
  const old = await createDeal(host, {
    marketplace: 'yahoo_auction',
    externalId: 'x200000001',
    orderedAt: new Date(Date.now() - 3 * 365 * DAY).toISOString(),
    buyer: { name: LONG_NAME, kana: 'ハセガワ ヴィルヘルミーナ', handle: 'wilhelmina_h' },
    items: [
      { name: '手編みのマフラー（青）とおそろいの手袋、ギフト用の箱入り', quantity: 1, unitPrice: 4800 },
    ],
    shipTo: { name: LONG_NAME, phone: '03-1234-5678', postalCode: '1500001', prefecture: '東京都' },
  });
  const recent = await createDeal(host, {
    marketplace: 'base',
    externalId: 'B-2026-0001',
    orderedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    buyer: { name: LONG_NAME, kana: 'ハセガワ ヴィルヘルミーナ', email: 'wilhelmina@example.jp' },
    items: [{ name: 'カシミヤ ストール', quantity: 1, unitPrice: 12_000 }],
    shipTo: {
      name: LONG_NAME,
      phone: '０３−１２３４−５６７８',
      postalCode: '150-0001',
      prefecture: '東京都',
    },
  });
  expect(recent.customer!.id).toBe(old.customer!.id);
  return { id: old.customer!.id, old, recent };
}

test('a customer page: every deal however old, figures, tags, notes, wishes, identities, complaints slot', async ({
  page,
  host,
}) => {
  const { id, old } = await longNamedBuyer(host);
  await openApp(page, host);
  await page.goto(`${host.url}#/customers/${id}`);
  const customerPage = page.getByTestId('customer-page');
  await expect(customerPage.getByRole('heading', { level: 1 })).toHaveText(
    LONG_NAME.normalize('NFKC').replace(/ 様$/, ''),
  );
  await expect(page.getByTestId('repeat-badge')).toBeVisible();
  await expect(page.getByTestId('stat-ltv')).toContainText('¥16,800');
  await expect(page.getByTestId('stat-purchases')).toContainText('2');
  await expect(page.getByTestId('stat-repeat')).toContainText('1');
  // A deal three years old (long gone from the marketplace) is here and opens.
  const deals = page.getByTestId('customer-deals');
  await expect(deals.locator('[data-deal-id]')).toHaveCount(2);
  await expect(deals).toContainText('ヤフオク!');
  await expect(deals).toContainText('BASE');
  await expect(page.getByTestId('customer-cases')).toContainText('クレームの記録はまだありません');

  // Tags (a preset and the family's own) and notes.
  const notes = page.getByTestId('customer-notes');
  const tags = notes.getByRole('combobox', { name: 'タグ' });
  await tags.fill('VIP');
  await tags.press('Enter');
  await tags.fill('ギフト多め');
  await tags.press('Enter');
  await notes.getByRole('textbox', { name: 'メモ' }).fill('包装は無地で。前回、到着が1日遅れてお詫び済み。');
  await notes.getByRole('button', { name: 'メモとタグを保存' }).click();
  await expect(customerPage.getByRole('heading', { level: 1 }).locator('..')).toContainText('ギフト多め');
  const saved = await callApi(host, 'customers.get', { id });
  expect(saved.tags.sort()).toEqual(['VIP', 'ギフト多め'].sort());
  expect(saved.notes).toContain('包装は無地で');

  // Wishes: add with "tell me when in stock", edit, mark done, delete.
  const wishes = page.getByTestId('customer-wishes');
  await wishes.getByRole('textbox', { name: 'お願いの内容' }).fill('青のマフラーが再入荷したら欲しい');
  await wishes.getByRole('checkbox', { name: '入荷したら知らせる' }).check();
  await wishes.getByRole('button', { name: 'お願いを追加' }).click();
  const wish = wishes.getByTestId('wish');
  await expect(wish).toContainText('青のマフラーが再入荷したら欲しい');
  await expect(wish).toContainText('入荷連絡');
  await wish.getByRole('button', { name: '編集' }).click();
  await wishes.getByRole('textbox', { name: 'お願いの内容' }).first().fill('紺のマフラーでも可');
  await wishes.getByRole('button', { name: '保存' }).click();
  await expect(wish).toContainText('紺のマフラーでも可');
  await wish.getByRole('button', { name: '対応済みにする' }).click();
  await expect(wish).toHaveAttribute('data-done', 'true');
  await closeToasts(page);
  await saveScreenshot(page, 'ja-customer-long-name');
  await wish.getByRole('button', { name: '削除' }).click();
  await page
    .getByRole('dialog', { name: 'このお願いを削除しますか？' })
    .getByRole('button', { name: '削除' })
    .click();
  await expect(wishes.getByTestId('wish')).toHaveCount(0);
  await expect(wishes).toContainText('お願いはまだありません。');

  // A wrong identifier (a shared landline) can be removed.
  const identities = page.getByTestId('customer-identities');
  await identities.getByRole('button', { name: '外す: 03-1234-5678' }).click();
  await page
    .getByRole('dialog', { name: '手がかりを外しますか？' })
    .getByRole('button', { name: '外す' })
    .click();
  await expect(identities).not.toContainText('03-1234-5678');

  // The history says what happened, in words.
  await expect(page.getByTestId('customer-history')).toContainText(
    'お願い「紺のマフラーでも可」を削除しました',
  );
  await expect(page.getByTestId('customer-history')).toContainText('タグ「VIP」');

  // The old deal opens, and its page links back to the buyer.
  await deals.getByRole('link', { name: old.externalId }).click();
  await expect(page).toHaveURL(new RegExp(`#/deals/${old.id}$`));
  await page.getByRole('link', { name: 'このお客さまのページ（購入履歴・メモ）' }).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}$`));

  // English.
  await callApi(host, 'settings.update', { language: 'en' });
  await expect(page.getByRole('heading', { name: 'Purchases', exact: true })).toBeVisible();
  await expect(page.getByTestId('customer-cases')).toContainText('No complaints recorded yet');
  // The hint names the button next to it.
  await expect(page.getByTestId('customer-cases').getByTestId('raise-case')).toHaveText('Log a complaint');
  await expect(page.getByTestId('customer-cases')).toContainText('Use “Log a complaint” to record one');
  await saveScreenshot(page, 'en-customer-page');
});

test('possible duplicates: compare, merge with the history following, split back, dismiss', async ({
  page,
  host,
}) => {
  // The same phone under two spellings of a name: not merged automatically, proposed instead.
  const ja = await createDeal(host, {
    marketplace: 'mercari',
    externalId: 'm90000000001',
    orderedAt: new Date(Date.now() - 200 * DAY).toISOString(),
    shipTo: { name: '佐藤 美咲', phone: '090-5555-1111', postalCode: '5300001', prefecture: '大阪府' },
  });
  const romaji = await createDeal(host, {
    marketplace: 'amazon',
    externalId: '250-1234567-7654321',
    orderedAt: new Date(Date.now() - 5 * DAY).toISOString(),
    shipTo: { name: 'Misaki Sato', phone: '09055551111', postalCode: '5300001', prefecture: '大阪府' },
  });
  // Two namesakes with nothing else in common: a weaker pair, dismissed as different people.
  await createDeal(host, {
    externalId: 'm90000000002',
    shipTo: { name: '鈴木 一朗', postalCode: '0600001' },
  });
  await createDeal(host, {
    externalId: 'm90000000003',
    shipTo: { name: '鈴木 一朗', postalCode: '9000001' },
  });
  const misaki = ja.customer!.id;
  const other = romaji.customer!.id;
  expect(other).not.toBe(misaki);

  await openApp(page, host);
  await goTo(page, '顧客');
  await page.getByRole('link', { name: '重複の可能性' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '重複の可能性がある顧客' })).toBeVisible();
  const pairs = page.getByTestId('duplicate-pair');
  await expect(pairs).toHaveCount(2);
  const phonePair = pairs.filter({ hasText: 'Misaki Sato' });
  await expect(phonePair).toContainText('同じ電話番号');
  await expect(phonePair).toContainText('090-5555-1111');
  await expect(phonePair.getByTestId('duplicate-side')).toHaveCount(2);
  await saveScreenshot(page, 'ja-duplicates');

  // Dismiss the namesakes.
  await pairs.filter({ hasText: '鈴木 一朗' }).getByRole('button', { name: '別人' }).click();
  await expect(pairs).toHaveCount(1);

  // Merge, keeping 佐藤 美咲: the other's deal follows.
  await phonePair.getByRole('button', { name: '統合する…' }).click();
  const dialog = page.getByRole('dialog', { name: '2人の顧客を統合' });
  await dialog.getByRole('radio').first().check();
  const keptName = await dialog.getByTestId('duplicate-side').first().getByRole('link').textContent();
  expect(keptName).toBe('佐藤 美咲');
  await dialog.getByRole('button', { name: '統合する', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${misaki}$`));
  const deals = page.getByTestId('customer-deals');
  await expect(deals.locator('[data-deal-id]')).toHaveCount(2);
  await expect(deals).toContainText('250-1234567-7654321');
  await expect(page.getByTestId('stat-purchases')).toContainText('2');
  await expect(page.getByTestId('customer-merges')).toContainText('「Misaki Sato」さんを統合');
  await expect(page.getByTestId('customer-history')).toContainText(
    '「Misaki Sato」さんを統合しました（取引 1 件が移動）',
  );
  await closeToasts(page);
  await saveScreenshot(page, 'ja-customer-merged');

  // The absorbed customer's old page says where everything went.
  await page.goto(`${host.url}#/customers/${other}`);
  await expect(page.getByText('この顧客は「佐藤 美咲」さんに統合されています')).toBeVisible();
  await page.getByRole('link', { name: '統合先を開く' }).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${misaki}$`));

  // Split back: the deal returns to Misaki Sato.
  await page.getByTestId('customer-merges').getByRole('button', { name: '分割する' }).click();
  await page
    .getByRole('dialog', { name: '統合を取り消して分割しますか？' })
    .getByRole('button', { name: '分割する' })
    .click();
  await expect(deals.locator('[data-deal-id]')).toHaveCount(1);
  await expect(deals).not.toContainText('250-1234567-7654321');
  await expect(page.getByTestId('customer-merges')).toContainText('分割済み');
  await expect(page.getByTestId('customer-history')).toContainText(
    '統合を取り消して分割しました（取引 1 件が戻りました）',
  );
  const restored = await callApi(host, 'customers.get', { id: other });
  expect(restored.mergedIntoId).toBeNull();
  expect(restored.deals.map((d) => d.externalId)).toEqual(['250-1234567-7654321']);

  // The household log records merge and split.
  const log = await callApi(host, 'activity.list', { subject: { type: 'customer', id: misaki } });
  expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['customer.merged', 'customer.split']));
});

test('10,000 customers scroll, sort and open smoothly', async ({ page, host }) => {
  test.setTimeout(180_000);
  const seeded = await callApi(host, 'demo.seed', { deals: 20_000 });
  expect(seeded.customers).toBeGreaterThan(10_000);
  await openApp(page, host);
  await goTo(page, '顧客');
  await expect(total(page)).toHaveText(`全 ${seeded.customers.toLocaleString('ja-JP')} 人`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(seeded.customers + 1));
  // Only the rows on screen exist in the page.
  expect(await grid(page).locator('[role="row"]').count()).toBeLessThan(60);
  await expect(rows(page).first()).toBeVisible();
  await saveScreenshot(page, 'ja-customers-10000');

  // The last customer is one scroll away and loads its page.
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = grid(page).locator(`[aria-rowindex="${seeded.customers + 1}"]`);
  await expect(last).toHaveAttribute('data-customer-id', /\d+/);
  await saveScreenshot(page, 'ja-customers-10000-end');

  // Repeat customers only, sorted by lifetime value.
  await page.getByRole('switch', { name: 'リピーターのみ' }).click();
  const repeat = await callApi(host, 'customers.list', { filter: { repeatOnly: true }, limit: 1 });
  await expect(total(page)).toHaveText(`条件に合う顧客 ${repeat.total.toLocaleString('ja-JP')} 人`);
  await grid(page).getByRole('button', { name: '累計購入額' }).click();
  await expect(page).toHaveURL(/sort=lifetimeValue/);
  await expect
    .poll(async () => {
      const values = await columnNumbers(page, 5);
      return values.length > 0 && values.every((v, i) => i === 0 || values[i - 1]! >= v);
    })
    .toBe(true);
  await expect(rows(page).first()).toHaveAttribute('data-repeat', 'true');
});

test('English list', async ({ page, host }) => {
  await callApi(host, 'demo.seed', { deals: 300 });
  await callApi(host, 'settings.update', { language: 'en' });
  await openApp(page, host);
  await goTo(page, 'Customers');
  await expect(grid(page).getByRole('columnheader', { name: 'Lifetime value' })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await saveScreenshot(page, 'en-customers-list');
  await page.getByRole('link', { name: 'Possible duplicates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
  await saveScreenshot(page, 'en-duplicates');
});
