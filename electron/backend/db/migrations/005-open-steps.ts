import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The deals page and the 今日 page ask "which steps are still to do" many times a second. A cancelled
 * deal keeps its unfinished steps as they were (reopening resumes them), and in a long ledger those
 * outnumber the real open work several times over. Each step now carries a copy of "its deal is
 * cancelled", kept by every write path (electron/backend/deals/open-steps.ts), so the open work is one
 * small partial index that never has to look at the deal.
 *
 * Also indexes for the ledger's other sorts: amount, next due time (nulls last), deal state by date.
 */
export const openSteps: Migration = {
  version: 5,
  name: 'open-step flag on steps, indexes for deal list sorts and filters',
  up({ qb, exec }) {
    exec(
      qb.schema
        .alterTable('deal_steps')
        .addColumn('deal_cancelled', 'integer', (c) => c.notNull().defaultTo(0)),
    );
    exec(
      qb
        .updateTable('deal_steps')
        .set({ deal_cancelled: 1 })
        .where('deal_id', 'in', qb.selectFrom('deals').select('id').where('state', '=', 'cancelled')),
    );
    // Open work by person and due time: the 今日 page, 自分の担当, the assignee filter, the family overview.
    exec(
      qb.schema
        .createIndex('deal_steps_open_assignee')
        .on('deal_steps')
        .columns(['assignee_id', 'due_at', 'kind', 'deal_id'])
        .where(sql.ref('state'), '=', 'todo')
        .where(sql.ref('deal_cancelled'), '=', 0),
    );
    // Open work by kind: 入金待ち, 発送待ち, the step filter.
    exec(
      qb.schema
        .createIndex('deal_steps_open_kind')
        .on('deal_steps')
        .columns(['kind', 'deal_id'])
        .where(sql.ref('state'), '=', 'todo')
        .where(sql.ref('deal_cancelled'), '=', 0),
    );
    // Replaced by the partial index above: it held every todo step of every cancelled deal too.
    exec(qb.schema.dropIndex('deal_steps_open_due').ifExists());
    // Sort by amount, of all deals or of one marketplace.
    exec(qb.schema.createIndex('deals_total').on('deals').column('total'));
    exec(qb.schema.createIndex('deals_marketplace_total').on('deals').columns(['marketplace', 'total']));
    exec(qb.schema.createIndex('deals_state_ordered').on('deals').columns(['state', 'ordered_at']));
    // Sorting by next due time puts deals with nothing due last in either direction; these are those two
    // orders, so a page is an index walk rather than a sort of the whole ledger.
    exec(
      qb.schema
        .createIndex('deals_next_due_last')
        .on('deals')
        .expression(sql`next_due_at IS NULL, next_due_at`),
    );
    exec(
      qb.schema
        .createIndex('deals_next_due_first_desc')
        .on('deals')
        .expression(sql`next_due_at IS NULL, next_due_at DESC`),
    );
  },
};
