import { sql } from 'kysely';
import type { Db } from '../db/executor';

/**
 * "Open work" is a step still to do on a deal that is not cancelled. A cancelled deal keeps its
 * unfinished steps as they were (reopening resumes them), so each step carries a copy of its deal's
 * cancelled state (deal_steps.deal_cancelled); the partial indexes of migration 005 then hold only
 * the open work, a few thousand rows in a ledger of a million deals.
 *
 * Every write path keeps the copy right: refreshProgress (create, step changes, import updates, undo,
 * reopen) calls syncStepsWithDeal; bulk inserts (demo seeding, CSV import) call markCancelledSteps
 * once after their rows are in.
 */

/**
 * The condition, written with literals so SQLite can prove it implies the partial indexes' WHERE
 * (a bound parameter would not). `alias` is the deal_steps alias in the query.
 */
export function isOpenStep(alias: string) {
  return sql<boolean>`(${sql.ref(`${alias}.state`)} = 'todo' AND ${sql.ref(`${alias}.deal_cancelled`)} = 0)`;
}

/** Brings one deal's steps in line with its state. */
export function syncStepsWithDeal(db: Db, dealId: number, cancelled: boolean): void {
  const flag = cancelled ? 1 : 0;
  db.run(
    db.qb
      .updateTable('deal_steps')
      .set({ deal_cancelled: flag })
      .where('deal_id', '=', dealId)
      .where('deal_cancelled', '!=', flag),
  );
}

/**
 * After a bulk insert of deals with ids from `fromDealId` up: flags the steps of those that were
 * inserted cancelled. One statement; run it once the indexes are in place (it probes steps by deal).
 */
export function markCancelledSteps(db: Db, fromDealId: number): void {
  db.run(
    db.qb
      .updateTable('deal_steps')
      .set({ deal_cancelled: 1 })
      .where('deal_cancelled', '=', 0)
      .where(
        'deal_id',
        'in',
        db.qb.selectFrom('deals').select('id').where('id', '>=', fromDealId).where('state', '=', 'cancelled'),
      ),
  );
}
