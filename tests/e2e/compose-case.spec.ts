import { callApi } from './support/api';
import { closeToasts, createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

const DAY = 86_400_000;
/** A timestamp's calendar day in Tokyo, as a date input shows it. */
const tokyoDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

test('reply to a case from a template: hedged date warned and fixed, copied, logged as sent, timer stops', async ({
  page,
  host,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const member = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: member.id });
  await callApi(host, 'templates.saveProfile', {
    shopName: 'はなまる雑貨店',
    signature: 'はなまる雑貨店\n担当：母',
  });
  const deal = await createDeal(host, {
    marketplace: 'rakuten',
    externalId: 'hanamaru-20261120-0042',
    buyer: { name: '高橋 美咲 様' },
    items: [{ name: '有田焼 豆皿 5枚セット（藍・白・朱・黄・緑）', quantity: 1, unitPrice: 3800 }],
  });
  const created = await callApi(host, 'cases.create', {
    dealId: deal.id,
    category: 'damaged',
    severity: 'high',
    summary: '豆皿が1枚割れていた',
    firstEntry: { kind: 'message_in', text: '届いた豆皿が1枚割れていました。どうしたらよいですか。' },
  });
  const promiseDue = new Date(Date.now() + 2 * DAY).toISOString();
  await callApi(host, 'promises.create', {
    caseId: created.id,
    title: '割れの状況を確認してご連絡',
    dueAt: promiseDue,
  });

  await openApp(page, host);
  await page.evaluate(`location.hash = '#/cases/${created.id}'`);
  await expect(page.getByTestId('first-response')).toContainText('あと');
  await page.getByRole('button', { name: '返信文を作成' }).click();
  const compose = page.getByTestId('compose');

  // 受付: the first-response template, filled from the case, its deal and its open promise.
  await expect(compose.getByTestId('compose-template')).toHaveValue(/一次受付/);
  await expect(compose.getByLabel('ご連絡予定日')).toHaveValue(tokyoDay(promiseDue));
  const draft = compose.getByTestId('compose-draft');
  await expect(draft).toHaveValue(/^高橋 美咲様\n/);
  await expect(draft).toHaveValue(/ご注文番号：hanamaru-20261120-0042/);
  await expect(draft).not.toHaveValue(/【/);
  await expect(compose.getByTestId('compose-clean')).toBeVisible();

  // A hedged date written as a commitment is flagged and marked in the text.
  const filled = await draft.inputValue();
  const hedged = filled.replace(
    'お急ぎのところ',
    '代わりの品は、おそらく来週には発送できると思います。\nお急ぎのところ',
  );
  await draft.fill(hedged);
  const warnings = compose.locator('[data-rule="hedged-date"]');
  await expect(warnings.first()).toContainText('「おそらく」');
  await expect(
    compose.getByTestId('compose-highlighted').locator('mark[data-severity="warning"]').first(),
  ).toHaveText('おそらく');
  await saveScreenshot(page, 'compose-case-hedged');

  // Stated as an estimate instead: nothing to point out; copied as is.
  const fixed = hedged.replace(
    'おそらく来週には発送できると思います。',
    '来週中の発送を目安としております（確定しましたらご連絡いたします）。',
  );
  await draft.fill(fixed);
  await expect(warnings).toHaveCount(0);
  await expect(compose.getByTestId('compose-clean')).toBeVisible();
  await compose.getByTestId('compose-copy').click();
  await expect(compose.getByTestId('compose-copy')).toHaveAttribute('data-copied', 'true');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(fixed);

  // One click puts it on the timeline as our message: the first-response timer stops.
  await compose.getByTestId('compose-log-sent').click();
  await expect(compose).toBeHidden();
  await expect(page.getByTestId('first-response')).toContainText('連絡済み');
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline.locator('.mantine-Timeline-item')).toHaveCount(2);
  await expect(timeline.locator('.mantine-Timeline-item').last()).toContainText('来週中の発送を目安');
  await expect(timeline.locator('.mantine-Timeline-item').last()).toContainText('母');
  await closeToasts(page);
  await saveScreenshot(page, 'compose-case-logged');

  // 提案済み: the proposal template, with the case's options numbered.
  await callApi(host, 'cases.addOption', {
    caseId: created.id,
    kind: 'partial_refund',
    amount: 760,
    note: '割れた1枚分',
  });
  await callApi(host, 'cases.addOption', { caseId: created.id, kind: 'reship' });
  await callApi(host, 'cases.move', { id: created.id, to: 'proposed' });
  await page.reload();
  await expect(page.getByTestId('case-state')).toHaveText('提案済み');
  await page.getByRole('button', { name: '返信文を作成' }).click();
  await expect(compose.getByTestId('compose-template')).toHaveValue(/ご提案/);
  await expect(draft).toHaveValue(/1\. 一部返金（760円）：割れた1枚分\n2\. 再送/);
  await saveScreenshot(page, 'compose-case-proposal');
  await page.keyboard.press('Escape');

  // 設定 → 操作履歴 words every case action; no raw action code shows.
  await goTo(page, '設定');
  await openSettingsTab(page, '操作履歴');
  const log = page.getByRole('tabpanel');
  await expect(log).toContainText('クレーム #1: やりとりを記録しました（お客さまへ）');
  await expect(log).toContainText('クレーム #1: 状態を「受付」から「提案済み」にしました');
  await expect(log).toContainText('取引 #1: この取引からクレーム #1 を受け付けました');
  await expect(log).not.toContainText(/\b(case|cases|followup|template)\.[a-z_]+/);
  await saveScreenshot(page, 'compose-case-activity');
});
