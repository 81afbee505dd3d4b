import { callApi } from './support/api';
import { createDeal, pickOption } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo } from './support/ui';

test('the new-deal form: mistakes shown at their fields and nothing written; a duplicate order number refused', async ({
  page,
  host,
}) => {
  const member = await callApi(host, 'members.create', { name: '娘', color: 'green' });
  await callApi(host, 'session.switch', { memberId: member.id });
  await createDeal(host, { marketplace: 'yahoo_auction', externalId: 'x100' });
  await openApp(page, host);
  await goTo(page, '取引');
  await page.getByRole('button', { name: '取引を追加' }).click();
  const form = page.getByRole('form', { name: '取引を追加' });

  // Everything wrong at once.
  await pickOption(page, form.getByRole('combobox', { name: 'マーケット' }), 'ヤフオク!');
  await form.getByLabel('注文番号').fill('');
  await form.getByLabel('商品名（1行目）').fill('木製スツール');
  await form.getByLabel('単価（1行目）').fill('12O0');
  await form.getByLabel('数量（1行目）').fill('0');
  await form.getByLabel('氏名', { exact: true }).fill('高橋 実');
  await form.getByRole('textbox', { name: '電話番号', exact: true }).fill('12');
  await form.getByLabel('メールアドレス').fill('takahashi@');
  await form.getByLabel('郵便番号').fill('150-001');
  await form.getByRole('button', { name: '登録する' }).click();

  const errorOf = (label: string) => form.getByRole('textbox', { name: label });
  await expect(page.getByTestId('form-errors')).toContainText('まだ何も保存されていません');
  await expect(errorOf('注文番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('注文番号を入力してください（100文字まで）。')).toBeVisible();
  await expect(form.getByText('0円以上の整数で入力してください（例: 1,500）。')).toBeVisible();
  await expect(form.getByText('数量は1以上の整数です。')).toBeVisible();
  await expect(form.getByText('電話番号は6〜15桁の数字です。')).toBeVisible();
  await expect(form.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
  await expect(form.getByText('郵便番号は7桁の数字です（例: 123-4567）。')).toBeVisible();
  // Each message belongs to its own field.
  await expect(errorOf('郵便番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf('単価（1行目）')).toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf('商品名（1行目）')).not.toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, 'ja-new-deal-errors');
  expect((await callApi(host, 'system.info', {})).counts.deals).toBe(1);

  // Fixed, but with an order number already in the ledger: the backend refuses it at the field.
  await form.getByLabel('注文番号').fill('x100');
  await form.getByLabel('単価（1行目）').fill('１，２００円');
  await form.getByLabel('数量（1行目）').fill('1');
  await form.getByRole('textbox', { name: '電話番号', exact: true }).fill('090-1111-2222');
  await form.getByLabel('メールアドレス').fill('takahashi@example.jp');
  await form.getByLabel('郵便番号').fill('〒150-0001');
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(form.getByText('この注文番号はこのマーケットですでに登録されています。')).toBeVisible();
  await expect(errorOf('注文番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf('注文番号')).toBeFocused();
  expect((await callApi(host, 'system.info', {})).counts.deals).toBe(1);

  // A new number goes through (full-width yen read as ¥1,200) and opens the deal.
  await form.getByLabel('注文番号').fill('x101');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: '注文番号 x101' })).toBeVisible();
  await expect(page.getByTestId('deal-total')).toHaveText('¥1,200');
  expect((await callApi(host, 'system.info', {})).counts.deals).toBe(2);
});
