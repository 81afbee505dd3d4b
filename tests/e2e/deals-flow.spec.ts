import { callApi } from './support/api';
import {
  closeToasts,
  createDeal,
  dealRow,
  endOfTokyoToday,
  naviPasteText,
  pickOption,
  switchMember,
} from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

test('a deal by paste: assign steps to two members, see them on each one’s today, bulk-mark shipped, read the log', async ({
  page,
  host,
}) => {
  const mother = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'members.create', { name: '父', color: 'blue' });
  await callApi(host, 'session.switch', { memberId: mother.id });
  // Two more deals waiting to be shipped, for the bulk action.
  await createDeal(host, { externalId: 'm90000000001', shipTo: { name: '木村 二郎' } });
  await createDeal(host, { externalId: 'm90000000002', shipTo: { name: '林 三子' } });
  await openApp(page, host);

  // N opens the form from the ledger.
  await goTo(page, '取引');
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: '取引を追加' })).toBeVisible();

  // Paste the 取引ナビ page: what was read is listed, the missing phone is named.
  await page.getByLabel('取引ナビの内容').fill(
    naviPasteText({
      auctionId: 'z100200300',
      title: '本革 キーケース ブラウン',
      buyer: '佐藤　花子',
      endedDaysAgo: 4,
    }),
  );
  const result = page.getByTestId('navi-result');
  await expect(result).toContainText('読み取れた項目');
  await expect(result.getByTestId('navi-missing')).toContainText('電話番号');
  await page.getByRole('button', { name: 'フォームに入れる' }).click();

  const form = page.getByRole('form', { name: '取引を追加' });
  await expect(form.getByLabel('注文番号')).toHaveValue('z100200300');
  await expect(form.getByLabel('商品名（1行目）')).toHaveValue('本革 キーケース ブラウン');
  await expect(form.getByLabel('単価（1行目）')).toHaveValue('3800');
  await expect(form.getByLabel('郵便番号')).toHaveValue('150-0001');
  await expect(form.getByLabel('氏名', { exact: true })).toHaveValue('佐藤 花子');
  // 支払い完了 on the page: contact and payment are already done.
  await expect(page.getByTestId('completed-payment').getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('form-total')).toContainText('合計 ¥4,030');
  await form.getByRole('button', { name: '登録する' }).click();

  // The new deal's page.
  await expect(page.getByRole('heading', { level: 1, name: '注文番号 z100200300' })).toBeVisible();
  await expect(page.getByTestId('deal-total')).toHaveText('¥4,030');
  const steps = page.getByTestId('steps-panel');
  await expect(steps.getByRole('group', { name: '入金' }).getByTestId('step-state')).toHaveText('完了');
  // Shipping was due two days after payment: it is overdue already.
  await expect(steps.getByRole('group', { name: '発送' }).getByTestId('step-state')).toHaveText('期限切れ');

  // Shipping goes to 父; receipt to 母, due today.
  await pickOption(page, steps.getByLabel('発送の担当'), '父');
  await expect(page.getByTestId('activity-timeline')).toContainText('発送の担当を父さんにしました');
  const receipt = steps.getByRole('group', { name: '受取' });
  await pickOption(page, receipt.getByLabel('受取の担当'), '母');
  await expect(page.getByTestId('activity-timeline')).toContainText('受取の担当を母さんにしました');
  await receipt.getByLabel('受取の期限（日本時間）').fill(endOfTokyoToday());
  await receipt.getByLabel('受取の期限（日本時間）').press('Enter');
  await expect(page.getByTestId('activity-timeline')).toContainText('受取の期限を');

  // 父's day shows the overdue shipment, with the family overview.
  await switchMember(page, '父');
  await goTo(page, '今日');
  const overdue = page.getByTestId('tasks-overdue');
  await expect(overdue.getByTestId('task').filter({ hasText: 'z100200300' })).toContainText('発送');
  await expect(page.getByTestId('family-overview')).toContainText('母');
  await closeToasts(page);
  await saveScreenshot(page, 'ja-today-father');

  // 母's day shows the receipt due today.
  await switchMember(page, '母');
  await expect(
    page.getByTestId('tasks-today').getByTestId('task').filter({ hasText: 'z100200300' }),
  ).toContainText('受取');

  // Mark the three shippable deals shipped at once, with a pasted column of tracking numbers.
  await goTo(page, '取引');
  await page.getByTestId('saved-views').getByText('発送待ち').click();
  await expect(page.getByTestId('deals-total')).toHaveText('条件に合う取引 3 件');
  await page.getByRole('checkbox', { name: '条件に合う取引をすべて選択' }).click();
  await expect(page.getByTestId('bulk-bar')).toContainText('3 件を選択中');
  await page.getByTestId('bulk-bar').getByRole('button', { name: '発送済みにする' }).click();
  const ship = page.getByRole('dialog', { name: '発送済みにする（3 件）' });
  await pickOption(page, ship.getByRole('combobox', { name: '配送業者' }), '日本郵便');
  const firstTracking = ship.getByTestId('ship-row').first().getByRole('textbox');
  await firstTracking.focus();
  // A column copied from a spreadsheet, pasted into the first box (a string: no DOM types in this file).
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '111122223333\\n444455556666\\n777788889999\\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  })()`);
  await expect(ship.getByText('3 件の追跡番号を入れました。')).toBeVisible();
  await expect(ship.getByTestId('ship-row').nth(2).getByRole('textbox')).toHaveValue('777788889999');
  await closeToasts(page);
  await saveScreenshot(page, 'ja-bulk-ship-filled');
  await ship.getByRole('button', { name: '3 件を発送済みにする' }).click();
  await expect(page.getByText('3 件を更新しました。')).toBeVisible();
  await expect(page.getByText('条件に合う取引はありません')).toBeVisible();

  // The deal's own timeline: who did what, when.
  await page.getByTestId('saved-views').getByText('すべて').click();
  await dealRow(page, 'z100200300').getByRole('link', { name: 'z100200300' }).click();
  const timeline = page.getByTestId('activity-timeline');
  await expect(timeline).toContainText('取引を登録しました（ヤフオク! z100200300）');
  await expect(timeline).toContainText('発送を完了にしました');
  await expect(timeline).toContainText('配送業者を日本郵便にしました');
  await expect(timeline).toContainText('追跡番号を');
  await expect(
    page
      .getByTestId('steps-panel')
      .getByRole('group', { name: '発送' })
      .getByRole('textbox', { name: '追跡番号' }),
  ).toHaveValue(/^(111122223333|444455556666|777788889999)$/);
  await closeToasts(page);
  await saveScreenshot(page, 'ja-deal-detail-after-ship');

  // And the household log names the deal.
  await goTo(page, '設定');
  await openSettingsTab(page, '操作履歴');
  await expect(
    page.getByRole('row').filter({ hasText: '発送の担当を父さんにしました' }).first(),
  ).toContainText('母');
});
