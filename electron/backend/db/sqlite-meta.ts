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
