import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { APPLICATION_ID } from '../../../electron/backend/db/open';
import { latestSchemaVersion } from '../../../electron/backend/db/migrations';
import { TorihikiError } from '../../../shared/result';
import { fakeClock, fileBytes, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

async function openError(dbPath: string): Promise<TorihikiError> {
  try {
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    backend.close();
  } catch (e) {
    expect(e).toBeInstanceOf(TorihikiError);
    return e as TorihikiError;
  }
  throw new Error(`expected ${dbPath} to be refused`);
}

function sidecars(file: string): string[] {
  return ['-wal', '-shm', '-journal'].map((s) => file + s).filter((f) => fs.existsSync(f));
}

describe('opening a database', () => {
  it('creates a new database marked as ours, at the latest schema, with the safety pragmas', async () => {
    const file = path.join(tempDir(), 'nested', 'folder', 'torihiki.sqlite');
    const backend = await createBackend({ dbPath: file, clock: fakeClock() });
    try {
      expect(backend.schemaVersion).toBe(latestSchemaVersion);
      expect(backend.db.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(backend.db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(backend.db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(backend.db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(backend.db.raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  });

  it('reopens an existing database without migrating or backing it up again', async () => {
    const file = path.join(tempDir(), 'torihiki.sqlite');
    (await createBackend({ dbPath: file, clock: fakeClock() })).close();
    const again = await createBackend({ dbPath: file, clock: fakeClock() });
    expect(again.preMigrationBackup).toBeNull();
    again.close();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it.each([
    ['a text file', Buffer.from('注文番号,商品名\n1,りんご\n', 'utf8')],
    ['random binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    [
      'an SQLite magic with garbage after it',
      Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)]),
    ],
  ])('refuses %s, naming the file and leaving it byte-for-byte untouched', async (_name, bytes) => {
    const file = path.join(tempDir(), 'not-a-db.sqlite');
    fs.writeFileSync(file, bytes);
    const error = await openError(file);
    expect(['db_not_torihiki', 'db_corrupt']).toContain(error.code);
    expect(error.message).toContain(file);
    expect(fileBytes(file).equals(bytes)).toBe(true);
    expect(sidecars(file)).toEqual([]);
  });

  it("refuses another program's SQLite database and leaves it untouched", async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')",
    );
    other.close();
    const before = fileBytes(file);
    const error = await openError(file);
    expect(error.code).toBe('db_not_torihiki');
    expect(error.message).toMatch(/another program/);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer Torihiki and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    (await createBackend({ dbPath: file, clock: fakeClock() })).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fileBytes(file);
    const error = await openError(file);
    expect(error.code).toBe('db_newer');
    expect(error.message).toContain(`schema ${latestSchemaVersion + 5}`);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('reports a damaged database as damaged, without touching it', async () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    (await createBackend({ dbPath: file, clock: fakeClock() })).close();
    const bytes = fileBytes(file);
    // Overwrite the schema table's page content (page 1 after the 100-byte header).
    bytes.fill(0x5a, 100, 4096);
    fs.writeFileSync(file, bytes);
    const error = await openError(file);
    expect(['db_corrupt', 'db_not_torihiki']).toContain(error.code);
    expect(error.message).toContain(file);
    expect(fileBytes(file).equals(bytes)).toBe(true);
  });

  it('says clearly when the data folder cannot be written', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    const error = await openError(path.join(blocker, 'sub', 'torihiki.sqlite'));
    expect(error.code).toBe('db_unwritable');
    expect(error.message).toMatch(/Cannot write to the data folder/);
  });

  it('refuses a folder given as the database file', async () => {
    const error = await openError(tempDir());
    expect(error.code).toBe('db_not_torihiki');
  });

  it('treats an empty file as a new database', async () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    fs.writeFileSync(file, '');
    const backend = await createBackend({ dbPath: file, clock: fakeClock() });
    expect(backend.schemaVersion).toBe(latestSchemaVersion);
    backend.close();
  });

  it('refuses a missing file when asked not to create one', async () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    await expect(createBackend({ dbPath: file, createIfMissing: false })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(fs.existsSync(file)).toBe(false);
  });
});
