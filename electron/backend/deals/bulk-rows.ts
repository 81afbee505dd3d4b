import type { Db } from '../db/executor';
import type { KnownDeal } from './progress';

/** Deals read per statement: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/**
 * A bulk action over a thousand deals reads each deal and its steps with two statements per chunk of
 * 500 instead of several small ones per deal. The map keeps the caller's order; an id with no deal
 * maps to undefined (reported as not found). Only for reading ahead: each deal's entry is used once,
 * before anything it describes is written.
 */
export function readAhead(db: Db, dealIds: readonly number[]): Map<number, KnownDeal | undefined> {
  const result = new Map<number, KnownDeal | undefined>(dealIds.map((id) => [id, undefined]));
  for (let i = 0; i < dealIds.length; i += CHUNK) {
    const chunk = dealIds.slice(i, i + CHUNK);
    const deals = db.all(
      db.qb
        .selectFrom('deals')
        .select(['id', 'marketplace', 'ordered_at', 'state', 'next_due_at', 'external_id'])
        .where('id', 'in', chunk),
    );
    const known = new Map<number, KnownDeal>(deals.map((deal) => [deal.id, { deal, steps: [] }]));
    const steps = db.all(db.qb.selectFrom('deal_steps').selectAll().where('deal_id', 'in', chunk));
    for (const step of steps) known.get(step.deal_id)?.steps.push(step);
    for (const [id, entry] of known) result.set(id, entry);
  }
  return result;
}
