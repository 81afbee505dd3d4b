import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { TorihikiError } from '../../../shared/result';
import { headerLooksIntact } from '../backups/integrity';
import { backupTo } from './backup';
import { createDb, type Db } from './executor';
import { migrate } from './migrator';
import { migrations as shippedMigrations, type Migration } from './migrations';

/** Marks a file as ours ("Torh"), so a random SQLite file is never migrated or modified. */
export const APPLICATION_ID = 0x546f7268;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenedDatabase {
  db: Db;
  schemaVersion: number;
  /** Version found on disk before migrations ran (0 for a new file). */
  foundVersion: number;
  /** Where the pre-migration copy went, when a migration ran on an existing database. */
  preMigrationBackup: string | null;
}

export interface OpenOptions {
  /** Folder for automatic pre-migration copies; defaults to `<db folder>/backups`. */
  backupDir?: string;
  now: () => Date;
  /** When false, a missing file is an error instead of a new database (CLI read commands). */
  createIfMissing?: boolean;
  /** Tests replace the shipped list to exercise the runner; the app never does. */
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) a Torihiki database. Every refusal leaves the file byte-for-byte untouched:
 * all checks run on a read-only handle before anything is written.
 */
export async function openDatabase(dbPath: string, options: OpenOptions): Promise<OpenedDatabase> {
  const file = path.resolve(dbPath);
  if (options.createIfMissing === false && !fs.existsSync(file)) {
    throw new TorihikiError(
      'not_found',
      `${file} does not exist. Give the path of an existing Torihiki database.`,
    );
  }
  const migrations = options.migrations ?? shippedMigrations;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  ensureWritableFolder(path.dirname(file));
  const found = inspectExisting(file, latest);

  let raw: Database.Database;
  try {
    raw = new Database(file);
  } catch (e) {
    throw translateOpenError(e, file);
  }
  try {
    applyPragmas(raw);
    if (found.version === 0) raw.pragma(`application_id = ${APPLICATION_ID}`);
    let preMigrationBackup: string | null = null;
    if (found.version > 0 && found.version < latest) {
      preMigrationBackup = await backupBeforeMigration(raw, file, found.version, latest, options);
    }
    const schemaVersion = migrate(raw, migrations);
    refreshPlannerStatistics(raw, schemaVersion !== found.version);
    return { db: createDb(raw), schemaVersion, foundVersion: found.version, preMigrationBackup };
  } catch (e) {
    raw.close();
    throw e instanceof TorihikiError ? e : translateOpenError(e, file);
  }
}

export function applyPragmas(raw: Database.Database): void {
  raw.pragma('journal_mode = WAL');
  // FULL: a family's ledger is worth the extra fsync per commit.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // 64 MB instead of SQLite's 2 MB: the ledger's hot index pages (open steps, sort orders) stay in
  // memory between list pages instead of being read from the file again.
  raw.pragma(`cache_size = ${-APP_CACHE_KIB}`);
}

const APP_CACHE_KIB = 64 * 1024;

/**
 * Without sqlite_stat1 SQLite guesses every index equally selective and, on a million deals, sorts a
 * big filtered set instead of walking the sort order's index (or the reverse). Statistics are
 * gathered after a migration (new indexes) or when there are none; otherwise `PRAGMA optimize`
 * refreshes only tables that changed a lot since. Never with `analysis_limit`: it samples the first
 * rows of each index, so a column with three values (a deal's state) looks nearly unique and the
 * today view's plan got ten times slower on a million deals.
 */
export function refreshPlannerStatistics(raw: Database.Database, migrated: boolean): void {
  raw.pragma('analysis_limit = 0');
  const hasStats =
    raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get() !==
    undefined;
  try {
    if (migrated || !hasStats) raw.exec('ANALYZE');
    else raw.pragma('optimize');
  } catch (e) {
    // Statistics only speed queries up. A damaged page they trip over must not keep the ledger
    // closed: the background integrity check reports the damage and offers the latest backup.
    console.warn(`[db] planner statistics not refreshed: ${(e as Error).message}`);
  }
}

function ensureWritableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new TorihikiError(
      'db_unwritable',
      `Cannot write to the data folder ${dir}. Choose a folder you can write to (for example with --db PATH) or fix its permissions.`,
    );
  }
}

interface FoundFile {
  version: number;
}

function inspectExisting(file: string, latestSchemaVersion: number): FoundFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { version: 0 };
  }
  if (!stat.isFile()) {
    throw new TorihikiError(
      'db_not_torihiki',
      `${file} is not a file. Give the path of a Torihiki database file.`,
    );
  }
  if (stat.size === 0) return { version: 0 };
  if (!hasSqliteHeader(file)) {
    throw new TorihikiError(
      'db_not_torihiki',
      `${file} is not a Torihiki database (not an SQLite file). It was left untouched; choose another file or a new path.`,
    );
  }
  // The cheap check on the open path (the full integrity_check runs in the background once the app is up).
  const header = headerLooksIntact(file);
  if (!header.ok) {
    throw new TorihikiError(
      'db_corrupt',
      `${file} is damaged (${header.reason}). It was left untouched; restore the latest backup or open another file.`,
    );
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new TorihikiError(
      'db_unwritable',
      `${file} is read-only. Fix its permissions or copy it somewhere writable.`,
    );
  }

  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const objects = (probe.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
    if (appId !== APPLICATION_ID) {
      if (objects === 0 && version === 0) return { version: 0 };
      throw new TorihikiError(
        'db_not_torihiki',
        `${file} is an SQLite database of another program, not Torihiki. It was left untouched.`,
      );
    }
    if (version > latestSchemaVersion) {
      throw new TorihikiError(
        'db_newer',
        `${file} was written by a newer Torihiki (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Torihiki to open it; the file was left untouched.`,
      );
    }
    return { version };
  } catch (e) {
    if (e instanceof TorihikiError) throw e;
    throw translateOpenError(e, file);
  } finally {
    probe?.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

async function backupBeforeMigration(
  raw: Database.Database,
  file: string,
  fromVersion: number,
  toVersion: number,
  options: OpenOptions,
): Promise<string> {
  const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  const target = path.join(
    dir,
    `${path.basename(file, path.extname(file))}-${stamp}-before-v${toVersion}-from-v${fromVersion}.sqlite`,
  );
  // Verified like every other backup: a pre-migration copy nobody can restore is no safety net.
  return (await backupTo(raw, target)).file;
}

function translateOpenError(e: unknown, file: string): TorihikiError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new TorihikiError('db_not_torihiki', `${file} is not a Torihiki database. It was left untouched.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new TorihikiError(
      'db_corrupt',
      `${file} is damaged (${code}). It was left untouched; restore the latest backup or open another file.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_IOERR') {
    return new TorihikiError(
      'db_unwritable',
      `Cannot open ${file} for writing (${code}). Check the folder and its permissions.`,
    );
  }
  return new TorihikiError('internal', `Cannot open ${file}: ${(e as Error).message}`);
}
