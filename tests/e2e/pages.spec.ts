import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, navEn, openSettingsTab, pagesJa, switcher } from './support/ui';

const LONG_NAME = 'アレクサンドラ・ヴィクトリア・山田花子';

const settingsTabs = {
  ja: ['メンバー', '表示', '操作履歴', 'このPCについて'],
  en: ['Members', 'Display', 'Activity log', 'About this PC'],
} as const;
const tabSlugs = ['members', 'display', 'activity', 'about'] as const;

/** Visits every page through the navigation, checks it explains itself, and saves a screenshot. */
async function visitEveryPage(page: Page, language: 'ja' | 'en', prefix: string) {
  for (const target of pagesJa) {
    const label = language === 'ja' ? target.nav : navEn[target.slug];
    await goTo(page, label);
    await expect(page).toHaveURL(new RegExp(`#${target.path}(\\?.*)?$`));
    if (target.slug === 'settings') {
      for (const [i, tab] of settingsTabs[language].entries()) {
        await openSettingsTab(page, tab);
        await expect(page.getByRole('heading', { level: 2, name: tab })).toBeVisible();
        await saveScreenshot(page, `${prefix}-settings-${tabSlugs[i]}`);
      }
    } else {
      await saveScreenshot(page, `${prefix}-${target.slug}`);
    }
  }
}

test('every page in Japanese and English with an empty ledger, a long member name, language remembered', async ({
  page,
  host,
}) => {
  await callApi(host, 'members.create', { name: '母', color: 'pink', pin: '1234' });
  await callApi(host, 'members.create', { name: '父', color: 'blue' });
  const long = await callApi(host, 'members.create', { name: LONG_NAME, color: 'teal' });
  await callApi(host, 'session.switch', { memberId: long.id });
  await openApp(page, host);

  await expect(switcher(page)).toHaveAccessibleName(`使っている人: ${LONG_NAME}（切り替え）`);
  // Pages whose features come later say so and offer the first step, in words.
  await goTo(page, '取引');
  await expect(page.getByText('取引はまだありません')).toBeVisible();
  await expect(page.getByRole('button', { name: 'デモデータを読み込む' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSVを取り込む' })).toBeVisible();
  await goTo(page, '取り込み');
  await expect(page.getByText('注文CSVをここにドラッグ＆ドロップ')).toBeVisible();

  await visitEveryPage(page, 'ja', 'ja-empty');

  // A small window: the navigation folds behind a menu button and the long name still fits the header.
  await page.setViewportSize({ width: 700, height: 760 });
  await saveScreenshot(page, 'ja-narrow-settings');
  await page.getByRole('button', { name: 'メニューを開く' }).click();
  await saveScreenshot(page, 'ja-narrow-menu-open');
  await page.getByRole('navigation').getByRole('link', { name: '今日', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '今日' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await switcher(page).click();
  await saveScreenshot(page, 'ja-long-name-switcher-menu');
  await page.keyboard.press('Escape');

  // An unknown address gets a page that says so, inside the shell.
  await page.goto(`${host.origin}/#/no-such-page`);
  await expect(page.getByRole('heading', { level: 2, name: 'ページが見つかりません' })).toBeVisible();
  await saveScreenshot(page, 'ja-not-found');

  // Switch to English in Settings; it is stored in the database and survives a reload.
  await goTo(page, '設定');
  await openSettingsTab(page, '表示');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Today' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(switcher(page)).toHaveAccessibleName(`Using now: ${LONG_NAME} (switch)`);

  await visitEveryPage(page, 'en', 'en-empty');

  // And back to Japanese.
  await openSettingsTab(page, 'Display');
  await page.getByText('日本語', { exact: true }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: '今日' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});
