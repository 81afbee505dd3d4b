import type Database from 'better-sqlite3';
import { TorihikiError } from '../../../shared/result';
import { compileOnlyKysely } from './executor';
import { migrations as shippedMigrations, type Migration } from './migrations';

/**
 * Runs pending migrations: foreign keys off, one transaction per migration, a foreign-key check
 * before each commit, foreign keys back on. On failure the transaction rolls back and the file keeps
 * its previous version; it is never deleted. Returns the schema version afterwards.
 */
export function migrate(
  raw: Database.Database,
  migrations: readonly Migration[] = shippedMigrations,
): number {
  const current = raw.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const qb = compileOnlyKysely<any>();
  raw.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      raw.transaction(() => {
        migration.up({
          qb,
          exec(query) {
            const compiled = query.compile();
            raw.prepare(compiled.sql).run(...(compiled.parameters as unknown[]));
          },
          all(query) {
            const compiled = query.compile();
            return raw.prepare(compiled.sql).all(...(compiled.parameters as unknown[])) as never[];
          },
        });
        const violations = raw.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new TorihikiError(
            'internal',
            `Migration ${migration.version} (${migration.name}) left ${violations.length} foreign-key violations; rolled back.`,
          );
        }
        raw.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    raw.pragma('foreign_keys = ON');
  }
  return raw.pragma('user_version', { simple: true }) as number;
}
