import fs from 'node:fs';
import path from 'node:path';
import type {
  BackupFileDto,
  BackupKind,
  BackupStatusDto,
  DatabaseHealthDto,
  ParsedInputOf,
  RestoreResultDto,
} from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { Clock } from '../context';
import { backupTo, verifyBackupFile } from '../db/backup';
import type { Db } from '../db/executor';
import { fullCheckInBackground } from './integrity';
import { backupFileName, listBackups } from './names';
import { restoreDatabase } from './restore';
import { backupsToKeep } from './retention';
import { defaultBackupFolder, readBackupSettings, writeBackupSettings } from './settings';

export interface BackupManagerOptions {
  dbPath: string;
  clock: Clock;
  latestSchemaVersion: number;
  db(): Db;
  /** Re-check the restored database in the background after a restore (the app; tests check by hand). */
  checkAfterRestore?: boolean;
  /** Closes the live database, runs `replace`, and opens the file again; the backend refuses calls meanwhile. */
  swap<T>(replace: (close: () => void, reopen: () => Promise<number>) => Promise<T>): Promise<T>;
}

export interface BackupManager {
  status(): BackupStatusDto;
  configure(input: ParsedInputOf<'backups.configure'>): BackupStatusDto;
  backupNow(kind?: BackupKind): Promise<BackupFileDto>;
  restore(file: string): Promise<RestoreResultDto>;
  undoRestore(): Promise<RestoreResultDto>;
  /** The schedule check: a backup when the newest is older than the interval. Start-up and every tick. */
  tick(): Promise<BackupFileDto | null>;
  /** The full integrity check, in a worker, after the app is ready. */
  checkHealth(): Promise<DatabaseHealthDto>;
  /** Resolves when queued work is done (tests, shutdown). */
  idle(): Promise<void>;
}

/** Backups of this database, the chosen folder plus the undo slot beside the database. */
export function createBackupManager(options: BackupManagerOptions): BackupManager {
  const { dbPath, clock } = options;
  const undoFolder = defaultBackupFolder(dbPath);
  let health: DatabaseHealthDto = { state: 'pending', checkedAt: null, detail: null };
  let lastError: string | null = null;
  let latestGood: BackupFileDto | null = null;
  // One backup, restore or check at a time, in the order asked.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const settings = () => readBackupSettings(options.db());
  const folderOf = (s = settings()) => (s.folder ? path.resolve(s.folder) : defaultBackupFolder(dbPath));

  const allBackups = (): BackupFileDto[] => {
    const folder = folderOf();
    const found = listBackups(folder, dbPath);
    if (folder !== undoFolder) found.push(...listBackups(undoFolder, dbPath));
    return found.sort((a, b) => (a.at < b.at ? 1 : -1));
  };

  /** The newest backup that passes verification; cached per file so status stays cheap. */
  const verified = new Map<string, boolean>();
  const findLatestGood = (): BackupFileDto | null => {
    for (const b of allBackups()) {
      if (b.kind === 'before-restore') continue;
      const key = `${b.file}:${b.bytes}`;
      if (!verified.has(key)) verified.set(key, verifyBackupFile(b.file).ok);
      if (verified.get(key)) return b;
    }
    return null;
  };

  const ensureFolder = (folder: string, chosen: boolean) => {
    if (chosen && !fs.existsSync(folder)) {
      throw new TorihikiError(
        'not_found',
        `The backup folder ${folder} is not available (a USB stick not plugged in?). Plug it in or choose another folder.`,
      );
    }
    fs.mkdirSync(folder, { recursive: true });
  };

  const prune = (folder: string) => {
    const s = settings();
    const autos = listBackups(folder, dbPath).filter((b) => b.kind === 'auto');
    const keep = backupsToKeep(autos, s.keep);
    for (const b of autos) if (!keep.has(b.name)) fs.rmSync(b.file, { force: true });
  };

  const backupNowUnqueued = async (kind: BackupKind): Promise<BackupFileDto> => {
    const s = settings();
    const folder = folderOf(s);
    try {
      ensureFolder(folder, s.folder !== null);
      const at = clock.now();
      const file = path.join(folder, backupFileName(dbPath, at, kind));
      // backupTo = SQLite backup API, then integrity_check and our application id on the copy.
      const result = await backupTo(options.db().raw, file);
      if (kind === 'auto') prune(folder);
      lastError = null;
      verified.set(`${result.file}:${result.bytes}`, true);
      return {
        file: result.file,
        name: path.basename(result.file),
        at: at.toISOString(),
        kind,
        bytes: result.bytes,
      };
    } catch (e) {
      lastError = (e as Error).message;
      throw e;
    }
  };

  const checkHealth = (): Promise<DatabaseHealthDto> =>
    serial(async () => {
      health = { state: 'running', checkedAt: null, detail: null };
      const result = await fullCheckInBackground(dbPath);
      health = {
        state: result.ok ? 'ok' : result.error ? 'failed' : 'damaged',
        checkedAt: clock.now().toISOString(),
        detail: result.ok ? null : result.detail,
      };
      if (health.state === 'damaged') latestGood = findLatestGood();
      return health;
    });

  const restoreFrom = (file: string): Promise<RestoreResultDto> =>
    serial(() =>
      options.swap((close, reopen) =>
        restoreDatabase({
          dbPath,
          source: file,
          undoFolder,
          now: clock.now(),
          latestSchemaVersion: options.latestSchemaVersion,
          close,
          reopen,
        }),
      ),
    ).then((result) => {
      health = { state: 'pending', checkedAt: null, detail: null };
      latestGood = null;
      if (options.checkAfterRestore) void checkHealth();
      return result;
    });

  return {
    status() {
      const s = settings();
      const backups = allBackups();
      return {
        settings: s,
        folder: folderOf(s),
        backups,
        latestGood: latestGood ?? findLatestGood(),
        undo: backups.find((b) => b.kind === 'before-restore') ?? null,
        health,
        lastError,
      };
    },
    configure(input) {
      const next = { ...settings(), ...input };
      if (input.folder) {
        const folder = path.resolve(input.folder);
        if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
          throw new TorihikiError('not_found', `${folder} is not a folder.`, [
            { path: 'folder', message: 'Not a folder' },
          ]);
        try {
          fs.accessSync(folder, fs.constants.W_OK);
        } catch {
          throw new TorihikiError('db_unwritable', `Cannot write to ${folder}.`, [
            { path: 'folder', message: 'Not writable' },
          ]);
        }
        next.folder = folder;
      }
      writeBackupSettings(options.db(), dbPath, next);
      return this.status();
    },
    backupNow: (kind = 'manual') => serial(() => backupNowUnqueued(kind)),
    restore: restoreFrom,
    undoRestore() {
      const undo = allBackups().find((b) => b.kind === 'before-restore');
      if (!undo) return Promise.reject(new TorihikiError('not_found', 'There is no restore to undo.'));
      return restoreFrom(undo.file);
    },
    tick: () =>
      serial(async () => {
        const s = settings();
        if (!s.enabled) return null;
        const newest = listBackups(folderOf(s), dbPath).find((b) => b.kind === 'auto' || b.kind === 'manual');
        const due =
          !newest || clock.now().getTime() - new Date(newest.at).getTime() >= s.intervalHours * 3_600_000;
        if (!due) return null;
        try {
          return await backupNowUnqueued('auto');
        } catch {
          return null; // lastError says why; the next tick tries again.
        }
      }),
    checkHealth,
    idle: () => queue.then(() => undefined),
  };
}
