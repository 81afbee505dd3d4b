import type Database from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Db } from '../db/executor';

const SENTINEL = '\u0000param:';

/** A Kysely-built statement compiled and prepared once, then run many times with named values. */
export interface Prepared<P extends string> {
  run(values: Record<P, unknown>): { changes: number; lastInsertRowid: number };
  get<R>(values: Record<P, unknown>): R | undefined;
  all<R>(values: Record<P, unknown>): R[];
}

/**
 * Bulk paths (an import of 100,000 rows) cannot afford to compile a Kysely query per row. The query is
 * built once with placeholders (`p('name')`), compiled to SQL, prepared, and each run only binds values.
 * SQL stays Kysely-generated and dialect-neutral; only the binding is positional.
 */
export function prepare<P extends string>(
  db: Db,
  build: (p: <T = never>(name: P) => T) => Compilable<unknown>,
): Prepared<P> {
  const compiled = build(<T>(name: P) => `${SENTINEL}${name}` as unknown as T).compile();
  const stmt: Database.Statement = db.raw.prepare(compiled.sql);
  const slots = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SENTINEL)
      ? { name: value.slice(SENTINEL.length) as P }
      : { constant: value },
  );
  const bind = (values: Record<P, unknown>): unknown[] =>
    slots.map((slot) => {
      if ('constant' in slot) return slot.constant;
      const v = values[slot.name];
      if (v === undefined) throw new Error(`Missing value for statement parameter "${slot.name}"`);
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    });
  return {
    run(values) {
      const info = stmt.run(...bind(values));
      return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
    },
    get: <R>(values: Record<P, unknown>) => stmt.get(...bind(values)) as R | undefined,
    all: <R>(values: Record<P, unknown>) => stmt.all(...bind(values)) as R[],
  };
}
