import { expect, type Locator, type Page } from '@playwright/test';
import type { InputOf } from '../../../shared/contract';
import { callApi } from './api';
import type { RunningHost } from './host';
import { switcher } from './ui';

const DAY = 86_400_000;

/** Japan-time parts of an instant, whatever the test machine's own zone. */
export function tokyoParts(date: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** "11月17日 21時 5分": how 取引ナビ shows a date (no year). */
export function naviDate(date: Date): string {
  const p = tokyoParts(date);
  return `${p.month}月${p.day}日 ${p.hour}時 ${p.minute}分`;
}

/** `<input type="datetime-local">` value in Japan time. */
export function tokyoInput(date: Date): string {
  const p = tokyoParts(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The last minute of today in Japan, as a datetime-local value: due today whatever the hour. */
export function endOfTokyoToday(): string {
  const p = tokyoParts(new Date());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T23:59`;
}

/**
 * Text as copied from a ヤフオク! 取引ナビ page: the auction ended `endedDaysAgo` days ago and was
 * paid a day later, so shipping (due two days after payment) is overdue by now.
 */
export function naviPasteText(options: {
  auctionId: string;
  title: string;
  buyer: string;
  endedDaysAgo: number;
  postal?: string;
  phone?: string;
}): string {
  const ended = new Date(Date.now() - options.endedDaysAgo * DAY);
  const paid = new Date(ended.getTime() + DAY);
  const lines = [
    'ヤフオク!',
    'マイ・オークション',
    '取引ナビ',
    options.title,
    `オークションID：${options.auctionId}`,
    '落札価格：3,800円',
    `終了日時：${naviDate(ended)}`,
    '落札者：hana_buyer （評価 12）',
    '',
    '取引の状況',
    '・落札者から支払い完了の連絡がありました。',
    naviDate(paid),
    '・落札者からお届け情報が送信されました。',
    naviDate(new Date(ended.getTime() + 3_600_000)),
    '',
    'お届け情報',
    '氏名',
    `${options.buyer} 様`,
    '住所',
    `〒${options.postal ?? '150-0001'}`,
    '東京都渋谷区神宮前１－２－３ サンプルマンション１０１号室',
  ];
  if (options.phone) lines.push('電話番号', options.phone);
  lines.push('お届け方法', 'ゆうパケット 送料：230円', '', '取引メッセージ', 'よろしくお願いします。');
  return lines.join('\n');
}

/** A deal made through the contract (to prepare lists quickly); shippable unless told otherwise. */
export async function createDeal(
  host: RunningHost,
  patch: Partial<InputOf<'deals.create'>> & { externalId: string },
) {
  return callApi(host, 'deals.create', {
    marketplace: 'mercari',
    orderedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    items: [{ name: 'テスト商品', quantity: 1, unitPrice: 1200 }],
    shippingFee: 0,
    fee: 120,
    shipTo: { name: '山本 一郎', postalCode: '1000001', prefecture: '東京都', address1: '千代田区1-1' },
    ...patch,
  });
}

/** Picks an option of a Mantine select (the input is found by its label). */
export async function pickOption(page: Page, input: Locator, option: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Switches "who is using the app" in the header (members without a PIN). */
export async function switchMember(page: Page, name: string): Promise<void> {
  await switcher(page).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(switcher(page)).toHaveAccessibleName(new RegExp(`${name}`));
}

export const dealsGrid = (page: Page) => page.getByTestId('deals-grid');
/** A data row of the deal grid containing this text (an order number, a buyer). */
export const dealRow = (page: Page, text: string) =>
  dealsGrid(page).locator('[data-deal-id]').filter({ hasText: text });

/** Closes any notices still on screen, so a screenshot shows the page rather than the last toast. */
export async function closeToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .locator('.mantine-Notification-closeButton')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
  await expect(toasts).toHaveCount(0);
}
