import type { Db } from './executor';
import type { Schema } from './schema';

/**
 * One INSERT compiled by Kysely (so the SQL stays dialect-neutral) and prepared once, for bulk paths where
 * compiling a query per row would cost more than the insert itself. Values are passed in `columns` order;
 * returns the number of rows inserted (0 when a conflict was ignored).
 */
export function preparedInsert<T extends keyof Schema>(
  db: Db,
  table: T,
  columns: readonly (keyof Schema[T] & string)[],
  options: { ignoreConflicts?: boolean } = {},
): (values: readonly unknown[]) => number {
  const placeholders = Object.fromEntries(columns.map((c) => [c, null]));
  // The row shape is only known at run time here; the column names are checked against Schema above.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let query = (db.qb.insertInto(table) as any).values(placeholders);
  if (options.ignoreConflicts) query = query.onConflict((oc: { doNothing(): unknown }) => oc.doNothing());
  const stmt = db.raw.prepare((query as { compile(): { sql: string } }).compile().sql);
  return (values) => stmt.run(...values).changes;
}
