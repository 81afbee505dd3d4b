import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResultDto } from '../../../shared/contract/backups';
import { TorihikiError } from '../../../shared/result';
import { verifyBackupFile } from '../db/backup';
import { backupFileName } from './names';

export interface RestoreOptions {
  dbPath: string;
  source: string;
  /** Where the replaced database is kept (the undo slot): on the database's own disk, so a rename suffices. */
  undoFolder: string;
  now: Date;
  latestSchemaVersion: number;
  /** Closes the live database (after a WAL checkpoint); a no-op for the CLI. */
  close(): void;
  /** Opens the database at dbPath again (runs migrations when the backup is older). */
  reopen(): Promise<number>;
}

/** Refuses anything that is not a sound Torihiki backup, before a single byte of the live data moves. */
export function assertRestorable(source: string, dbPath: string, latest: number): number {
  const file = path.resolve(source);
  if (file === path.resolve(dbPath))
    throw new TorihikiError('invalid_input', 'That file is the database itself; choose a backup file.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new TorihikiError('not_found', `${file} does not exist.`);
  }
  if (!stat.isFile()) throw new TorihikiError('invalid_input', `${file} is not a file.`);
  const check = verifyBackupFile(file);
  if (!check.ok) {
    throw new TorihikiError(
      check.reason === 'not a Torihiki database' || /not a database|file is not/i.test(check.reason)
        ? 'db_not_torihiki'
        : 'db_corrupt',
      `${file} is not a usable Torihiki backup (${check.reason}). Nothing was changed.`,
    );
  }
  if (check.schemaVersion > latest) {
    throw new TorihikiError(
      'db_newer',
      `${file} was written by a newer Torihiki (schema ${check.schemaVersion}). Update Torihiki first; nothing was changed.`,
    );
  }
  return check.schemaVersion;
}

function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EXDEV') throw e;
    fs.copyFileSync(from, to);
    fs.rmSync(from);
  }
}

const removeSidecars = (file: string) => {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Close, swap, reopen. The backup is verified and staged beside the database first; only then is the
 * live file closed and moved into the undo slot, and the staged copy renamed into place. If the
 * restored file will not open, the previous database is put back and opened again.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResultDto> {
  const dbPath = path.resolve(options.dbPath);
  const source = path.resolve(options.source);
  assertRestorable(source, dbPath, options.latestSchemaVersion);

  const staged = `${dbPath}.restoring`;
  fs.rmSync(staged, { force: true });
  fs.copyFileSync(source, staged);
  const stagedCheck = verifyBackupFile(staged);
  if (!stagedCheck.ok) {
    fs.rmSync(staged, { force: true });
    throw new TorihikiError(
      'db_corrupt',
      `Copying ${source} failed verification (${stagedCheck.reason}); nothing was changed.`,
    );
  }

  fs.mkdirSync(options.undoFolder, { recursive: true });
  const undoFile = path.join(options.undoFolder, backupFileName(dbPath, options.now, 'before-restore'));
  options.close();
  let movedAside = false;
  try {
    if (fs.existsSync(dbPath)) {
      move(dbPath, undoFile);
      movedAside = true;
      // A WAL left behind (another reader kept the checkpoint from finishing) belongs to the old file:
      // it travels with it into the undo slot, so nothing committed is lost.
      if (fs.existsSync(`${dbPath}-wal`)) move(`${dbPath}-wal`, `${undoFile}-wal`);
    }
    removeSidecars(dbPath);
    fs.renameSync(staged, dbPath);
    const schemaVersion = await options.reopen();
    return { restored: source, undoFile, schemaVersion };
  } catch (e) {
    fs.rmSync(staged, { force: true });
    if (movedAside) {
      fs.rmSync(dbPath, { force: true });
      removeSidecars(dbPath);
      move(undoFile, dbPath);
      if (fs.existsSync(`${undoFile}-wal`)) move(`${undoFile}-wal`, `${dbPath}-wal`);
    }
    await options.reopen();
    throw e instanceof TorihikiError
      ? e
      : new TorihikiError(
          'internal',
          `The restore failed (${(e as Error).message}); the previous database is back in place.`,
        );
  }
}
