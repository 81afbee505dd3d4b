import { callApi } from './support/api';
import { moveClocks, testWithClock } from './support/clocked';
import { closeToasts, createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

/** Friday 20 Nov 2026, 10:00 in Tokyo: the host's clock and the page's clock start here together. */
const START = '2026-11-20T01:00:00.000Z';

const test = testWithClock(START);

test('a complaint from a deal: the buyer’s message, a promise, its reminder, options, resolution and after-care', async ({
  page,
  host,
}) => {
  // A long flow on a shared 2-core machine.
  test.setTimeout(150_000);
  const mother = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: mother.id });
  const deal = await createDeal(host, {
    externalId: 'm77770000001',
    orderedAt: '2026-11-20T00:30:00.000Z',
    shipTo: { name: '高橋 美咲', postalCode: '1500001', prefecture: '東京都', address1: '渋谷区神宮前1-1' },
  });
  await openApp(page, host);
  // After the app-ready mark: Playwright's clock replaces the performance timeline the mark lives in.
  await page.clock.setFixedTime(new Date(START));
  await page.goto(`${host.origin}/#/deals/${deal.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '注文番号 m77770000001' })).toBeVisible();

  // Raise the case from the deal, pasting the buyer's message.
  await page.getByTestId('raise-case').click();
  const modal = page.getByRole('dialog', { name: '取引 m77770000001 のクレーム' });
  await modal.getByLabel('要件（ひとことで）').fill('商品が届かない');
  await modal.getByLabel('お客さまの希望').fill('日曜までに届けてほしい');
  await modal
    .getByLabel('お客さまからの連絡（そのまま貼り付け）')
    .fill('まだ届きません。どうなっていますか？\n日曜に使いたいのですが。');
  await modal.getByRole('button', { name: '登録する' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /クレーム #1 商品が届かない/ })).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveText('受付');
  await expect(page.getByTestId('first-response')).toHaveText('あと 24時間');
  await expect(page.getByTestId('case-deal')).toContainText('m77770000001');
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline).toContainText('日曜に使いたいのですが。');
  await expect(timeline).toContainText('母');
  await closeToasts(page);

  // Answer within the deadline: the first-response timer stops.
  await page
    .getByTestId('entry-text')
    .fill('ご連絡ありがとうございます。ただいま配送状況を確認しております。');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByTestId('first-response')).toContainText('連絡済み');

  // The buyer writes again, and we promise a call by 18:00.
  await page.getByTestId('entry-kind').getByText('お客さまから').click();
  await page.getByTestId('entry-text').fill('よろしくお願いします。');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(timeline.locator('.mantine-Timeline-item')).toHaveCount(3);
  await page.getByTestId('promise-title').fill('本日18時までに配送状況をお電話でご報告します');
  await page.getByTestId('promise-due').fill('2026-11-20T18:00');
  await page.getByRole('button', { name: '約束を記録' }).click();
  await expect(page.getByTestId('promise')).toContainText('本日18時までに配送状況をお電話でご報告します');
  await expect(page.getByTestId('overdue-promise-banner')).toHaveCount(0);
  await closeToasts(page);

  // Time passes (in the host and the page): at 18:01 the reminder appears, and the banner.
  const moved = await moveClocks(page, host, '2026-11-20T09:01:00.000Z');
  expect(moved.notified).toBe(1);
  const notice = page.getByTestId('reminder-notice');
  await expect(notice).toHaveText('本日18時までに配送状況をお電話でご報告します（高橋 美咲）');
  await expect(page.locator('.mantine-Notification-root')).toContainText('約束の期限です');
  const banner = page.getByTestId('overdue-promise-banner');
  await expect(banner).toContainText(
    '約束の期限が過ぎています: 本日18時までに配送状況をお電話でご報告します',
  );
  await expect(page.getByTestId('promise')).toContainText('期限切れ');
  await saveScreenshot(page, 'case-overdue-promise');

  // The same instant again notifies nothing new.
  expect((await moveClocks(page, host, '2026-11-20T09:02:00.000Z')).notified).toBe(0);

  // We called (late): broken, recorded honestly. The banner goes.
  await page.getByTestId('promise').getByRole('button', { name: '守れなかった' }).click();
  await expect(banner).toHaveCount(0);
  await closeToasts(page);

  // Options, and the buyer's choice.
  const options = page.getByTestId('options');
  await options.getByRole('button', { name: '案を追加' }).click(); // 一部返金 needs an amount: refused
  await expect(page.locator('.mantine-Notification-root')).toContainText('入力内容を確認してください');
  await closeToasts(page);
  await options.getByTestId('option-amount').fill('500');
  await options.getByRole('button', { name: '案を追加' }).click();
  await options.getByTestId('option-kind').click();
  await page.getByRole('option', { name: '再送' }).click();
  await options.getByRole('button', { name: '案を追加' }).click();
  await expect(options.getByTestId('case-option')).toHaveCount(2);
  await options
    .getByTestId('case-option')
    .filter({ hasText: '再送' })
    .getByRole('button', { name: 'これを選んだ' })
    .click();
  await expect(options.getByTestId('case-option').filter({ hasText: '再送' })).toContainText(
    'お客さまの選択',
  );
  await expect(options.getByTestId('case-option').filter({ hasText: '一部返金' })).toContainText('¥500');

  // Resolve: the after-care plan is scheduled from today.
  await page.getByTestId('resolution-text').fill('新しい商品を再送し、翌日に届いたことを確認しました。');
  await page.getByTestId('improvement-text').fill('発送時に追跡番号をすぐお知らせするようにしました。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-moves').getByRole('button', { name: '解決にする' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('解決');
  const aftercare = page.getByTestId('aftercare-step');
  await expect(aftercare).toHaveCount(3);
  await expect(aftercare.nth(0)).toContainText('確認の連絡');
  await expect(aftercare.nth(0)).toContainText('11/27');
  await expect(aftercare.nth(1)).toContainText('05/20');
  await expect(aftercare.nth(2)).toContainText('2027/11/20');
  await closeToasts(page);
  await saveScreenshot(page, 'case-resolved');

  // Everything due in one place: the after-care appears among the follow-ups (everyone's, calendar too).
  await goTo(page, 'フォローアップ');
  await expect(page.getByTestId('bucket-later').getByTestId('followup')).toHaveCount(3);
  await saveScreenshot(page, 'followups-list');
  await page.getByText('カレンダー', { exact: true }).click();
  // The one-week check-in sits on Friday 27 November.
  await expect(page.getByTestId('followups-calendar')).toContainText('その後いかがですか');
  await saveScreenshot(page, 'followups-calendar');
  await page.getByRole('button', { name: '次の月' }).click();
  await expect(page.getByTestId('followups-calendar')).toContainText('2026年12月');
  await expect(page.getByTestId('followups-calendar')).not.toContainText('その後いかがですか');

  await goTo(page, 'クレーム');
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('stat-promises')).toContainText('0%');
  await saveScreenshot(page, 'cases-list');
  await goTo(page, '設定');
  await openSettingsTab(page, 'アフターケア');
  await expect(page.getByTestId('aftercare-plan')).toHaveCount(1);
  await saveScreenshot(page, 'settings-aftercare');
});

test('the follow-ups page: buckets, snooze into the future, done, and an empty state that says what to do', async ({
  page,
  host,
}) => {
  const mother = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  const father = await callApi(host, 'members.create', { name: '父', color: 'blue' });
  await callApi(host, 'session.switch', { memberId: mother.id });
  await openApp(page, host);
  await page.clock.setFixedTime(new Date(START));
  await goTo(page, 'フォローアップ');
  await expect(page.getByText('期限のある作業はありません')).toBeVisible();

  await callApi(host, 'followups.create', {
    title: '仕入れ先に青の在庫を確認する',
    dueAt: '2026-11-20T00:00:00.000Z',
  });
  await callApi(host, 'followups.create', {
    title:
      'とても長い名前のお客さまへの手書きのお礼状を書いて発送する（ギフト包装の件で二度お問い合わせいただいた方）',
    dueAt: '2026-11-20T08:00:00.000Z',
  });
  await callApi(host, 'followups.create', {
    title: '来週の展示会の準備',
    dueAt: '2026-11-30T01:00:00.000Z',
    assigneeId: father.id,
  });
  await expect(page.getByTestId('bucket-overdue').getByTestId('followup')).toHaveCount(1);
  await expect(page.getByTestId('bucket-today').getByTestId('followup')).toHaveCount(1);
  // Mother's view by default; the whole family shows father's too.
  await expect(page.getByTestId('bucket-later').getByTestId('followup')).toHaveCount(0);
  await saveScreenshot(page, 'followups-buckets');

  const overdue = page.getByTestId('bucket-overdue').getByTestId('followup');
  await overdue.getByRole('button', { name: 'あとで' }).click();
  await page.getByRole('menuitem', { name: '明日の朝10時' }).click();
  await expect(page.getByTestId('bucket-overdue').getByTestId('followup')).toHaveCount(0);
  await expect(page.getByTestId('bucket-week').getByTestId('followup')).toContainText('まで延期');

  const today = page.getByTestId('bucket-today').getByTestId('followup');
  await today.getByTestId('followup-done').click();
  await expect(page.getByTestId('bucket-today').getByTestId('followup')).toHaveCount(0);
});
