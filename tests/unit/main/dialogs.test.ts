import { describe, expect, it } from 'vitest';
import {
  backendStoppedDialog,
  backupTimeText,
  noBackupDialog,
  openFailureDialog,
  QUIT_BUTTON,
  restoreFailedDialog,
  restoreOfferDialog,
  RESTORE_BUTTON,
  SHOW_FOLDER_BUTTON,
  startupFailedBox,
} from '../../../electron/main/dialogs';
import type { AppError } from '../../../shared/result';
import { japaneseIn } from './japanese';

const dbPath = '/home/aiko/.config/Torihiki/torihiki.sqlite';

describe('openFailureDialog', () => {
  it.each<[AppError['code'], RegExp]>([
    ['db_not_torihiki', /Torihiki のデータではない/],
    ['db_corrupt', /壊れて/],
    ['db_newer', /新しいバージョン/],
    ['db_unwritable', /書き込めない/],
    ['internal', /データを開けませんでした/],
  ])('explains %s in Japanese and says nothing was touched', (code, message) => {
    const options = openFailureDialog({ code, message: 'English detail from the backend' }, dbPath);
    expect(options.message).toMatch(message);
    expect(options.detail).toContain('ファイルは変更も削除もしていません。');
    expect(options.detail).toContain(dbPath);
    expect(options.detail).toContain('English detail from the backend');
    expect(options.type).toBe('error');
    expect(options.buttons?.[QUIT_BUTTON]).toBe('終了');
    expect(options.buttons?.[SHOW_FOLDER_BUTTON]).toBe('フォルダを開く');
    expect(options.cancelId).toBe(QUIT_BUTTON);
  });

  it('offers no destructive choice', () => {
    const options = openFailureDialog({ code: 'db_corrupt', message: 'x' }, dbPath);
    expect(options.buttons?.join()).not.toMatch(/削除|初期化|リセット|上書き/);
  });
});

describe('backendStoppedDialog', () => {
  it('uses the open-failure wording for database errors', () => {
    expect(backendStoppedDialog({ code: 'db_corrupt', message: 'x' }, dbPath).message).toMatch(/壊れて/);
  });
  it('says the processing stopped otherwise', () => {
    expect(backendStoppedDialog({ code: 'internal', message: 'crash' }, dbPath).message).toMatch(/止まって/);
  });
});

const codes: AppError['code'][] = ['db_not_torihiki', 'db_corrupt', 'db_newer', 'db_unwritable', 'internal'];
const backup = {
  file: '/home/aiko/backups/torihiki-20261120T010000000Z-auto.sqlite',
  at: '2026-11-20T01:00:00.000Z',
};

/** Every dialog the shell can show, in one language, for every error code it words differently. */
function everyDialog(language: 'ja' | 'en') {
  return [
    ...codes.flatMap((code) => {
      const error = { code, message: 'English detail from the backend' };
      return [
        openFailureDialog(error, dbPath, language),
        backendStoppedDialog(error, dbPath, language),
        noBackupDialog(error, dbPath, language),
        restoreOfferDialog(error, dbPath, backup, language),
        restoreOfferDialog(error, dbPath, { ...backup, at: '' }, language),
      ];
    }),
    restoreFailedDialog('disk full', dbPath, backup, language),
    startupFailedBox('boom', language),
  ];
}

describe('the dialogs in English', () => {
  it('hold no Japanese at all', () => {
    expect(japaneseIn(everyDialog('en'))).toEqual([]);
    // The same check finds the Japanese of the default language.
    expect(japaneseIn(everyDialog('ja')).length).toBeGreaterThan(20);
  });

  it.each<[AppError['code'], RegExp]>([
    ['db_not_torihiki', /not Torihiki data/],
    ['db_corrupt', /damaged/],
    ['db_newer', /newer version/],
    ['db_unwritable', /cannot be written/],
    ['internal', /could not be opened/],
  ])('explain %s and say nothing was touched, keeping the same buttons', (code, message) => {
    const options = openFailureDialog({ code, message: 'detail' }, dbPath, 'en');
    expect(options.message).toMatch(message);
    expect(options.detail).toContain('The file has not been changed or deleted.');
    expect(options.detail).toContain(`Location: ${dbPath}`);
    expect(options.detail).toContain('Details: detail');
    expect(options.buttons).toEqual(['Quit', 'Open Folder']);
    expect(options.cancelId).toBe(QUIT_BUTTON);
  });

  it('offer the restore with the backup time in English, Japan time', () => {
    const options = restoreOfferDialog({ code: 'db_corrupt', message: 'x' }, dbPath, backup, 'en');
    expect(options.buttons?.[RESTORE_BUTTON]).toBe('Restore the Backup and Start');
    expect(options.defaultId).toBe(RESTORE_BUTTON);
    expect(options.detail).toContain(backupTimeText(backup.at, 'en'));
    expect(backupTimeText(backup.at, 'en')).toMatch(/Fri.*20 November 2026.*10:00/);
    expect(options.detail).toContain(`Backup: ${backup.file}`);
    expect(backendStoppedDialog({ code: 'internal', message: 'x' }, dbPath, 'en').message).toMatch(/stopped/);
  });
});

describe('the dialogs in Japanese', () => {
  it('are worded exactly as before the shell learned English', () => {
    const offer = restoreOfferDialog({ code: 'db_corrupt', message: 'malformed' }, dbPath, backup);
    expect(offer.message).toBe('データファイルが壊れているため、開けません。');
    expect(offer.detail).toBe(
      [
        '最新の正常なバックアップ（2026年11月20日(金) 10:00）に戻して起動できます。',
        'それ以降の変更は失われます。壊れたファイルは「復元前の控え」として残し、削除しません。',
        '',
        `バックアップ: ${backup.file}`,
        `場所: ${dbPath}`,
        '詳細: malformed',
      ].join('\n'),
    );
    expect(offer.buttons).toEqual(['終了', 'フォルダを開く', 'バックアップから復元して起動']);
    expect(noBackupDialog({ code: 'db_corrupt', message: 'm' }, dbPath).detail).toBe(
      [
        '正常なバックアップが見つかりませんでした。バックアップを別の場所に保存している場合は、',
        'そのファイルを `torihiki restore` で復元してください。',
        'ファイルは変更も削除もしていません。',
        '',
        `場所: ${dbPath}`,
        '詳細: m',
      ].join('\n'),
    );
    expect(backendStoppedDialog({ code: 'internal', message: 'c' }, dbPath).detail).toBe(
      [
        'もう一度起動してください。直前の操作は保存されていない可能性があります。',
        '',
        `場所: ${dbPath}`,
        '詳細: c',
      ].join('\n'),
    );
    expect(restoreFailedDialog('disk full', dbPath, backup).message).toBe(
      'バックアップから復元できませんでした。',
    );
    expect(startupFailedBox('boom')).toEqual(['Torihiki', '起動できませんでした。\n\nboom']);
  });
});
