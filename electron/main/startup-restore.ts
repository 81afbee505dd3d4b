import Database from 'better-sqlite3';
import type { RestoreResultDto } from '../../shared/contract/backups';
import { TorihikiError } from '../../shared/result';
import { restoreDatabase } from '../backend/backups/restore';
import { defaultBackupFolder } from '../backend/backups/settings';
import { latestSchemaVersion } from '../backend/db/migrations';

/**
 * The restore start-up recovery runs, in the main process, before any backend has the database open. It is
 * the same restore as 設定 → バックアップとデータ and `torihiki restore`: the backup is verified and staged, the
 * damaged file goes to the undo slot (「復元前の控え」 in the default backup folder, where 復元を取り消す finds it),
 * and the previous file is put back if anything fails. Loaded only when needed (it brings SQLite into main).
 */
export function restoreBeforeOpen(
  dbPath: string,
  backup: string,
  now = new Date(),
): Promise<RestoreResultDto> {
  let swapped = false;
  return restoreDatabase({
    dbPath,
    source: backup,
    undoFolder: defaultBackupFolder(dbPath),
    now,
    latestSchemaVersion,
    // Nothing has the file open: the backend refused it and has been stopped.
    close: () => undefined,
    // The relaunch opens (and migrates) it. The staged copy passed integrity_check a moment ago and a rename
    // does not change it, so here it is only opened: a third full check would add half a minute on a large
    // ledger with no window on screen. The second call comes after a failed swap, with the damaged file back
    // in place: nothing to open, it is known to be bad.
    reopen: async () => {
      if (swapped) return 0;
      swapped = true;
      let db: Database.Database | undefined;
      try {
        db = new Database(dbPath, { readonly: true, fileMustExist: true });
        return db.pragma('user_version', { simple: true }) as number;
      } catch (e) {
        throw new TorihikiError('db_corrupt', `The restored file does not open (${(e as Error).message}).`);
      } finally {
        db?.close();
      }
    },
  });
}
