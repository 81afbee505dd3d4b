import type { MessageBoxOptions } from 'electron';
import type { AppError } from '../../shared/result';

/** Button indexes of the failure dialogs. */
export const QUIT_BUTTON = 0;
export const SHOW_FOLDER_BUTTON = 1;

const openFailureText: Partial<Record<AppError['code'], { message: string; advice: string }>> = {
  db_not_torihiki: {
    message: 'このファイルは Torihiki のデータではないため、開けません。',
    advice: '別のアプリのファイルか、Torihiki のデータではないファイルが置かれています。',
  },
  db_corrupt: {
    message: 'データファイルが壊れているため、開けません。',
    advice: '最新のバックアップから復元してください。',
  },
  db_newer: {
    message: 'このデータは新しいバージョンの Torihiki で保存されているため、開けません。',
    advice: 'Torihiki を最新版に更新してから、もう一度起動してください。',
  },
  db_unwritable: {
    message: 'データの保存先に書き込めないため、開けません。',
    advice: 'フォルダの権限や、ディスクの空き容量を確認してください。',
  },
};

/**
 * What the user sees when the database refuses to open. It always says the file was left alone,
 * because it was: Torihiki never deletes or "repairs" a ledger it cannot open.
 */
export function openFailureDialog(error: AppError, dbPath: string): MessageBoxOptions {
  const text = openFailureText[error.code] ?? {
    message: 'データを開けませんでした。',
    advice: 'もう一度起動してみてください。解決しない場合は、下の詳細をお知らせください。',
  };
  return {
    type: 'error',
    title: 'Torihiki',
    message: text.message,
    detail: [
      text.advice,
      'ファイルは変更も削除もしていません。',
      '',
      `場所: ${dbPath}`,
      `詳細: ${error.message}`,
    ].join('\n'),
    buttons: ['終了', 'フォルダを開く'],
    defaultId: QUIT_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}

/** The backend kept crashing after a good start; the database itself may be fine. */
export function backendStoppedDialog(error: AppError, dbPath: string): MessageBoxOptions {
  if (openFailureText[error.code]) return openFailureDialog(error, dbPath);
  return {
    type: 'error',
    title: 'Torihiki',
    message: 'Torihiki の処理が止まってしまったため、終了します。',
    detail: [
      'もう一度起動してください。直前の操作は保存されていない可能性があります。',
      '',
      `場所: ${dbPath}`,
      `詳細: ${error.message}`,
    ].join('\n'),
    buttons: ['終了', 'フォルダを開く'],
    defaultId: QUIT_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}
