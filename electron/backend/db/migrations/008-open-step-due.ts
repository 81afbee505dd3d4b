import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The reminder engine asks "which open steps, anyone's, are due by now?". The open-step indexes of
 * migration 005 lead with the assignee or the kind, so that question fell back to (state, due_at), which
 * also holds every unfinished step of every cancelled deal. This one holds only open work, by due time;
 * queries must write the condition with literals (isOpenStep) for SQLite to use it. It replaces
 * (state, due_at) from migration 006, made for the same question: kept, SQLite may still pick the larger
 * one, as the statistics of a small ledger make both look alike.
 */
export const openStepDue: Migration = {
  version: 8,
  name: 'open deal steps by due time, for the reminder engine',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createIndex('deal_steps_open_due_at')
        .ifNotExists()
        .on('deal_steps')
        .columns(['due_at', 'deal_id'])
        .where(sql.ref('state'), '=', 'todo')
        .where(sql.ref('deal_cancelled'), '=', 0),
    );
    exec(qb.schema.dropIndex('deal_steps_state_due').ifExists());
  },
};
