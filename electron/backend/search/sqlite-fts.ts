import type Database from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';

/**
 * Every SQLite-only piece of search: the FTS5 DDL, writes to the index, and MATCH queries. A PostgreSQL port
 * replaces this module (pg_trgm or tsvector) and keeps the rest of search as it is.
 *
 * Two contentless FTS5 tables with the trigram tokenizer, one per kind of thing found (cases will add a third):
 * - customer_fts: rowid = customer id; the name and reading keys, and contact identifiers.
 * - deal_fts: rowid = deal id; order number, buyer handle, recipient, items. customer_id is stored
 *   (contentless_unindexed) so re-indexing a deal knows which customer's figures it used to count toward,
 *   even after the deal was moved or deleted.
 * Contentless: the text is already in the ledger, so the index stores only postings (about half the size).
 * contentless_delete lets a single document be replaced by rowid. Text is stored as search keys
 * (shared/domain/search/key.ts), so the tokenizer's own case folding never matters.
 */
const TABLES = {
  customer_fts: `CREATE VIRTUAL TABLE customer_fts USING fts5(
    names, contacts,
    content='', contentless_delete=1, tokenize='trigram', detail=full)`,
  deal_fts: `CREATE VIRTUAL TABLE deal_fts USING fts5(
    codes, names, items, customer_id UNINDEXED,
    content='', contentless_delete=1, contentless_unindexed=1, tokenize='trigram', detail=full)`,
} as const;

const SHADOW_TABLES = ['data', 'idx', 'content', 'docsize', 'config'] as const;

export interface CustomerDoc {
  id: number;
  /** Name and reading keys. */
  names: string;
  /** E-mails, phone digits, Yahoo! IDs. */
  contacts: string;
}

export interface DealDoc {
  id: number;
  customerId: number | null;
  /** Order number and buyer handle. */
  codes: string;
  /** Recipient name and reading. */
  names: string;
  items: string;
}

export function tableExists(raw: Database.Database, name: string): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function searchTablesExist(raw: Database.Database): boolean {
  const rows = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('customer_fts', 'deal_fts')")
    .all();
  return rows.length === Object.keys(TABLES).length;
}

/**
 * Leaves the index tables empty and shaped as this version defines them: emptied in place when their definition
 * is current ('delete-all' truncates the shadow tables), otherwise dropped and created anew.
 */
export function resetSearchTables(raw: Database.Database): void {
  for (const [name, ddl] of Object.entries(TABLES)) {
    const current = raw
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
      .pluck()
      .get(name);
    if (current === ddl) {
      raw.exec(`INSERT INTO ${name}(${name}) VALUES ('delete-all')`);
      continue;
    }
    raw.exec(`DROP TABLE IF EXISTS ${name}`);
    // SQLite 3.54 leaves %_content behind when dropping a contentless_unindexed table, and the next CREATE
    // fails on it. Defensive mode forbids dropping what looks like a shadow table, so lift it for this alone.
    const leftovers = SHADOW_TABLES.map((s) => `${name}_${s}`).filter((t) => tableExists(raw, t));
    if (leftovers.length > 0) {
      raw.unsafeMode(true);
      try {
        for (const t of leftovers) raw.exec(`DROP TABLE ${t}`);
      } finally {
        raw.unsafeMode(false);
      }
    }
    raw.exec(ddl);
  }
}

/**
 * Runs a bulk rebuild with a large page cache. The index grows by hundreds of megabytes in one transaction;
 * with the default 2 MiB cache SQLite spills dirty pages to the WAL over and over (measured: 3-4× slower).
 */
export function withLargePageCache<T>(raw: Database.Database, fn: () => T): T {
  const previous = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = ${-REBUILD_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    raw.pragma(`cache_size = ${previous}`);
  }
}
const REBUILD_CACHE_KIB = 512 * 1024;

/** Merges the index's segments into one after a bulk load: fewer segments, faster queries. */
export function optimizeSearchTables(raw: Database.Database): void {
  for (const name of Object.keys(TABLES)) raw.exec(`INSERT INTO ${name}(${name}) VALUES ('optimize')`);
}

/** Bytes the index occupies on disk (every FTS5 shadow table), from the dbstat virtual table. */
export function searchIndexBytes(raw: Database.Database): number {
  // aggregate = 1 sums one b-tree from its root instead of walking every page of the database.
  const size = raw
    .prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ? AND aggregate = 1')
    .pluck();
  let bytes = 0;
  for (const name of Object.keys(TABLES)) {
    for (const shadow of SHADOW_TABLES) {
      if (tableExists(raw, `${name}_${shadow}`)) bytes += size.get(`${name}_${shadow}`) as number;
    }
  }
  return bytes;
}

/** Reused prepared statements for writing documents; one set per connection. */
export interface SearchIndexWriter {
  /** Adds or replaces a document. */
  putCustomer(doc: CustomerDoc): void;
  removeCustomer(id: number): void;
  putDeal(doc: DealDoc): void;
  removeDeal(id: number): void;
  /** Adds a document known not to be indexed (a rebuild into empty tables): no delete first. */
  addCustomer(doc: CustomerDoc): void;
  addDeal(doc: DealDoc): void;
  /** The customer a deal was counted for when it was last indexed; undefined when it is not indexed. */
  indexedDealCustomer(id: number): number | null | undefined;
  customerIndexed(id: number): boolean;
}

