import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/executor';
import { substringQuery, type DealColumn } from './sqlite-fts';

/**
 * Words of one or two characters are too short for the trigram index. Next to longer words (「山田 マフラー」)
 * they are read as the start of the buyer's name or reading, which the summary indexes answer as a range;
 * the index's matches are then narrowed to those buyers before any limit, so an old match of 山田's is not
 * lost behind thousands of newer scarves of other buyers.
 */

const prefixEnd = (key: string) => `${key}\u{10FFFF}`;

/**
 * Active buyers whose name or reading key starts with `start`: two range reads of the summary indexes. As the
 * list of an IN, a buyer may come twice (UNION ALL spares a sort); `distinct` when the rows are counted.
 */
export function buyersStartingWith(start: string, distinct = false): RawBuilder<unknown> {
  const range = (column: 'name_key' | 'reading_key') =>
    sql`SELECT customer_id FROM customer_summaries WHERE ${sql.ref(column)} >= ${start} AND ${sql.ref(column)} < ${prefixEnd(start)}`;
  return sql`${range('name_key')} ${distinct ? sql`UNION` : sql`UNION ALL`} ${range('reading_key')}`;
}

/**
 * Ids of the deals of buyers starting with `start` whose index document has every key (in `columns`), newest
 * first, at most `limit`: the buyers' deals (by the customer index) intersected with the index's matches, so
 * no deal row is read for the words.
 */
export function dealIdsOfBuyersStartingWith(
  start: string,
  keys: readonly string[],
  limit: number,
  columns?: readonly DealColumn[],
): RawBuilder<number> {
  return sql<number>`SELECT id FROM deals WHERE customer_id IN (${buyersStartingWith(start)}) INTERSECT SELECT rowid FROM deal_fts WHERE deal_fts MATCH ${substringQuery(keys, columns)} ORDER BY 1 DESC LIMIT ${limit}`;
}

/** The deals of {@link dealIdsOfBuyersStartingWith} with their buyer, newest first. */
export function dealsOfBuyersStartingWith(
  db: Db,
  start: string,
  keys: readonly string[],
  limit: number,
  columns?: readonly DealColumn[],
): { id: number; customerId: number | null }[] {
  const ids = dealIdsOfBuyersStartingWith(start, keys, limit, columns);
  return db
    .all(
      db.qb
        .selectFrom('deals')
        .select(['id', 'customer_id as customerId'])
        .where(sql<SqlBool>`id IN (${ids})`),
    )
    .sort((a, b) => b.id - a.id);
}

/** Ids of the customers starting with `start` whose index document has every key, newest first, at most `limit`. */
export function customerIdsStartingWith(
  start: string,
  keys: readonly string[],
  limit: number,
): RawBuilder<number> {
  // The unary plus: FTS5 would otherwise run the MATCH once per buyer id.
  return sql<number>`SELECT rowid FROM customer_fts WHERE customer_fts MATCH ${substringQuery(keys)} AND +rowid IN (${buyersStartingWith(start)}) ORDER BY rowid DESC LIMIT ${limit}`;
}

/** The active customers of {@link customerIdsStartingWith}, newest first. */
export function customersStartingWith(
  db: Db,
  start: string,
  keys: readonly string[],
  limit: number,
): number[] {
  const ids = customerIdsStartingWith(start, keys, limit);
  return db
    .all(
      db.qb
        .selectFrom('customer_summaries')
        .select('customer_id')
        .where(sql<SqlBool>`customer_id IN (${ids})`),
    )
    .map((r) => r.customer_id)
    .sort((a, b) => b - a);
}
