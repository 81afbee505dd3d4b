import { callApi } from './support/api';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

test('settings: rename, recolour, PIN, archive and restore a member; each step is logged', async ({
  page,
  host,
}) => {
  await callApi(host, 'members.create', { name: '母', color: 'pink' });
  await callApi(host, 'members.create', { name: '娘', color: 'violet' });
  await openApp(page, host);
  await goTo(page, '設定');
  await expect(page.getByRole('heading', { level: 2, name: 'メンバー' })).toBeVisible();

  const row = (name: string) => page.getByRole('row').filter({ hasText: name });

  // Rename and recolour.
  await row('娘').getByRole('button', { name: '名前と色' }).click();
  const edit = page.getByRole('dialog', { name: '娘さんの名前と色' });
  await edit.getByLabel('名前').fill('花子');
  await edit.getByRole('radio', { name: '緑', exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row('花子')).toBeVisible();

  // Set a PIN, then change it only with the current one.
  await row('花子').getByRole('button', { name: 'PIN' }).click();
  const pin = page.getByRole('dialog', { name: '花子さんのPIN' });
  await pin.getByLabel('新しいPIN').fill('5678');
  await pin.getByRole('button', { name: 'PINを設定' }).click();
  await expect(pin).toBeHidden();
  await expect(row('花子')).toContainText('あり');

  await row('花子').getByRole('button', { name: 'PIN' }).click();
  await pin.getByLabel('今のPIN').fill('1111');
  await pin.getByRole('button', { name: 'PINを外す' }).click();
  await expect(pin.getByText('PINが違います。')).toBeVisible();
  await saveScreenshot(page, 'ja-settings-pin-wrong');
  await pin.getByLabel('今のPIN').fill('5678');
  await pin.getByRole('button', { name: 'PINを外す' }).click();
  await expect(pin).toBeHidden();
  await expect(row('花子')).toContainText('なし');

  // Archive and restore.
  await row('花子').getByRole('button', { name: 'アーカイブ' }).click();
  await expect(row('花子')).toContainText('アーカイブ済み');
  await saveScreenshot(page, 'ja-settings-members-archived');
  await row('花子').getByRole('button', { name: '元に戻す' }).click();
  await expect(row('花子')).toContainText('有効');

  await openSettingsTab(page, '操作履歴');
  for (const text of [
    'メンバー「娘」の名前を「花子」に変更しました / 花子さんの色を緑に変更しました',
    '花子さんのPINを設定しました',
    '花子さんのPINを外しました',
    '花子さんをアーカイブしました',
    '花子さんを元に戻しました',
  ]) {
    await expect(page.getByRole('row').filter({ hasText: text })).toContainText('母');
  }

  // The log is paged: older entries load on request (beforeId), none twice.
  for (let i = 1; i <= 30; i++) await callApi(host, 'settings.update', { shopName: `テスト店 ${i}` });
  await expect(page.getByRole('row').filter({ hasText: 'テスト店 30' })).toBeVisible();
  const body = page.getByRole('rowgroup').nth(1);
  await expect(body.getByRole('row')).toHaveCount(25);
  await page.getByRole('button', { name: 'さらに読み込む' }).click();
  const total = (await callApi(host, 'activity.list', { limit: 500 })).length;
  expect(total).toBeGreaterThan(25);
  expect(total).toBeLessThanOrEqual(50);
  await expect(body.getByRole('row')).toHaveCount(total);
  await expect(page.getByRole('button', { name: 'さらに読み込む' })).toBeHidden();
  await expect(
    page.getByRole('row').filter({ hasText: 'ショップ名を「テスト店 1」に変更しました' }),
  ).toHaveCount(1);
  await saveScreenshot(page, 'ja-settings-activity-paged');
});