const writers = new WeakMap<Database.Database, SearchIndexWriter>();

export function searchIndexWriter(raw: Database.Database): SearchIndexWriter {
  let writer = writers.get(raw);
  if (writer) return writer;
  const insertCustomer = raw.prepare('INSERT INTO customer_fts(rowid, names, contacts) VALUES (?, ?, ?)');
  const deleteCustomer = raw.prepare('DELETE FROM customer_fts WHERE rowid = ?');
  // Contentless tables keep document sizes (%_docsize), which is how an indexed rowid is known.
  const customerIndexed = raw.prepare('SELECT 1 FROM customer_fts_docsize WHERE id = ?').pluck();
  const insertDeal = raw.prepare(
    'INSERT INTO deal_fts(rowid, codes, names, items, customer_id) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteDeal = raw.prepare('DELETE FROM deal_fts WHERE rowid = ?');
  const dealCustomer = raw.prepare('SELECT customer_id FROM deal_fts WHERE rowid = ?');
  // With contentless_delete every DELETE writes a tombstone into the index, even for a rowid that is not
  // there, so documents are deleted only when they exist.
  const removeCustomer = (id: number) => {
    if (customerIndexed.get(id) !== undefined) deleteCustomer.run(id);
  };
  const indexedDealCustomer = (id: number) => {
    const row = dealCustomer.get(id) as { customer_id: number | null } | undefined;
    return row === undefined ? undefined : row.customer_id;
  };
  const removeDeal = (id: number) => {
    if (indexedDealCustomer(id) !== undefined) deleteDeal.run(id);
  };
  const addCustomer = (doc: CustomerDoc) => void insertCustomer.run(doc.id, doc.names, doc.contacts);
  const addDeal = (doc: DealDoc) =>
    void insertDeal.run(doc.id, doc.codes, doc.names, doc.items, doc.customerId);
  writer = {
    putCustomer(doc) {
      removeCustomer(doc.id);
      addCustomer(doc);
    },
    removeCustomer,
    putDeal(doc) {
      removeDeal(doc.id);
      addDeal(doc);
    },
    removeDeal,
    addCustomer,
    addDeal,
    indexedDealCustomer,
    customerIndexed: (id) => customerIndexed.get(id) !== undefined,
  };
  writers.set(raw, writer);
  return writer;
}

/**
 * An FTS5 query for documents containing every key as a substring, in the given columns (all when omitted).
 * Each key is one quoted phrase, so AND, OR, NEAR, *, ^, :, parentheses and quotes in what the seller typed
 * are matched as text, never parsed. Keys must be at least 3 characters: the trigram index cannot answer
 * shorter ones.
 */
export function substringQuery(keys: readonly string[], columns?: readonly string[]): string {
  const phrases = keys.map((k) => `"${k.replace(/"/g, '""')}"`).join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${phrases})` : phrases;
}

export type CustomerColumn = 'names' | 'contacts';
export type DealColumn = 'codes' | 'names' | 'items';

const matchStatements = new WeakMap<Database.Database, Record<string, Database.Statement>>();

function matchStatement(raw: Database.Database, table: 'customer_fts' | 'deal_fts'): Database.Statement {
  let statements = matchStatements.get(raw);
  if (!statements) {
    statements = {
      customer_fts: raw.prepare(
        'SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
      ),
      // customer_id comes from the index itself (contentless_unindexed): no deal row is read.
      deal_fts: raw.prepare(
        'SELECT rowid AS id, customer_id AS customerId FROM deal_fts WHERE deal_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
      ),
    };
    matchStatements.set(raw, statements);
  }
  return statements[table]!;
}

/**
 * Customers whose documents contain every key, newest first (highest id), at most `limit`. FTS5 walks
 * rowids in order and stops at the limit, so a common trigram stays fast.
 */
export function matchCustomers(
  raw: Database.Database,
  keys: readonly string[],
  limit: number,
  columns?: readonly CustomerColumn[],
): number[] {
  if (keys.length === 0) return [];
  const rows = matchStatement(raw, 'customer_fts').all(substringQuery(keys, columns), limit);
  return (rows as { id: number }[]).map((r) => r.id);
}

/** Deals whose documents contain every key, newest first, with the customer each was indexed for. */
export function matchDeals(
  raw: Database.Database,
  keys: readonly string[],
  limit: number,
  columns?: readonly DealColumn[],
): { id: number; customerId: number | null }[] {
  if (keys.length === 0) return [];
  return matchStatement(raw, 'deal_fts').all(substringQuery(keys, columns), limit) as {
    id: number;
    customerId: number | null;
  }[];
}

/** A condition "this customer id matches", for the customers list's text filter (Kysely raw SQL). */
export function customerIdMatches(column: string, keys: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ${substringQuery(keys)})`;
}
