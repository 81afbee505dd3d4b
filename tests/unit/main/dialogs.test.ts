import { describe, expect, it } from 'vitest';
import {
  backendStoppedDialog,
  openFailureDialog,
  QUIT_BUTTON,
  SHOW_FOLDER_BUTTON,
} from '../../../electron/main/dialogs';
import type { AppError } from '../../../shared/result';

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
