import fs from 'node:fs';
import path from 'node:path';
import { callApi } from './support/api';
import { closeToasts, createDeal } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo, openSettingsTab } from './support/ui';

test('take a backup, restore it, undo the restore; a file that is not a backup is refused', async ({
  page,
  host,
}) => {
  await createDeal(host, { externalId: 'm20000000001' });
  await openApp(page, host);
  await goTo(page, '設定');
  await openSettingsTab(page, 'バックアップとデータ');
  // The app made its scheduled backup at start-up and checked the database in the background.
  const list = page.getByTestId('backup-list');
  await expect(list.getByRole('row').filter({ hasText: '自動' })).toHaveCount(1);
  await expect(page.getByTestId('db-health')).toContainText('データベースは正常です');
  // Browser mode has no native folder picker: the folder is typed, as before.
  await expect(page.getByRole('textbox', { name: '保存先フォルダ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'フォルダを選択…' })).toHaveCount(0);
  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(list.getByRole('row')).toHaveCount(3);

  // A deal made after the backup disappears when the backup is restored.
  await createDeal(host, { externalId: 'm20000000002' });
  await closeToasts(page);
  await list.getByRole('row').filter({ hasText: '手動' }).getByRole('button', { name: '復元' }).click();
  const confirm = page.getByRole('dialog', { name: 'このバックアップに戻しますか？' });
  await confirm.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByText('復元しました。今のデータは控えとして残してあります。')).toBeVisible();
  expect((await callApi(host, 'deals.list', {})).total).toBe(1);
  await expect(list).toContainText('復元前の控え');
  await saveScreenshot(page, 'backups-restored');

  await page.getByRole('button', { name: '復元を取り消す' }).click();
  await expect(page.getByText('復元を取り消しました')).toBeVisible();
  expect((await callApi(host, 'deals.list', {})).total).toBe(2);

  // A file that is not a Torihiki backup: refused, data untouched.
  const bogus = path.join(path.dirname(host.dbPath), 'not-a-backup.sqlite');
  fs.writeFileSync(bogus, 'これはバックアップではありません');
  await page.getByLabel('ほかのバックアップファイルから復元（ファイルのパス）').fill(bogus);
  await page.getByRole('button', { name: '復元', exact: true }).last().click();
  await page.getByRole('dialog').getByRole('button', { name: '復元する' }).click();
  await expect(page.getByRole('dialog')).toContainText('Torihiki のバックアップではないか、壊れています');
  expect((await callApi(host, 'deals.list', {})).total).toBe(2);
  await saveScreenshot(page, 'backups-refused');
});

test('backups and data export in English', async ({ page, host }) => {
  await callApi(host, 'settings.update', { language: 'en' });
  await callApi(host, 'backups.now', {});
  await openApp(page, host);
  await goTo(page, 'Settings');
  await openSettingsTab(page, 'Backups and data');
  await expect(page.getByTestId('backup-list')).toContainText('Manual');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^torihiki-deals-\d{8}-\d{4}\.csv$/);
  await page.getByRole('radiogroup', { name: 'What to export' }).getByText('Complaints').click();
  const casesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await casesDownload).suggestedFilename()).toMatch(/^torihiki-cases-\d{8}-\d{4}\.csv$/);
  await closeToasts(page);
  await saveScreenshot(page, 'backups-english');
});
