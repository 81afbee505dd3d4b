import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { TorihikiError } from '../../../shared/result';
import { APPLICATION_ID } from './open';

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * Copies a live database with SQLite's backup API (never a raw file copy of a WAL database),
 * then verifies the copy: integrity_check must say ok and it must carry our application id.
 * A copy that fails verification is removed so nobody mistakes it for a good backup.
 */
export async function backupTo(
  raw: Database.Database,
  outFile: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  const target = path.resolve(outFile);
  if (path.resolve(raw.name) === target) {
    throw new TorihikiError('invalid_input', 'The backup file must not be the database itself.');
  }
  if (fs.existsSync(target) && !options.overwrite) {
    throw new TorihikiError('conflict', `${target} already exists; choose a new file name.`);
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
  } catch {
    throw new TorihikiError('db_unwritable', `Cannot write to ${path.dirname(target)}.`);
  }
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await raw.backup(partial);
  toSingleFile(partial);
  const check = verifyBackupFile(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new TorihikiError(
      'db_corrupt',
      `The backup copy failed verification (${check.reason}); nothing was kept.`,
    );
  }
  fs.renameSync(partial, target);
  return { file: target, bytes: fs.statSync(target).size, schemaVersion: check.schemaVersion };
}

/**
 * The backup API copies the live database's WAL flag, and every later read-only open of a WAL file
 * leaves -wal and -shm files beside it in the backup folder. A backup is a finished file that is
 * only ever read, so it is switched to a rollback journal once, right after the copy.
 */
function toSingleFile(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Side files SQLite may create while a file is opened; removed afterwards if this check created them. */
const SIDE_FILES = ['-wal', '-shm'] as const;

export function verifyBackupFile(
  file: string,
): { ok: true; schemaVersion: number } | { ok: false; reason: string } {
  let copy: Database.Database | undefined;
  const existing = SIDE_FILES.filter((suffix) => fs.existsSync(`${file}${suffix}`));
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    if (copy.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      return { ok: false, reason: 'not a Torihiki database' };
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return { ok: false, reason: String(result) };
    return { ok: true, schemaVersion: copy.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  } finally {
    copy?.close();
    // An older backup still in WAL mode: a read-only check must not leave its own traces behind.
    for (const suffix of SIDE_FILES) {
      if (!existing.includes(suffix)) fs.rmSync(`${file}${suffix}`, { force: true });
    }
  }
}
