import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { latestSchemaVersion, migrations } from '../../../electron/backend/db/migrations';
import { databaseChecksum } from '../../support/checksum';
import { runCli } from '../../support/cli';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();

async function seeded(clock = fakeClock()) {
  const backend = await open({ clock });
  await value(backend.call('demo.seed', { deals: 40 }));
  return { backend, clock };
}

describe('backups and restore', () => {
  it('back up now writes a verified copy with every table equal', async () => {
    const { backend } = await seeded();
    const file = await value(backend.call('backups.now', {}));
    expect(file.kind).toBe('manual');
    expect(path.dirname(file.file)).toBe(path.join(path.dirname(backend.dbPath), 'backups'));
    expect(databaseChecksum(file.file)).toBe(databaseChecksum(backend.dbPath));
    const status = await value(backend.call('backups.status', {}));
    expect(status.backups.map((b) => b.name)).toEqual([file.name]);
    expect(status.latestGood?.name).toBe(file.name);
    // The folder a seller opens holds the backup and nothing else: no -wal/-shm or .partial leftovers.
    expect(fs.readdirSync(path.dirname(file.file))).toEqual([file.name]);
  });

  it('round trip: restore brings back every table exactly, while the backend stays open; undo puts the newer data back', async () => {
    const { backend } = await seeded();
    const before = databaseChecksum(backend.dbPath);
    const backup = await value(backend.call('backups.now', {}));
    await createDeal(backend, { externalId: 'after-backup' });
    await value(backend.call('deals.cancel', { id: 1 }));
    const changed = databaseChecksum(backend.dbPath);
    expect(changed).not.toBe(before);

    const events: string[][] = [];
    backend.events.on('data.changed', ({ topics }) => events.push(topics));
    const result = await value(backend.call('backups.restore', { file: backup.file }));
    expect(databaseChecksum(backend.dbPath)).toBe(before);
    expect(fs.existsSync(result.undoFile)).toBe(true);
    expect(databaseChecksum(result.undoFile)).toBe(changed);
    // The same backend answers from the restored file, and every screen is told to reload.
    const page = await value(backend.call('deals.list', { filter: { text: 'after-backup' } }));
    expect(page.total).toBe(0);
    expect(events.at(-1)).toEqual(expect.arrayContaining(['deals', 'customers', 'settings']));

    const status = await value(backend.call('backups.status', {}));
    expect(status.undo?.file).toBe(result.undoFile);
    await value(backend.call('backups.undoRestore', {}));
    expect(databaseChecksum(backend.dbPath)).toBe(changed);
    expect((await value(backend.call('deals.list', { filter: { text: 'after-backup' } }))).total).toBe(1);
  });

  it.each([
    ['random bytes', (f: string) => fs.writeFileSync(f, Buffer.alloc(8192, 7))],
    ['a text file', (f: string) => fs.writeFileSync(f, '注文番号,名前\n1,山田\n')],
    [
      "another program's SQLite database",
      (f: string) => {
        const other = new Database(f);
        other.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
        other.close();
      },
    ],
  ])('refuses %s as a backup and leaves the current data untouched', async (_name, make) => {
    const { backend } = await seeded();
    const file = path.join(tempDir(), 'not-a-backup.sqlite');
    make(file);
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('backups.restore', { file });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['db_not_torihiki', 'db_corrupt']).toContain(result.error.code);
      expect(result.error.message).toContain('Nothing was changed');
    }
    expect(databaseChecksum(backend.dbPath)).toBe(before);
    expect((await value(backend.call('deals.list', {}))).total).toBe(40);
    const missing = await backend.call('backups.restore', { file: path.join(tempDir(), 'nope.sqlite') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const itself = await backend.call('backups.restore', { file: backend.dbPath });
    expect(itself).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('runs on a schedule: a backup when none is newer than the interval, then not again until it is due', async () => {
    const { backend, clock } = await seeded();
    const first = await backend.backups.tick();
    expect(first?.kind).toBe('auto');
    expect(await backend.backups.tick()).toBeNull();
    clock.advance(23 * 3_600_000);
    expect(await backend.backups.tick()).toBeNull();
    clock.advance(1 * 3_600_000);
    expect((await backend.backups.tick())?.kind).toBe('auto');
    await value(backend.call('backups.configure', { enabled: false }));
    clock.advance(48 * 3_600_000);
    expect(await backend.backups.tick()).toBeNull();
  });

  it('keeps 7 daily, 4 weekly and 12 monthly automatic backups and never prunes manual ones', async () => {
    const clock = fakeClock('2026-01-01T03:00:00.000Z');
    const backend = await open({ clock });
    const folder = path.join(path.dirname(backend.dbPath), 'backups');
    const seed = await value(backend.call('backups.now', {}));
    // 400 days of daily automatic backups already on disk (copies of one verified backup).
    for (let day = 400; day >= 1; day--) {
      const at = new Date(clock.now().getTime() - day * 86_400_000);
      const name = `torihiki-${at.toISOString().replace(/[-:]/g, '').replace('.', '')}-auto.sqlite`;
      fs.copyFileSync(seed.file, path.join(folder, name));
    }
    clock.advance(25 * 3_600_000);
    const made = await backend.backups.tick();
    expect(made?.kind).toBe('auto');
    const status = await value(backend.call('backups.status', {}));
    const autos = status.backups.filter((b) => b.kind === 'auto');
    // 7 days + up to 4 weeks + up to 12 months (overlapping buckets share a file).
    expect(autos.length).toBeGreaterThanOrEqual(12);
    expect(autos.length).toBeLessThanOrEqual(7 + 4 + 12);
    const days = new Set(autos.map((b) => b.at.slice(0, 10)));
    expect(days.size).toBe(autos.length);
    expect(status.backups.filter((b) => b.kind === 'manual')).toHaveLength(1);
    const months = new Set(autos.map((b) => b.at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  it('writes to a chosen folder, and says so clearly when that folder is gone (USB stick removed)', async () => {
    const { backend } = await seeded();
    const usb = tempDir();
    const status = await value(backend.call('backups.configure', { folder: usb }));
    expect(status.folder).toBe(usb);
    const file = await value(backend.call('backups.now', {}));
    expect(path.dirname(file.file)).toBe(usb);
    fs.rmSync(usb, { recursive: true });
    const failed = await backend.call('backups.now', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await value(backend.call('backups.status', {}))).lastError).toContain('not available');
    expect(fs.existsSync(usb)).toBe(false);
    const bad = await backend.call('backups.configure', { folder: path.join(usb, 'missing') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('damaged database: the recovery path', () => {
  it('a truncated file is refused at open with the latest good backup named; torihiki restore brings it back', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'shop.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    await value(backend.call('demo.seed', { deals: 40 }));
    const backup = await value(backend.call('backups.now', {}));
    const good = databaseChecksum(backup.file);
    backend.close();

    fs.truncateSync(dbPath, Math.floor(fs.statSync(dbPath).size / 2));
    const damagedBytes = fs.readFileSync(dbPath);
    await expect(createBackend({ dbPath })).rejects.toMatchObject({
      code: 'db_corrupt',
      message: expect.stringContaining(backup.file),
    });
    expect(fs.readFileSync(dbPath).equals(damagedBytes)).toBe(true);

    const restored = await runCli('restore', backup.file, '--db', dbPath, '--json');
    expect(restored.code, restored.err).toBe(0);
    const { undoFile } = JSON.parse(restored.out) as { undoFile: string };
    expect(fs.readFileSync(undoFile).equals(damagedBytes)).toBe(true);
    expect(databaseChecksum(dbPath)).toBe(good);
    const reopened = await createBackend({ dbPath });
    expect((await value(reopened.call('deals.list', {}))).total).toBe(40);
    reopened.close();
  });

  it('damage inside the file passes the cheap check, and the background check reports it with the latest good backup', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'shop.sqlite');
    const backend = await createBackend({ dbPath, clock: fakeClock() });
    await value(backend.call('demo.seed', { deals: 200 }));
    const backup = await value(backend.call('backups.now', {}));
    expect(await backend.backups.checkHealth()).toMatchObject({ state: 'ok' });
    backend.close();

    const size = fs.statSync(dbPath).size;
    const fd = fs.openSync(dbPath, 'r+');
    fs.writeSync(fd, Buffer.alloc(16_384, 0xa5), 0, 16_384, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);

    const opened = await createBackend({ dbPath, clock: fakeClock() });
    const health = await opened.backups.checkHealth();
    expect(health.state).toBe('damaged');
    const status = await value(opened.call('backups.status', {}));
    expect(status.health.state).toBe('damaged');
    expect(status.latestGood?.file).toBe(backup.file);
    await value(opened.call('backups.restore', { file: backup.file }));
    expect(await opened.backups.checkHealth()).toMatchObject({ state: 'ok' });
    opened.close();
  });

  it('torihiki restore refuses a file that is not a Torihiki backup and leaves the database byte for byte', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'shop.sqlite');
    expect((await runCli('seed-demo', '--db', dbPath, '--deals', '10')).code).toBe(0);
    const bytes = fs.readFileSync(dbPath);
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'SQLite format 3\0' + 'x'.repeat(5000));
    const result = await runCli('restore', bogus, '--db', dbPath);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not a usable Torihiki backup/);
    expect(fs.readFileSync(dbPath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });
});

describe('restoring backups of other versions', () => {
  it('a backup from an older schema is upgraded on restore (with its own pre-upgrade copy)', async () => {
    const dir = tempDir();
    const older = await createBackend({
      dbPath: path.join(dir, 'old.sqlite'),
      migrations: migrations.slice(0, -1),
    });
    await value(older.call('members.create', { name: '母', color: 'pink' }));
    const oldBackup = await older.backups.backupNow('manual');
    older.close();
    expect(oldBackup.file).toBeTruthy();

    const { backend } = await seeded();
    const result = await value(backend.call('backups.restore', { file: oldBackup.file }));
    expect(result.schemaVersion).toBe(latestSchemaVersion);
    expect((await value(backend.call('members.list', {}))).map((m) => m.name)).toEqual(['母']);
    expect((await value(backend.call('deals.list', {}))).total).toBe(0);
  });

  it('a backup written by a newer Torihiki is refused', async () => {
    const { backend } = await seeded();
    const copy = await value(backend.call('backups.now', {}));
    const newer = new Database(copy.file);
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('backups.restore', { file: copy.file });
    expect(result).toMatchObject({ ok: false, error: { code: 'db_newer' } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});
