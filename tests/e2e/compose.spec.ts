import { callApi } from './support/api';
import { closeToasts, createDeal, pickOption } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

const DAY = 86_400_000;

test('compose a reply for a deal: template filled, hedged date warned and fixed, unfilled value warned, copied', async ({
  page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const member = await callApi(host, 'members.create', { name: '娘', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: member.id });
  await callApi(host, 'templates.saveProfile', {
    shopName: 'はなまる雑貨店',
    signature: '――――――――――\nはなまる雑貨店\n担当：娘',
  });
  const paidAt = new Date(Date.now() - DAY).toISOString();
  const deal = await createDeal(host, {
    marketplace: 'yahoo_auction',
    externalId: 'x100200300',
    buyer: { name: '佐藤 花子 様' },
    shipTo: { name: '佐藤 花子', postalCode: '1500001', prefecture: '東京都', address1: '渋谷区神宮前1-2-3' },
    items: [{ name: '本革 キーケース ブラウン', quantity: 1, unitPrice: 4800 }],
    shippingFee: 230,
    completed: [
      { kind: 'contact', at: paidAt },
      { kind: 'payment', at: paidAt },
    ],
  });
  await callApi(host, 'steps.update', {
    dealId: deal.id,
    kind: 'shipping',
    carrier: 'yamato',
    trackingNumber: '4321-8765-0012',
  });

  await openApp(page, host);
  await page.evaluate(`location.hash = '#/deals/${deal.id}'`);
  await page.getByTestId('compose-open').click();
  const compose = page.getByTestId('compose');

  // The deal's next step is shipping: the ヤフオク! shipping notice, filled from the deal, one 様.
  await expect(compose.getByTestId('compose-template')).toHaveValue(/発送のご連絡（ヤフオク!）/);
  const draft = compose.getByTestId('compose-draft');
  await expect(draft).toHaveValue(/^佐藤 花子様\n/);
  await expect(draft).toHaveValue(/「本革 キーケース ブラウン」をヤマト運輸にて発送いたしました/);
  await expect(draft).toHaveValue(/crjz\.b\.NQ0010\?id=432187650012/);
  await expect(draft).toHaveValue(/担当：娘/);
  await expect(draft).not.toHaveValue(/様様/);
  await expect(compose.getByTestId('compose-length')).toContainText('/ 500 文字');

  // The delivery date is not known yet: it stays visible and copying warns first.
  await expect(compose.locator('[data-rule="unfilled-placeholder"]')).toContainText('【お届け予定日】');
  await compose.getByTestId('compose-copy').click();
  await expect(page.getByRole('dialog', { name: '未入力の項目が残っています' })).toBeVisible();
  await page.getByRole('button', { name: '戻って入力する' }).click();
  await expect(compose.getByTestId('compose-copy')).toHaveAttribute('data-copied', 'false');

  await compose.getByLabel('お届け予定日').fill('2026-11-30');
  await expect(draft).toHaveValue(/お届けは11月30日（月）の予定です/);
  await expect(compose.getByTestId('compose-clean')).toBeVisible();

  // The member adds a hedged promise: the checker flags it and marks it in the text.
  const filled = await draft.inputValue();
  const hedged = filled.replace('万一、', 'たぶん月曜には届くと思います。\n万一、');
  await draft.fill(hedged);
  const warnings = compose.locator('[data-rule="hedged-date"]');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toContainText('「たぶん」');
  await expect(warnings.first()).toContainText('目安');
  await expect(
    compose.getByTestId('compose-highlighted').locator('mark[data-severity="warning"]'),
  ).toHaveText(['たぶん', 'と思います']);
  await saveScreenshot(page, 'compose-hedged');

  // Clicking a finding selects the words in the text.
  await warnings.first().getByRole('button').click();
  const selected = await draft.evaluate((el) => {
    // This file is compiled without the DOM library: describe the textarea's few fields here.
    const area = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  expect(selected).toBe('たぶん');

  // Stated as an estimate instead: nothing left to point out, and the text is copied as is.
  const fixed = hedged.replace(
    'たぶん月曜には届くと思います。',
    '月曜日のお届けを予定しております（目安）。',
  );
  await draft.fill(fixed);
  await expect(warnings).toHaveCount(0);
  await expect(compose.getByTestId('compose-clean')).toBeVisible();
  await compose.getByTestId('compose-copy').click();
  await expect(compose.getByTestId('compose-copy')).toHaveAttribute('data-copied', 'true');
  await expect(compose.getByTestId('compose-copy')).toHaveText('コピーしました');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(fixed);
  await closeToasts(page);
  await saveScreenshot(page, 'compose-copied');
});

test('settings: edit a default template with a live preview, reset it, and make an own copy', async ({
  page,
  host,
}) => {
  const member = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: member.id });
  await openApp(page, host);
  await goTo(page, '設定');
  await openSettingsTab(page, '定型文');
  const editor = page.getByTestId('template-editor');

  // The shop profile fills the preview.
  await page.getByTestId('profile-shop').fill('はなまる雑貨店');
  await page.getByTestId('profile-save').click();
  await expect(page.getByText('ショップ名と署名を保存しました')).toBeVisible();

  await page
    .getByRole('button', { name: /^評価のお願い.*すべてのマーケット/ })
    .first()
    .click();
  await expect(editor.getByTestId('template-name')).toHaveValue('評価のお願い');
  const preview = editor.getByTestId('template-preview');
  await expect(preview).toContainText('山田 花子様');
  await expect(preview).toContainText('はなまる雑貨店でございます。');

  // A typo in a placeholder is refused before saving; a placeholder button inserts a correct one.
  const body = editor.getByTestId('template-body');
  await body.fill('{{おなまえ}}\nありがとうございました。');
  await expect(editor.getByText('知らない差し込み項目があります：{{おなまえ}}')).toBeVisible();
  await expect(editor.getByTestId('template-save')).toBeDisabled();
  await body.fill('\nお取引ありがとうございました。たぶん明日届くと思います。');
  await body.press('Control+Home');
  await editor.getByRole('button', { name: 'お客様名', exact: true }).click();
  await expect(body).toHaveValue('{{お客様名}}\nお取引ありがとうございました。たぶん明日届くと思います。');
  await expect(editor.locator('[data-rule="hedged-date"]')).toHaveCount(2);
  await editor.getByTestId('template-save').click();
  await expect(page.getByText('定型文を保存しました')).toBeVisible();
  await expect(page.getByRole('button', { name: /^評価のお願い.*編集済み/ })).toBeVisible();
  await closeToasts(page);
  await saveScreenshot(page, 'templates-edited');

  // Reset brings the shipped text back.
  await editor.getByRole('button', { name: '標準に戻す' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '標準に戻す' }).click();
  await expect(body).toHaveValue(/もしよろしければ、お時間のあるときにレビューを/);

  // A copy becomes the member's own template, for another marketplace.
  await editor.getByRole('button', { name: 'コピーして作成' }).click();
  await expect(editor.getByTestId('template-name')).toHaveValue('評価のお願い（コピー）');
  await pickOption(page, editor.getByLabel('マーケット', { exact: true }), 'minne');
  await editor.getByTestId('template-save').click();
  await expect(page.getByRole('button', { name: /評価のお願い（コピー）.*minne.*マイ定型文/ })).toBeVisible();
});

test('in English: a complaint answered from a deal is checked with English explanations', async ({
  page,
  host,
}) => {
  await callApi(host, 'settings.update', { language: 'en' });
  await callApi(host, 'templates.saveProfile', {
    shopName: 'はなまる雑貨店',
    signature: 'はなまる雑貨店\n担当：田中',
  });
  const member = await callApi(host, 'members.create', { name: 'Mother', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: member.id });
  const deal = await createDeal(host, {
    marketplace: 'rakuten',
    externalId: 'hanamaru-20261120-0001',
    buyer: { name: '長谷川 美智子（ハセガワ ミチコ）さま' },
    items: [{ name: '手織りコースター 藍 5枚組 ギフト包装つき', quantity: 2, unitPrice: 1400 }],
  });
  await openApp(page, host);
  await page.evaluate(`location.hash = '#/deals/${deal.id}'`);
  await page.getByRole('button', { name: 'Write a reply' }).click();
  const compose = page.getByTestId('compose');

  await pickOption(
    page,
    compose.getByLabel('Template', { exact: true }),
    'First response — 一次受付（お問い合わせのお礼と確認中のご連絡）',
  );
  const draft = compose.getByTestId('compose-draft');
  await expect(draft).toHaveValue(/^長谷川 美智子\(ハセガワ ミチコ\)様\n/);
  await expect(draft).toHaveValue(/【ご連絡予定日】までに/);
  await expect(compose.locator('[data-rule="unfilled-placeholder"]')).toContainText(
    'A placeholder has no value',
  );
  await expect(compose.getByTestId('compose-length')).toHaveText(/^\d+ characters$/);

  await compose.getByLabel('Next reply by').fill('2026-11-26');
  await expect(draft).toHaveValue(/11月26日（木）までに、確認の結果と今後の対応を/);
  await expect(compose.getByTestId('compose-clean')).toHaveText('Nothing to point out.');

  // Deleting the apology is caught: complaint templates are checked as complaint replies.
  const text = await draft.inputValue();
  await draft.fill(
    text.replace('ご不便とご心配をおかけしており、誠に申し訳ございません。', 'ご連絡を確認しました。'),
  );
  await expect(compose.locator('[data-rule="no-apology"]')).toContainText('has no apology');
  await saveScreenshot(page, 'compose-en');
});
