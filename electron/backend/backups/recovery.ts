import type { BackupFileDto } from '../../../shared/contract/backups';
import { TorihikiError } from '../../../shared/result';
import { verifyBackupFile } from '../db/backup';
import { listBackups } from './names';
import { candidateFolders } from './settings';

/** The newest backup of this database that passes verification, searching every folder it may be in. */
export function latestGoodBackup(dbPath: string): BackupFileDto | null {
  const all = candidateFolders(dbPath)
    .flatMap((folder) => listBackups(folder, dbPath))
    .filter((b) => b.kind !== 'before-restore')
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  return all.find((b) => verifyBackupFile(b.file).ok) ?? null;
}

/**
 * A damaged database is never opened empty or replaced silently: the error names the latest good
 * backup and how to restore it, so the app's start-up message can offer it.
 */
export function withRecoveryHint(error: unknown, dbPath: string): unknown {
  if (!(error instanceof TorihikiError) || error.code !== 'db_corrupt') return error;
  const latest = latestGoodBackup(dbPath);
  const hint = latest
    ? ` The latest good backup is ${latest.file} (${latest.at}). Restore it with: torihiki restore "${latest.file}" --db "${dbPath}"`
    : ' No good backup was found beside it.';
  return new TorihikiError('db_corrupt', `${error.message}${hint}`, [
    { path: 'latestGoodBackup', message: latest?.file ?? '' },
    // When it was taken, so the desktop start-up dialog can say which day the restore goes back to.
    { path: 'latestGoodBackupAt', message: latest?.at ?? '' },
  ]);
}
