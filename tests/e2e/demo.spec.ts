import { callApi } from './support/api';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, navEn, openSettingsTab, pagesJa } from './support/ui';

test('load demo data from an empty state; every page with demo data in Japanese and English', async ({
  page,
  host,
}) => {
  await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await openApp(page, host);

  await goTo(page, '取引');
  await page.getByRole('button', { name: 'デモデータを読み込む' }).click();
  const confirm = page.getByRole('dialog', { name: 'デモデータを読み込みますか？' });
  await expect(confirm).toContainText('架空の取引 300 件');
  await confirm.getByRole('button', { name: '読み込む' }).click();
  await expect(page.getByText('デモデータを読み込みました', { exact: true })).toBeVisible({
    timeout: 30_000,
  });

  // The page follows what is really stored (the generator decides how many deals that is).
  const { counts } = await callApi(host, 'system.info', {});
  const deals = counts.deals ?? 0;
  if (deals > 0) {
    await expect(page.getByTestId('deals-total')).toHaveText(`全 ${deals.toLocaleString('ja-JP')} 件`);
  } else {
    await expect(page.getByText('取引はまだありません')).toBeVisible();
  }

  await goTo(page, '設定');
  await openSettingsTab(page, '操作履歴');
  await expect(page.getByRole('row').filter({ hasText: 'デモデータを読み込みました' })).toContainText('母');

  for (const target of pagesJa) {
    await goTo(page, target.nav);
    await saveScreenshot(page, `ja-demo-${target.slug}`);
  }
  await openSettingsTab(page, 'このPCについて');
  // Every count has words for a label, never a table's raw name.
  const rawName = page.getByRole('cell', { name: /^[a-z]+(_[a-z]+)+$/ });
  await expect(page.getByRole('cell', { name: 'クレームの記録', exact: true })).toBeVisible();
  await expect(rawName).toHaveCount(0);
  await saveScreenshot(page, 'ja-demo-settings-about');

  // A change made elsewhere (another window, the CLI) reaches this window through data.changed.
  await callApi(host, 'settings.update', { language: 'en', shopName: 'はなこ雑貨店' });
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Today' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('はなこ雑貨店');

  for (const target of pagesJa) {
    await goTo(page, navEn[target.slug]);
    await saveScreenshot(page, `en-demo-${target.slug}`);
  }
  await openSettingsTab(page, 'Activity log');
  await expect(page.getByRole('row').filter({ hasText: 'Loaded demo data' })).toContainText('母');
  await expect(page.getByRole('row').filter({ hasText: 'Changed the language to English' })).toBeVisible();
  await saveScreenshot(page, 'en-demo-settings-activity');
  await openSettingsTab(page, 'About this PC');
  await expect(page.getByRole('cell', { name: 'Complaint history entries', exact: true })).toBeVisible();
  await expect(rawName).toHaveCount(0);
  await saveScreenshot(page, 'en-demo-settings-about');
});
