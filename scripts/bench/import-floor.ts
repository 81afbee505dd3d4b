/**
 * The floor under the import benchmark's ratio: SQLite alone writing the rows a 100,000-row import left in the
 * ledger, into an empty ledger, in one transaction, with nothing for JavaScript to do. Every table is copied
 * with INSERT … SELECT from the imported ledger, the same indexes the import defers are dropped and rebuilt,
 * and the search documents (built beforehand, untimed) go into the same FTS tables. It tells what part of the
 * import's time is storage work that any importer of these rows into this schema must pay, measured in the
 * same run as the sqlite3 `.import` it is compared with.
 */
import fs from 'node:fs';
import type { Backend } from '../../electron/backend';
import { openDatabase } from '../../electron/backend/db/open';
import { withIndexesDeferred } from '../../electron/backend/db/sqlite-meta';
import { BULK_TABLES } from '../../electron/backend/importer/apply';
import { ensureSearchIndex, rebuildSearchIndex } from '../../electron/backend/search/reindex';
import { searchIndexWriter, type CustomerDoc, type DealDoc } from '../../electron/backend/search/sqlite-fts';

/** Parents before children, as the import writes them (foreign keys are on). */
const TABLES = [
  'import_batches',
  'customers',
  'customer_identities',
  'deals',
  'deal_items',
  'deal_steps',
  'import_sources',
  'import_journal',
  'deal_codes',
  'customer_summaries',
  'customer_marketplaces',
  'activity_log',
] as const;
/** Written when the backend starts (the search index version), not by the import. */
const NOT_IMPORTED = ['settings'];

export interface FloorResult {
  totalMs: number;
  /** Wall time per part: tables, "search documents", "indexes", "commit". */
  parts: Record<string, number>;
}

/**
 * The documents a rebuild of `backend`'s search index would write, kept instead of written: the rebuild runs
 * with the connection's index writer recording, inside a transaction that is rolled back.
 */
function searchDocuments(backend: Backend): { deals: DealDoc[]; customers: CustomerDoc[] } {
  const deals: DealDoc[] = [];
  const customers: CustomerDoc[] = [];
  const writer = searchIndexWriter(backend.db.raw);
  const saved = { ...writer };
  Object.assign(writer, {
    addDeal: (d: DealDoc) => void deals.push(d),
    putDeal: (d: DealDoc) => void deals.push(d),
    addCustomer: (c: CustomerDoc) => void customers.push(c),
    putCustomer: (c: CustomerDoc) => void customers.push(c),
  });
  try {
    backend.db.tx(() => {
      rebuildSearchIndex(backend.db);
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  } finally {
    Object.assign(writer, saved);
  }
  return { deals, customers };
}

class RollBack extends Error {}

export async function measureFloor(backend: Backend, floorPath: string): Promise<FloorResult> {
  const docs = searchDocuments(backend);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(floorPath + suffix, { force: true });
  const { db } = await openDatabase(floorPath, { now: () => new Date() });
  // The search tables are made at start-up, as the app does for a new ledger.
  ensureSearchIndex(db);
  const raw = db.raw;
  // Every table the import filled must be copied, or the floor would leave out work.
  const countIn = (schema: string, table: string) =>
    (raw.prepare(`SELECT count(*) AS n FROM ${schema}."${table}"`).get() as { n: number }).n;
  raw.exec(`ATTACH '${backend.dbPath.replace(/'/g, "''")}' AS src`);
  const filled = (
    raw
      .prepare(
        "SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'",
      )
      .pluck()
      .all() as string[]
  ).filter((t) => !NOT_IMPORTED.includes(t) && countIn('src', t) > 0 && countIn('main', t) === 0);
  const missing = filled.filter((t) => !(TABLES as readonly string[]).includes(t));
  if (missing.length > 0) throw new Error(`The floor does not copy ${missing.join(', ')}`);

  // The import's commit runs with a 32 MB page cache (importer/apply.ts).
  raw.pragma('cache_size = -32768');
  const parts: Record<string, number> = {};
  const time = (name: string, fn: () => void) => {
    const t = performance.now();
    fn();
    parts[name] = (parts[name] ?? 0) + performance.now() - t;
  };
  const started = performance.now();
  raw.exec('BEGIN');
  let indexesMs = 0;
  withIndexesDeferred(raw, BULK_TABLES, () => {
    // "WHERE rowid > -1" keeps SQLite from the transfer optimisation, which copies stored records as they
    // are: an importer builds every record from values, and so does this copy.
    for (const t of TABLES)
      time(t, () => raw.exec(`INSERT INTO main."${t}" SELECT * FROM src."${t}" WHERE rowid > -1`));
    time('search documents', () => {
      const deal = raw.prepare(
        'INSERT INTO main.deal_fts(rowid, codes, names, items, customer_id) VALUES (?, ?, ?, ?, ?)',
      );
      for (const d of docs.deals) deal.run(d.id, d.codes, d.names, d.items, d.customerId);
      const customer = raw.prepare('INSERT INTO main.customer_fts(rowid, names, contacts) VALUES (?, ?, ?)');
      for (const c of docs.customers) customer.run(c.id, c.names, c.contacts);
    });
    indexesMs = performance.now();
  });
  parts.indexes = performance.now() - indexesMs;
  time('commit', () => raw.exec('COMMIT'));
  const totalMs = performance.now() - started;
  raw.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(floorPath + suffix, { force: true });
  return { totalMs, parts };
}
