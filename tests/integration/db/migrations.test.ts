import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { latestSchemaVersion, migrations, type Migration } from '../../../electron/backend/db/migrations';
import { databaseChecksum } from '../../support/checksum';
import { fakeClock, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

/** Test migrations come right after the shipped ones. */
const next = latestSchemaVersion + 1;

const addColumn: Migration = {
  version: next,
  name: 'test: add a column',
  up: ({ qb, exec }) => exec(qb.schema.alterTable('customers').addColumn('nickname', 'text')),
};
const breaksForeignKeys: Migration = {
  version: next,
  name: 'test: leaves a dangling reference',
  up: ({ qb, exec }) =>
    exec(
      qb
        .insertInto('deal_items')
        .values({ deal_id: 999_999, line_no: 1, name: 'orphan', quantity: 1, unit_price: 1 }),
    ),
};
const throws: Migration = {
  version: next,
  name: 'test: fails half-way',
  up: ({ qb, exec }) => {
    exec(qb.schema.createTable('half_done').addColumn('id', 'integer'));
    throw new Error('boom');
  },
};

async function currentDatabase(): Promise<string> {
  const file = path.join(tempDir(), 'torihiki.sqlite');
  const backend = await createBackend({ dbPath: file, clock: fakeClock() });
  await backend.call('members.create', { name: '母', color: 'pink' });
  backend.close();
  return file;
}

describe('migration runner', () => {
  it('backs the database up before migrating, then migrates', async () => {
    const file = await currentDatabase();
    const before = databaseChecksum(file);
    const backend = await createBackend({
      dbPath: file,
      clock: fakeClock(),
      migrations: [...migrations, addColumn],
    });
    try {
      expect(backend.schemaVersion).toBe(next);
      expect(backend.preMigrationBackup).not.toBeNull();
      const backup = backend.preMigrationBackup!;
      expect(path.basename(backup)).toContain(`before-v${next}-from-v${latestSchemaVersion}`);
      expect(databaseChecksum(backup)).toBe(before);
      const columns = backend.db.raw.prepare("SELECT name FROM pragma_table_info('customers')").all();
      expect(columns).toContainEqual({ name: 'nickname' });
    } finally {
      backend.close();
    }
  });

  it.each([
    ['leaves foreign-key violations', breaksForeignKeys, /foreign-key/],
    ['throws half-way', throws, /boom|unexpected/i],
  ])(
    'rolls back a migration that %s and keeps the file at its old version',
    async (_name, migration, message) => {
      const file = await currentDatabase();
      const before = databaseChecksum(file);
      await expect(
        createBackend({ dbPath: file, clock: fakeClock(), migrations: [...migrations, migration] }),
      ).rejects.toThrow(message);
      expect(fs.existsSync(file)).toBe(true);
      expect(databaseChecksum(file)).toBe(before);
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      raw.close();
      // The old version still opens normally afterwards.
      const again = await createBackend({ dbPath: file, clock: fakeClock() });
      expect((await again.call('members.list', {})).ok).toBe(true);
      again.close();
    },
  );

  it('keeps foreign keys enforced after migrating', async () => {
    const file = await currentDatabase();
    const backend = await createBackend({
      dbPath: file,
      clock: fakeClock(),
      migrations: [...migrations, addColumn],
    });
    expect(backend.db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    backend.close();
  });

  it('upgrades a version-1 ledger to the import tables, keeping its deals and backing it up first', async () => {
    const file = path.join(tempDir(), 'torihiki.sqlite');
    const old = await createBackend({ dbPath: file, clock: fakeClock(), migrations: migrations.slice(0, 1) });
    expect(old.schemaVersion).toBe(1);
    // Written as version 1 wrote it: today's services expect today's tables (customer identities).
    old.db.raw
      .prepare(
        "INSERT INTO deals (marketplace, external_id, ordered_at, created_at, updated_at) VALUES ('base', 'b-1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      )
      .run();
    old.close();
    const before = databaseChecksum(file);
    const backend = await createBackend({ dbPath: file, clock: fakeClock() });
    try {
      expect(backend.schemaVersion).toBe(latestSchemaVersion);
      expect(databaseChecksum(backend.preMigrationBackup!)).toBe(before);
      expect(
        (await backend.call('deals.list', {})).ok && (await backend.call('imports.history', {})).ok,
      ).toBe(true);
      const page = await backend.call('deals.list', {});
      expect(page.ok && page.value.total).toBe(1);
    } finally {
      backend.close();
    }
  });

  it('has a strictly increasing, gap-free list of shipped migrations', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});
