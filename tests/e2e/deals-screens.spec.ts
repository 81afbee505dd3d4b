import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { closeToasts, createDeal, naviPasteText, pickOption } from './support/deals-ui';
import { expect, openApp, saveScreenshot as save, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { goTo, openSettingsTab } from './support/ui';

/** A screenshot without toasts left over from earlier steps. */
async function saveScreenshot(page: Page, name: string) {
  await closeToasts(page);
  await save(page, name);
}

/** Deals page, a deal, the paste form with warnings, the ship dialog, today and workflows, in one language. */
async function visitDealScreens(page: Page, host: RunningHost, lang: 'ja' | 'en') {
  const words =
    lang === 'ja'
      ? {
          deals: '取引',
          add: '取引を追加',
          paste: '取引ナビの内容',
          warnings: '確認してください',
          ship: '発送済みにする',
          today: '今日',
          settings: '設定',
          workflows: '取引の流れ',
        }
      : {
          deals: 'Deals',
          add: 'Add a deal',
          paste: '取引ナビ page text',
          warnings: 'Please check',
          ship: 'Mark shipped',
          today: 'Today',
          settings: 'Settings',
          workflows: 'Workflows',
        };
  await goTo(page, words.deals);
  await expect(page.getByTestId('deals-grid').locator('[data-deal-id]').first()).toBeVisible();
  await saveScreenshot(page, `${lang}-deals-demo`);

  // A deal with a very long item and buyer name must not break the layout.
  await page.getByTestId('deal-search').fill('LONG-1');
  await expect(page.getByTestId('deals-total')).toHaveText(
    lang === 'ja' ? '条件に合う取引 1 件' : '1 matching deals',
  );
  await saveScreenshot(page, `${lang}-deals-long-names`);
  await page.getByTestId('deals-grid').getByRole('link', { name: 'LONG-1' }).click();
  await expect(page.getByTestId('steps-panel')).toBeVisible();
  await expect(page.getByTestId('activity-timeline')).toBeVisible();
  await saveScreenshot(page, `${lang}-deal-detail`);

  // The paste box with a page that has a wrong postal code and no phone number.
  await goTo(page, words.deals);
  await page.getByRole('button', { name: words.add }).click();
  await page.getByLabel(words.paste).fill(
    naviPasteText({
      auctionId: lang === 'ja' ? 'q155500001' : 'q255500002',
      title: 'ノースフェイス フリース ジャケット M',
      buyer: '中村 さくら',
      endedDaysAgo: 2,
      postal: '150-001',
    }),
  );
  // The parser's notes are worded in the screen's language.
  await expect(page.getByTestId('navi-warnings')).toContainText(
    lang === 'ja'
      ? '郵便番号が7桁ではありません（「150-001」）'
      : 'The postal code does not have 7 digits ("150-001")',
  );
  await page.getByTestId('navi-result').getByRole('button').first().click();
  await saveScreenshot(page, `${lang}-new-deal-paste`);

  // The ship dialog for the first five deals (some already shipped: the dialog says why they stay).
  await goTo(page, words.deals);
  const boxes = page.getByTestId('deals-grid').locator('[data-deal-id] input[type="checkbox"]');
  await boxes.nth(0).click();
  await boxes.nth(4).click({ modifiers: ['Shift'] });
  await page.getByTestId('bulk-bar').getByRole('button', { name: words.ship }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await saveScreenshot(page, `${lang}-bulk-ship`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await goTo(page, words.today);
  await expect(page.getByTestId('family-overview')).toBeVisible();
  await saveScreenshot(page, `${lang}-today`);

  await goTo(page, words.settings);
  await openSettingsTab(page, words.workflows);
  await expect(page.getByTestId('workflow-editor')).toBeVisible();
  await saveScreenshot(page, `${lang}-settings-workflows`);
}

test('deal screens with demo data in Japanese and English; a workflow edit applies to new deals; today without a member', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await callApi(host, 'demo.seed', { deals: 300 });
  const members = await callApi(host, 'members.list', {});
  const father = members.find((m) => m.name === '父')!;
  await createDeal(host, {
    externalId: 'LONG-1',
    buyer: { name: 'アレクサンドラ・ヴィクトリア・エリザベス・山田・フォン・ホーエンツォレルン花子' },
    items: [
      {
        name: '【新品未使用・送料無料】とても長い商品名のハンドメイド天然石ブレスレット（ローズクォーツ・アメジスト・ラピスラズリ）おまけ付き 限定カラー',
        quantity: 2,
        unitPrice: 12_345,
      },
      { name: 'ギフトラッピング', quantity: 1, unitPrice: 300 },
    ],
    notes: '購入者から「プレゼント用なので値札を外してください」とのこと。',
    tags: ['ギフト', 'リピーター'],
  });
  await openApp(page, host);

  // Nobody is using the app yet: today asks whose day to show.
  await expect(page.getByRole('heading', { name: 'だれの「今日」を表示しますか？' })).toBeVisible();
  await saveScreenshot(page, 'ja-today-choose-member');
  await page.getByRole('button', { name: '父' }).click();
  await expect(page.getByTestId('kind-counts')).toBeVisible();
  await callApi(host, 'session.switch', { memberId: father.id });

  await visitDealScreens(page, host, 'ja');

  // Workflow: Mercari shipping within 1 day, usually by 父; a new Mercari deal follows it.
  await page.getByRole('navigation', { name: 'マーケット' }).getByText('メルカリ', { exact: true }).click();
  const shipping = page.getByTestId('workflow-shipping');
  await shipping.getByRole('textbox', { name: '発送の期限', exact: true }).fill('1');
  await pickOption(page, shipping.getByRole('combobox', { name: '発送のいつもの担当' }), '父');
  await page.getByTestId('workflow-editor').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('メルカリ の取引の流れを保存しました')).toBeVisible();
  const deal = await createDeal(host, {
    externalId: 'm-after-workflow',
    orderedAt: new Date().toISOString(),
  });
  const step = deal.steps.find((s) => s.kind === 'shipping')!;
  expect(step.assigneeId).toBe(father.id);
  expect(new Date(step.dueAt!).getTime() - new Date(deal.orderedAt).getTime()).toBe(24 * 3_600_000);

  await callApi(host, 'settings.update', { language: 'en' });
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Today' })).toBeVisible();
  await visitDealScreens(page, host, 'en');
});
