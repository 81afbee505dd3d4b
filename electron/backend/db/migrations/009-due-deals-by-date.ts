import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The deals page sorted by next due within a date range ("June 2025, next due first") starts with the
 * range's deals that have something due. Those are the few open deals of a long ledger: this small
 * partial index finds them by order time without reading a row, where the next-due indexes would walk
 * every due deal and read each one's order time. Queries must state `next_due_at IS NOT NULL` for SQLite
 * to use it.
 */
export const dueDealsByDate: Migration = {
  version: 9,
  name: 'index deals with something due by order time',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createIndex('deals_due_ordered')
        .ifNotExists()
        .on('deals')
        .columns(['ordered_at', 'next_due_at'])
        .where(sql.ref('next_due_at'), 'is not', null),
    );
  },
};
