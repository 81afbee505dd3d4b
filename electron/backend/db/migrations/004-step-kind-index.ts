import type { Migration } from './types';

/**
 * Saved views (入金待ち, 発送待ち) start from "steps of this kind in this state". Without this index
 * SQLite walks every open step of every kind and checks the kind row by row.
 */
export const stepKindIndex: Migration = {
  version: 4,
  name: 'index deal steps by kind and state',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createIndex('deal_steps_kind_state')
        .ifNotExists()
        .on('deal_steps')
        .columns(['kind', 'state', 'deal_id']),
    );
  },
};
