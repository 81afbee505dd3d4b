import { callApi } from './support/api';
import { moveClocks, testWithClock } from './support/clocked';
import { expect, openApp, saveScreenshot } from './support/fixtures';
import type { RunningHost } from './support/host';

/** Friday 20 Nov 2026, 10:00 in Tokyo. */
const test = testWithClock('2026-11-20T01:00:00.000Z');

/** 母 is the current member, with one reminder an hour from 11:00 Tokyo time, in this order. */
async function remindersForMother(host: RunningHost, titles: string[]): Promise<void> {
  const mother = await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'session.switch', { memberId: mother.id });
  for (const [i, title] of titles.entries()) {
    await callApi(host, 'followups.create', {
      title,
      dueAt: `2026-11-20T0${2 + i}:00:00.000Z`,
      assigneeId: mother.id,
    });
  }
}

test('in-app reminders stay few and small, and the header bell keeps the count', async ({ page, host }) => {
  test.setTimeout(90_000);
  const titles = [
    '仕入れ先に入荷日を確認する',
    '山田様へ交換品の発送をご連絡',
    '佐藤様に返金完了のお知らせ（とても長い件名で一行に収まらないかどうかを確かめるための文章です）',
  ];
  await remindersForMother(host, titles);
  await openApp(page, host);
  const bell = page.getByTestId('reminder-bell');
  await expect(bell).toHaveAccessibleName('フォローアップ（期限の来たものはありません）');

  // Each comes due in turn: one notice each, but never more than two on screen.
  for (const [i, title] of titles.entries()) {
    expect((await moveClocks(page, host, `2026-11-20T0${2 + i}:00:30.000Z`)).notified).toBe(1);
    await expect(page.getByTestId('reminder-notice').last()).toContainText(title.slice(0, 10));
  }
  await expect(page.getByTestId('reminder-notice')).toHaveCount(2);
  await expect(page.getByTestId('reminder-notice').first()).toContainText('山田様');
  await expect(bell).toHaveAccessibleName('フォローアップ（期限の来たもの 3件）');
  await expect(page.getByTestId('reminder-bell-count')).toContainText('3');

  // A notice is one line high, whatever the title's length.
  const heights = await page
    .locator('.mantine-Notification-root')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  for (const h of heights) expect(h).toBeLessThan(90);
  await saveScreenshot(page, 'reminder-notices');

  await bell.click();
  await expect(page).toHaveURL(/\/followups$/);
});

test('a reminder notice closes by its button or Esc, waits while hovered, and keeps clear of the tables', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await remindersForMother(host, ['入荷日を確認する', '交換品の発送を連絡', '返金完了を連絡']);
  await openApp(page, host);
  await page.getByRole('link', { name: '取引' }).first().click();
  const notices = page.getByTestId('reminder-notice');

  // At the top right, under the header: not over the member switcher, nor the tables' bottom-right controls.
  expect((await moveClocks(page, host, '2026-11-20T02:00:30.000Z')).notified).toBe(1);
  await expect(notices).toHaveCount(1);
  const box = (await page.locator('.mantine-Notification-root').boundingBox())!;
  const header = (await page.locator('.mantine-AppShell-header').boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(box.y + box.height).toBeLessThan(viewport.height / 2);
  expect(box.x + box.width).toBeGreaterThan(viewport.width - 40);
  await saveScreenshot(page, 'reminder-notice-top-right');

  // The close button, named for screen readers.
  await page.getByRole('button', { name: 'このお知らせを消す（Esc）' }).click();
  await expect(notices).toHaveCount(0);

  // Esc puts every visible notice away.
  expect((await moveClocks(page, host, '2026-11-20T03:00:30.000Z')).notified).toBe(1);
  await expect(notices).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(notices).toHaveCount(0);

  // Hovered, it stays past its time; let go, it goes by itself within the notice time.
  expect((await moveClocks(page, host, '2026-11-20T04:00:30.000Z')).notified).toBe(1);
  await expect(notices).toHaveCount(1);
  await notices.hover();
  await page.waitForTimeout(7_000);
  await expect(notices).toHaveCount(1);
  await page.mouse.move(10, viewport.height - 10);
  await expect(notices).toHaveCount(0, { timeout: 8_000 });
  // The bell still counts all three.
  await expect(page.getByTestId('reminder-bell-count')).toContainText('3');
});
