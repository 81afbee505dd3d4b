import type { MessageBoxOptions } from 'electron';
import type { Language } from '../../shared/contract/system';
import type { AppError } from '../../shared/result';
import { DEFAULT_SHELL_LANGUAGE, shellText, type ShellText } from './text';
import type { OpenFailureCode } from './text/shell-text';

/** Button indexes of the failure dialogs. */
export const QUIT_BUTTON = 0;
export const SHOW_FOLDER_BUTTON = 1;

// Start-up dialogs come before the database (and its language setting) is open: callers pass the
// language main last saw, and Japanese, the app's default, when it has seen none.

const openFailureCodes: readonly string[] = [
  'db_not_torihiki',
  'db_corrupt',
  'db_newer',
  'db_unwritable',
] satisfies OpenFailureCode[];

/** A refusal about the database file itself, which the dialogs word one by one. */
const isOpenFailure = (code: AppError['code']): code is OpenFailureCode => openFailureCodes.includes(code);

/** An error box that can only quit or show the folder: it offers nothing that would change the file. */
function failureBox(text: ShellText, message: string, detail: string[]): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Torihiki',
    message,
    detail: detail.join('\n'),
    buttons: [text.dialogs.buttons.quit, text.dialogs.buttons.showFolder],
    defaultId: QUIT_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}

/**
 * What the user sees when the database refuses to open. It always says the file was left alone,
 * because it was: Torihiki never deletes or "repairs" a ledger it cannot open.
 */
export function openFailureDialog(
  error: AppError,
  dbPath: string,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MessageBoxOptions {
  const text = shellText(language);
  const { dialogs } = text;
  const explanation = isOpenFailure(error.code) ? dialogs.openFailure[error.code] : dialogs.unknownFailure;
  return failureBox(text, explanation.message, [
    explanation.advice,
    dialogs.untouched,
    '',
    dialogs.location(dbPath),
    dialogs.details(error.message),
  ]);
}

/** The backend kept crashing after a good start; the database itself may be fine. */
export function backendStoppedDialog(
  error: AppError,
  dbPath: string,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MessageBoxOptions {
  if (isOpenFailure(error.code)) return openFailureDialog(error, dbPath, language);
  const text = shellText(language);
  const { dialogs } = text;
  return failureBox(text, dialogs.backendStopped.message, [
    dialogs.backendStopped.advice,
    '',
    dialogs.location(dbPath),
    dialogs.details(error.message),
  ]);
}

/** The third button of the damaged-database dialog when a good backup exists. */
export const RESTORE_BUTTON = 2;

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026年11月20日(金) 10:00" (or "Fri, 20 November 2026 at 10:00") in Japan time, or '' for a time that
 * cannot be read.
 */
export function backupTimeText(iso: string, language: Language = DEFAULT_SHELL_LANGUAGE): string {
  const at = new Date(iso);
  if (iso === '' || Number.isNaN(at.getTime())) return '';
  const { locale } = shellText(language);
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    timeFormats.set(locale, format);
  }
  return format.format(at);
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
export function restoreOfferDialog(
  error: AppError,
  dbPath: string,
  backup: GoodBackup,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MessageBoxOptions {
  const text = shellText(language);
  const { dialogs } = text;
  return {
    ...failureBox(text, dialogs.openFailure.db_corrupt.message, [
      dialogs.restoreOffer.advice(backupTimeText(backup.at, language)),
      dialogs.restoreOffer.warning,
      '',
      dialogs.backup(backup.file),
      dialogs.location(dbPath),
      dialogs.details(error.message),
    ]),
    buttons: [dialogs.buttons.quit, dialogs.buttons.showFolder, dialogs.buttons.restoreAndStart],
    defaultId: RESTORE_BUTTON,
  };
}

/** A damaged database and no backup that passes verification: say so, offer nothing that would change it. */
export function noBackupDialog(
  error: AppError,
  dbPath: string,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MessageBoxOptions {
  const { dialogs } = shellText(language);
  return {
    ...openFailureDialog(error, dbPath, language),
    detail: [
      ...dialogs.noBackup,
      dialogs.untouched,
      '',
      dialogs.location(dbPath),
      dialogs.details(error.message),
    ].join('\n'),
  };
}

/** The restore itself failed; restoreDatabase has put the previous file back. */
export function restoreFailedDialog(
  reason: string,
  dbPath: string,
  backup: GoodBackup,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MessageBoxOptions {
  const text = shellText(language);
  const { dialogs } = text;
  return failureBox(text, dialogs.restoreFailed.message, [
    dialogs.restoreFailed.advice,
    `torihiki restore "${backup.file}" --db "${dbPath}"`,
    '',
    dialogs.details(reason),
  ]);
}

/** The last resort when start-up itself threw: a plain error box (title, content). */
export function startupFailedBox(
  reason: string,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): [title: string, content: string] {
  return ['Torihiki', `${shellText(language).dialogs.startupFailed}\n\n${reason}`];
}
