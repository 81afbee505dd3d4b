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

/** The third button of the damaged-database dialog when a good backup exists. */
export const RESTORE_BUTTON = 2;

const japanTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026年11月20日(金) 10:00" in Japan time, or '' for a time that cannot be read. */
export function backupTimeText(iso: string): string {
  const at = new Date(iso);
  return iso !== '' && !Number.isNaN(at.getTime()) ? japanTime.format(at) : '';
}

export interface GoodBackup {
  file: string;
  /** ISO time the backup was taken ('' when unknown). */
  at: string;
}

/**
 * A damaged database with a good backup: one click restores it and starts again. The damaged file is not
 * deleted; the restore keeps it aside as 「復元前の控え」.
 */
export function restoreOfferDialog(error: AppError, dbPath: string, backup: GoodBackup): MessageBoxOptions {
  const when = backupTimeText(backup.at);
  return {
    type: 'error',
    title: 'Torihiki',
    message: 'データファイルが壊れているため、開けません。',
    detail: [
      when
        ? `最新の正常なバックアップ（${when}）に戻して起動できます。`
        : '最新の正常なバックアップに戻して起動できます。',
      'それ以降の変更は失われます。壊れたファイルは「復元前の控え」として残し、削除しません。',
      '',
      `バックアップ: ${backup.file}`,
      `場所: ${dbPath}`,
      `詳細: ${error.message}`,
    ].join('\n'),
    buttons: ['終了', 'フォルダを開く', 'バックアップから復元して起動'],
    defaultId: RESTORE_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}

/** A damaged database and no backup that passes verification: say so, offer nothing that would change it. */
export function noBackupDialog(error: AppError, dbPath: string): MessageBoxOptions {
  return {
    ...openFailureDialog(error, dbPath),
    detail: [
      '正常なバックアップが見つかりませんでした。バックアップを別の場所に保存している場合は、',
      'そのファイルを `torihiki restore` で復元してください。',
      'ファイルは変更も削除もしていません。',
      '',
      `場所: ${dbPath}`,
      `詳細: ${error.message}`,
    ].join('\n'),
  };
}

/** The restore itself failed; restoreDatabase has put the previous file back. */
export function restoreFailedDialog(reason: string, dbPath: string, backup: GoodBackup): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Torihiki',
    message: 'バックアップから復元できませんでした。',
    detail: [
      'データファイルは元の状態のままです。もう一度起動するか、コマンドで復元してください:',
      `torihiki restore "${backup.file}" --db "${dbPath}"`,
      '',
      `詳細: ${reason}`,
    ].join('\n'),
    buttons: ['終了', 'フォルダを開く'],
    defaultId: QUIT_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}
