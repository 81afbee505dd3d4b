import { expect, type Page } from '@playwright/test';

export const pagesJa = [
  { path: '/', slug: 'today', nav: '今日', heading: '今日' },
  { path: '/deals', slug: 'deals', nav: '取引', heading: '取引' },
  { path: '/customers', slug: 'customers', nav: '顧客', heading: '顧客' },
  { path: '/cases', slug: 'cases', nav: 'クレーム', heading: 'クレーム' },
  { path: '/followups', slug: 'followups', nav: 'フォローアップ', heading: 'フォローアップ' },
  { path: '/import', slug: 'import', nav: '取り込み', heading: '取り込み' },
  { path: '/settings', slug: 'settings', nav: '設定', heading: '設定' },
] as const;

export const navEn: Record<(typeof pagesJa)[number]['slug'], string> = {
  today: 'Today',
  deals: 'Deals',
  customers: 'Customers',
  cases: 'Complaints',
  followups: 'Follow-ups',
  import: 'Import',
  settings: 'Settings',
};

/** Clicks an entry of the side navigation and waits for that page's heading. */
export async function goTo(page: Page, navLabel: string, heading = navLabel): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: navLabel, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

export async function openSettingsTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** Fills the add-member dialog (already open) and saves; colour is the spoken name of a swatch. */
export async function fillAddMember(page: Page, member: { name: string; color?: string; pin?: string }) {
  const dialog = page.getByRole('dialog', { name: 'メンバーを追加' });
  await dialog.getByLabel('名前').fill(member.name);
  if (member.color) await dialog.getByRole('radio', { name: member.color, exact: true }).click();
  if (member.pin) await dialog.getByLabel('PIN（任意）').fill(member.pin);
  await dialog.getByRole('button', { name: 'メンバーを追加' }).click();
  await expect(dialog).toBeHidden();
}

export const switcher = (page: Page) => page.getByTestId('member-switcher');
