import type Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Schema } from './schema';

/**
 * Kysely is used as a typed, dialect-neutral query *builder*; queries run synchronously on
 * better-sqlite3. Why: better-sqlite3 transactions are synchronous, so a whole command runs as one
 * atomic unit with no awaits (no interleaving between callers), and reused prepared statements are
 * several times faster than Kysely's async driver. A PostgreSQL port swaps this executor.
 */
export interface Db {
  /** Query builder only; never call `.execute()` on it. */
  readonly qb: Kysely<Schema>;
  /** The SQLite handle, for the SQLite-only modules (pragmas, backup, bulk inserts). */
  readonly raw: Database.Database;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number };
  /** Runs fn in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
}

export function compileOnlyKysely<S>(): Kysely<S> {
  return new Kysely<S>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

const STATEMENT_CACHE_LIMIT = 500;

export function createDb(raw: Database.Database): Db {
  const qb = compileOnlyKysely<Schema>();
  const cache = new Map<string, Database.Statement>();

  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      // Queries are built from a fixed set of shapes; the cap only guards against a runaway caller.
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      stmt = raw.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const compile = (query: Compilable<unknown>) => {
    const compiled = query.compile();
    return { stmt: prepare(compiled.sql), params: compiled.parameters.map(toSqlite) };
  };

  return {
    qb,
    raw,
    all<R>(query: Compilable<R>): R[] {
      const { stmt, params } = compile(query);
      return stmt.all(...params) as R[];
    },
    first<R>(query: Compilable<R>): R | undefined {
      const { stmt, params } = compile(query);
      return stmt.get(...params) as R | undefined;
    },
    run(query: Compilable<unknown>) {
      const { stmt, params } = compile(query);
      const info = stmt.run(...params);
      return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
    },
    tx<T>(fn: () => T): T {
      return raw.transaction(fn)();
    },
  };
}

/** better-sqlite3 refuses booleans and Dates; normalise the few JS values Kysely may pass through. */
function toSqlite(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}
