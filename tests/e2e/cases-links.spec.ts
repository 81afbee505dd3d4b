import { callApi } from './support/api';
import { createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo } from './support/ui';

/** Cases reached from where the seller already is: the customer page and quick lookup. */
test('the customer page lists the buyer’s cases; quick lookup finds a case and Enter opens it', async ({
  page,
  host,
}) => {
  const deal = await createDeal(host, {
    externalId: 'x200000001',
    shipTo: { name: '鈴木 美咲', phone: '090-2222-3333', postalCode: '1500001', prefecture: '東京都' },
  });
  const customerId = deal.customer!.id;
  const raised = await callApi(host, 'cases.create', {
    dealId: deal.id,
    category: 'damaged',
    severity: 'high',
    summary: 'マグカップの取っ手が欠けていた',
    wish: '交換してほしい',
    firstEntry: { kind: 'message_in', text: '届いたカップが欠けていました' },
  });
  await openApp(page, host);

  const dialog = page.getByRole('dialog', { name: 'クイック検索' });
  const input = page.getByTestId('lookup-input');
  await goTo(page, '取引');
  await page.keyboard.press('Control+K');
  // The buyer has a case but no 要注意 tag: the marker still warns.
  await input.fill('鈴木');
  const buyer = dialog.getByRole('option').first();
  await expect(buyer).toHaveAttribute('data-hit-id', String(customerId));
  await expect(buyer.getByTestId('trouble-marker')).toContainText('クレーム歴あり');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/customers/${customerId}$`));

  const section = page.getByTestId('customer-cases');
  await expect(section.getByTestId('customer-case')).toHaveCount(1);
  await expect(section).toContainText('破損');
  await expect(section).toContainText('受付');
  await expect(section.getByTestId('raise-case')).toBeVisible();
  await saveScreenshot(page, 'ja-customer-cases');
  await section.getByRole('link', { name: /マグカップ/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${raised.id}$`));

  await goTo(page, '取引');
  await page.keyboard.press('Control+K');
  await input.fill('取っ手');
  const first = dialog.getByRole('option').first();
  await expect(first).toContainText('マグカップの取っ手が欠けていた');
  await expect(first).toContainText('鈴木 美咲');
  await expect(first).toContainText('破損');
  await saveScreenshot(page, 'ja-lookup-case');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${raised.id}$`));

  // Words only in the buyer's message find the case too, and the row says where they matched.
  await goTo(page, '取引');
  await page.keyboard.press('Control+K');
  await input.fill('届いたカップ');
  const byMessage = dialog.getByRole('option').filter({ hasText: 'マグカップの取っ手が欠けていた' });
  await expect(byMessage).toHaveCount(1);
  await expect(byMessage).toContainText('クレームのやりとり');
  await saveScreenshot(page, 'ja-lookup-case-by-message');
});
