import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { QUIT_BUTTON, RESTORE_BUTTON } from '../../../electron/main/dialogs';
import { recoverAtStartup } from '../../../electron/main/startup-recovery';
import { restoreBeforeOpen } from '../../../electron/main/startup-restore';
import { TorihikiError, type AppError } from '../../../shared/result';
import { databaseChecksum } from '../../support/checksum';
import { value } from '../../support/deals';
import { fakeClock, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

/** What the backend process reports to main when the file will not open (see backend-service.ts). */
async function openFailure(dbPath: string): Promise<AppError> {
  const refused = await createBackend({ dbPath, createIfMissing: false }).then(
    (b) => {
      b.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(TorihikiError);
  const e = refused as TorihikiError;
  return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
}

const sqliteFiles = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();

const damage = (dbPath: string) => fs.truncateSync(dbPath, Math.floor(fs.statSync(dbPath).size / 2));

function recoveryDeps(answer: number, dbPath: string) {
  return {
    showDialog: vi.fn(async () => answer),
    restore: vi.fn((file: string) => restoreBeforeOpen(dbPath, file)),
    relaunch: vi.fn(),
    showFolder: vi.fn(),
  };
}

describe('one-click restore at desktop start-up', () => {
  it('a damaged file: the latest good backup is offered, restored over it, and the ledger opens again', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'torihiki.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    await value(backend.call('demo.seed', { deals: 40 }));
    const backup = await value(backend.call('backups.now', {}));
    const deals = (await value(backend.call('deals.list', {}))).total;
    backend.close();
    damage(dbPath);
    const damagedBytes = fs.readFileSync(dbPath);

    const error = await openFailure(dbPath);
    expect(error.code).toBe('db_corrupt');
    const deps = recoveryDeps(RESTORE_BUTTON, dbPath);
    expect(await recoverAtStartup(error, dbPath, deps)).toBe('restored');
    expect(deps.restore).toHaveBeenCalledExactlyOnceWith(backup.file);
    expect(deps.relaunch).toHaveBeenCalledOnce();

    // What the relaunch finds: the backup's ledger, and the damaged file kept aside to undo.
    expect(databaseChecksum(dbPath)).toBe(databaseChecksum(backup.file));
    const reopened = await createBackend({ dbPath, clock: fakeClock() });
    try {
      expect((await value(reopened.call('deals.list', {}))).total).toBe(deals);
      const status = await value(reopened.call('backups.status', {}));
      expect(status.undo).not.toBeNull();
      expect(fs.readFileSync(status.undo!.file).equals(damagedBytes)).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('the seller cancels: Torihiki quits and the damaged file is left exactly as it was', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'torihiki.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    await value(backend.call('backups.now', {}));
    backend.close();
    damage(dbPath);
    const before = fs.readFileSync(dbPath);
    const folder = sqliteFiles(path.join(dir, 'backups'));

    const deps = recoveryDeps(QUIT_BUTTON, dbPath);
    expect(await recoverAtStartup(await openFailure(dbPath), dbPath, deps)).toBe('quit');
    expect(deps.restore).not.toHaveBeenCalled();
    expect(deps.relaunch).not.toHaveBeenCalled();
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    // No restore staged, no damaged file moved into the undo slot (SQLite's -wal/-shm beside a checked copy aside).
    expect(sqliteFiles(path.join(dir, 'backups'))).toEqual(folder);
    expect(fs.existsSync(`${dbPath}.restoring`)).toBe(false);
  });

  it('no backup: the message says so, and nothing is offered or changed', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'torihiki.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    backend.close();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    damage(dbPath);
    const before = fs.readFileSync(dbPath);

    const deps = recoveryDeps(RESTORE_BUTTON, dbPath);
    expect(await recoverAtStartup(await openFailure(dbPath), dbPath, deps)).toBe('quit');
    expect(deps.showDialog).toHaveBeenCalledOnce();
    expect(deps.restore).not.toHaveBeenCalled();
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('a backup damaged after it was offered: the restore is refused and the damaged ledger stays in place', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'torihiki.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    const backup = await value(backend.call('backups.now', {}));
    backend.close();
    damage(dbPath);
    const before = fs.readFileSync(dbPath);
    const error = await openFailure(dbPath);
    damage(backup.file);

    const deps = recoveryDeps(RESTORE_BUTTON, dbPath);
    deps.showDialog.mockResolvedValueOnce(RESTORE_BUTTON).mockResolvedValueOnce(QUIT_BUTTON);
    expect(await recoverAtStartup(error, dbPath, deps)).toBe('quit');
    expect(deps.restore).toHaveBeenCalledOnce();
    expect(deps.relaunch).not.toHaveBeenCalled();
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });
});
