import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullCheckInBackground, headerLooksIntact } from '../../../electron/backend/backups/integrity';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();

function smallDb(): string {
  const file = path.join(tempDir(), 'x.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE t (a TEXT); CREATE INDEX t_a ON t(a);');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
  })();
  db.close();
  return file;
}

describe('integrity checks', () => {
  it('the header check passes a sound file and catches a truncated one', () => {
    const file = smallDb();
    expect(headerLooksIntact(file)).toEqual({ ok: true });
    fs.truncateSync(file, fs.statSync(file).size - 4096);
    expect(headerLooksIntact(file)).toMatchObject({ ok: false });
  });

  it('the background check says ok for a sound file and names damage in a corrupted one', async () => {
    const file = smallDb();
    expect(await fullCheckInBackground(file)).toMatchObject({ ok: true, detail: 'ok' });
    // Overwrite part of a middle page (table or index b-tree) with garbage.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(3000, 0x5a), 0, 3000, 4096 * 3 + 100);
    fs.closeSync(fd);
    const damaged = await fullCheckInBackground(file);
    expect(damaged.ok).toBe(false);
    expect(damaged.detail).not.toBe('ok');
  });
});
