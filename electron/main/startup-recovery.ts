import type { MessageBoxOptions } from 'electron';
import type { Language } from '../../shared/contract/system';
import type { AppError } from '../../shared/result';
import {
  noBackupDialog,
  openFailureDialog,
  restoreFailedDialog,
  restoreOfferDialog,
  RESTORE_BUTTON,
  SHOW_FOLDER_BUTTON,
  type GoodBackup,
} from './dialogs';
import { DEFAULT_SHELL_LANGUAGE } from './text';

/**
 * What the desktop app does when the database will not open at start-up. No electron import: the shell
 * passes in the real dialog, restore and relaunch, and tests pass fakes.
 */
export interface StartupRecoveryDeps {
  /** Shows a message box; resolves with the index of the button pressed. */
  showDialog(options: MessageBoxOptions): Promise<number>;
  /** Restores this backup over the database (keeping the damaged file in the undo slot). */
  restore(file: string): Promise<unknown>;
  /** Starts Torihiki again on the restored database. */
  relaunch(): void;
  /** Shows the database in the file manager. */
  showFolder(): void;
}

export type StartupRecoveryOutcome = 'restored' | 'quit';

/** The latest good backup the backend named when refusing a damaged database, if any. */
export function offeredBackup(error: AppError): GoodBackup | null {
  if (error.code !== 'db_corrupt') return null;
  const issue = (path: string) => error.issues?.find((i) => i.path === path)?.message ?? '';
  const file = issue('latestGoodBackup');
  return file === '' ? null : { file, at: issue('latestGoodBackupAt') };
}

/**
 * Runs before the backend has the database open. A damaged file with a good backup: the seller may restore
 * it with one click (then Torihiki starts again) or quit with nothing touched. Without a backup, or for any
 * other refusal (not a Torihiki file, newer version, unwritable), the message alone: nothing is changed.
 * Resolves 'restored' after a successful restore and relaunch, 'quit' when the app should quit. The database
 * being closed, the dialogs speak the language main last saw (see shell-language.ts).
 */
export async function recoverAtStartup(
  error: AppError,
  dbPath: string,
  deps: StartupRecoveryDeps,
  language: Language = DEFAULT_SHELL_LANGUAGE,
): Promise<StartupRecoveryOutcome> {
  const backup = offeredBackup(error);
  if (!backup) {
    const options =
      error.code === 'db_corrupt'
        ? noBackupDialog(error, dbPath, language)
        : openFailureDialog(error, dbPath, language);
    if ((await deps.showDialog(options)) === SHOW_FOLDER_BUTTON) deps.showFolder();
    return 'quit';
  }
  const choice = await deps.showDialog(restoreOfferDialog(error, dbPath, backup, language));
  if (choice === SHOW_FOLDER_BUTTON) deps.showFolder();
  if (choice !== RESTORE_BUTTON) return 'quit';
  try {
    await deps.restore(backup.file);
  } catch (e) {
    const reason = (e as Error)?.message ?? String(e);
    if (
      (await deps.showDialog(restoreFailedDialog(reason, dbPath, backup, language))) === SHOW_FOLDER_BUTTON
    ) {
      deps.showFolder();
    }
    return 'quit';
  }
  deps.relaunch();
  return 'restored';
}
