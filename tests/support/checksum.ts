import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** A digest of every row of every table, to prove that a refused call or file wrote nothing. */
export function databaseChecksum(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    // Full-text index shadow tables (FTS5 %_idx, %_config) are WITHOUT ROWID: order those by every column.
    const withoutRowid = new Set(
      (db.prepare('SELECT name FROM pragma_table_list WHERE wr = 1').all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    for (const { name } of tables) {
      hash.update(`#${name}\n`);
      const columns = db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number };
      const order = withoutRowid.has(name)
        ? Array.from({ length: columns.n }, (_, i) => i + 1).join(', ')
        : 'rowid';
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).iterate()) {
        hash.update(JSON.stringify(row));
      }
    }
    hash.update(`v${db.pragma('user_version', { simple: true })}`);
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
