import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchInserter } from '../../../electron/backend/demo/batch-insert';
import { withIndexesDeferred } from '../../../electron/backend/demo/deferred-indexes';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();

function database(): Database.Database {
  const raw = new Database(path.join(tempDir(), 'bulk.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.exec(`
    CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT);
    CREATE UNIQUE INDEX t_a ON t (a);
    CREATE INDEX t_b_partial ON t (b) WHERE b IS NOT NULL;
  `);
  return raw;
}
const indexSql = (raw: Database.Database) =>
  raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

describe('BatchInserter', () => {
  it.each([0, 1, 15, 16, 17, 31, 100])('writes %i rows in order', (n) => {
    const raw = database();
    const inserter = new BatchInserter<{ a: number; b: string | null }>(
      raw,
      't',
      ['a', 'b'],
      (row, out, at) => {
        out[at] = row.a;
        out[at + 1] = row.b;
      },
    );
    raw.transaction(() => {
      for (let i = 0; i < n; i++) inserter.add({ a: i, b: i % 2 ? `行${i}` : null });
      inserter.flush();
    })();
    expect(inserter.inserted).toBe(n);
    expect(raw.prepare('SELECT a, b FROM t ORDER BY id').all()).toEqual(
      Array.from({ length: n }, (_, i) => ({ a: i, b: i % 2 ? `行${i}` : null })),
    );
    raw.close();
  });

  it('rejects batch sizes SQLite or the power-of-two split cannot take', () => {
    const raw = database();
    const write = () => undefined;
    expect(() => new BatchInserter(raw, 't', ['a'], write, 12)).toThrow(RangeError);
    expect(() => new BatchInserter(raw, 't', Array(600).fill('a'), write, 64)).toThrow(RangeError);
    raw.close();
  });
});

describe('withIndexesDeferred', () => {
  it('recreates every index exactly as it was', () => {
    const raw = database();
    const before = indexSql(raw);
    raw.transaction(() =>
      withIndexesDeferred(raw, ['t'], () => {
        expect(indexSql(raw)).toEqual([]);
        raw.prepare("INSERT INTO t (a, b) VALUES (1, NULL), (2, 'x')").run();
      }),
    )();
    expect(indexSql(raw)).toEqual(before);
    expect(raw.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
    raw.close();
  });

  it('rolls everything back when the load breaks a UNIQUE index', () => {
    const raw = database();
    raw.prepare('INSERT INTO t (a) VALUES (1)').run();
    const before = indexSql(raw);
    expect(() =>
      raw.transaction(() =>
        withIndexesDeferred(raw, ['t'], () => raw.prepare('INSERT INTO t (a) VALUES (1), (2)').run()),
      )(),
    ).toThrow(/UNIQUE/);
    expect(indexSql(raw)).toEqual(before);
    expect(raw.prepare('SELECT a FROM t').pluck().all()).toEqual([1]);
    raw.close();
  });

  it('refuses to run outside a transaction, where a failure would leave indexes missing', () => {
    const raw = database();
    expect(() => withIndexesDeferred(raw, ['t'], () => undefined)).toThrow(/inside a transaction/);
    expect(indexSql(raw)).toHaveLength(2);
    raw.close();
  });
});
