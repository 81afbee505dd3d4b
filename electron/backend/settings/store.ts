import type { Db } from '../db/executor';

/** Typed access to the key/value settings table. Values are JSON. */
export function readSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.first(db.qb.selectFrom('settings').select('value').where('key', '=', key));
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.run(
    db.qb
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json })),
  );
}
