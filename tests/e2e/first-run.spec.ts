import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { fillAddMember, goTo, openSettingsTab, switcher } from './support/ui';

test('first run: add the family, switch with and without a PIN, remembered after reload, logged', async ({
  page,
  host,
}) => {
  await openApp(page, host);

  // A fresh database greets the user and offers the three ways to start.
  await expect(page.getByRole('heading', { name: 'Torihiki へようこそ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'デモデータを読み込む' })).toBeVisible();
  await expect(page.getByRole('link', { name: '取り込みの画面へ' })).toBeVisible();
  await saveScreenshot(page, 'ja-first-run-welcome');

  // Mistakes are caught next to their fields before anything is sent.
  await page.getByRole('button', { name: 'メンバーを追加' }).click();
  const dialog = page.getByRole('dialog', { name: 'メンバーを追加' });
  await dialog.getByLabel('PIN（任意）').fill('12');
  await dialog.getByRole('button', { name: 'メンバーを追加' }).click();
  await expect(dialog.getByText('名前を入力してください（30文字まで、改行は使えません）。')).toBeVisible();
  await expect(dialog.getByText('PINは4〜8桁の数字です。')).toBeVisible();
  await saveScreenshot(page, 'ja-add-member-errors');
  await dialog.getByLabel('PIN（任意）').fill('');
  await fillAddMember(page, { name: '母', color: 'ピンク', pin: '1234' });

  // The first member starts using the app at once; the welcome turns into a checklist.
  await expect(switcher(page)).toHaveAccessibleName('使っている人: 母（切り替え）');
  await expect(page.getByRole('heading', { name: 'はじめましょう' })).toBeVisible();

  // A name already in use is refused by the backend and explained next to the field.
  await page.getByRole('button', { name: 'メンバーを追加' }).click();
  await dialog.getByLabel('名前').fill('母');
  await dialog.getByRole('button', { name: 'メンバーを追加' }).click();
  await expect(dialog.getByText('この名前はすでに使われています。')).toBeVisible();
  await dialog.getByLabel('名前').fill('');
  await fillAddMember(page, { name: '父', color: '青' });
  await saveScreenshot(page, 'ja-getting-started-two-members');

  // Switching to a member without a PIN is immediate.
  await switcher(page).click();
  await saveScreenshot(page, 'ja-switcher-menu');
  await page.getByRole('menuitem', { name: '父' }).click();
  await expect(switcher(page)).toHaveAccessibleName('使っている人: 父（切り替え）');

  // Switching to a member with a PIN asks for it; a wrong one is refused.
  await switcher(page).click();
  await page.getByRole('menuitem', { name: '母' }).click();
  const prompt = page.getByRole('dialog', { name: '母さんのPIN' });
  await prompt.getByLabel('PIN').fill('0000');
  await prompt.getByRole('button', { name: '切り替える' }).click();
  await expect(prompt.getByText('PINが違います。')).toBeVisible();
  await saveScreenshot(page, 'ja-pin-wrong');
  await expect(switcher(page)).toHaveAccessibleName('使っている人: 父（切り替え）');
  await prompt.getByLabel('PIN').fill('1234');
  await prompt.getByRole('button', { name: '切り替える' }).click();
  await expect(prompt).toBeHidden();
  await expect(switcher(page)).toHaveAccessibleName('使っている人: 母（切り替え）');

  // This PC remembers who used it last.
  await page.reload();
  await expect(switcher(page)).toHaveAccessibleName('使っている人: 母（切り替え）');

  // The activity log says who did what.
  await goTo(page, '設定');
  await openSettingsTab(page, '操作履歴');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: '母さんをメンバーに追加しました' })).toContainText('母');
  await expect(rows.filter({ hasText: '父さんをメンバーに追加しました' })).toContainText('母');
  await expect(rows.filter({ hasText: '使う人を父さんに切り替えました' })).toContainText('父');
  await expect(rows.filter({ hasText: '使う人を母さんに切り替えました' })).toContainText('母');
  // Times are shown in Japan time with the year first.
  await expect(rows.nth(1)).toContainText(/\d{4}\/\d{2}\/\d{2}/);
  await saveScreenshot(page, 'ja-settings-activity');
});
