import type { Compilable, Kysely } from 'kysely';

/** What a migration may use. Migrations are frozen in time: they see `Kysely<any>`, not today's schema. */
export interface MigrationContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  qb: Kysely<any>;
  exec(query: Compilable<unknown>): void;
  /** Reads rows, for a migration that back-fills derived data computed in code (e.g. search keys). */
  all<R>(query: Compilable<R>): R[];
}

export interface Migration {
  version: number;
  name: string;
  up(m: MigrationContext): void;
}
