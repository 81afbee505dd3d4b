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
    for (const { name } of tables) {
      hash.update(`#${name}\n`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
        hash.update(JSON.stringify(row));
      }
    }
    hash.update(`v${db.pragma('user_version', { simple: true })}`);
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
