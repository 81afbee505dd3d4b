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

export function verifyBackupFile(
  file: string,
): { ok: true; schemaVersion: number } | { ok: false; reason: string } {
  let copy: Database.Database | undefined;
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
  }
}
