import type Database from 'better-sqlite3';

/** SQLite-only catalogue queries, kept here so the rest of the backend stays dialect-neutral. */
export function listUserTables(raw: Database.Database): string[] {
  const rows = raw
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )
    .all() as { name: string }[];
  // FTS shadow tables are implementation detail; they are named after their virtual table.
  return rows.map((r) => r.name).filter((name) => !/_(data|idx|content|docsize|config)$/.test(name));
}

export function countRows(raw: Database.Database, table: string): number {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  return (raw.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number }).n;
}

export function tableCounts(raw: Database.Database): Record<string, number> {
  return Object.fromEntries(listUserTables(raw).map((t) => [t, countRows(raw, t)]));
}

/**
 * Changes whenever anything is written to the database, by this connection or another one: lets
 * a cached plan (an import preview) be reused only while nothing has moved underneath it.
 */
export function changeStamp(raw: Database.Database): string {
  const version = raw.pragma('data_version', { simple: true }) as number;
  const own = (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${own}`;
}

/**
 * The id the next row of an AUTOINCREMENT table gets. Bulk inserts assign ids themselves so child
 * rows can be written in multi-row statements without reading each parent's id back.
 */
export function nextRowId(raw: Database.Database, table: string): number {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  const max = (raw.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${quoted}`).get() as { n: number }).n;
  const seq = raw.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as
    { seq: number } | undefined;
  return Math.max(max, seq?.seq ?? 0) + 1;
}

/** Runs fn with a larger page cache (KiB), so a big import does not spill pages mid-transaction. */
export function withCacheSize<T>(raw: Database.Database, kib: number, fn: () => T): T {
  const before = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = ${-Math.abs(kib)}`);
  try {
    return fn();
  } finally {
    raw.pragma(`cache_size = ${before}`);
  }
}

/**
 * Runs fn with the secondary indexes of `tables` dropped, then builds them again. For a load that at
 * least doubles a table, one sorted index build at the end is much cheaper than updating each index
 * row by row. Call inside a transaction: if fn or a rebuild fails (a unique index finding duplicates),
 * the rollback brings the indexes back as they were.
 */
export function withIndexesDeferred<T>(raw: Database.Database, tables: readonly string[], fn: () => T): T {
  const indexes = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) raw.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  const result = fn();
  for (const index of indexes) raw.exec(index.sql);
  return result;
}
