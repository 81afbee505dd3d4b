import type { Db } from '../db/executor';
import { preparedInsert } from '../db/prepared-insert';
import { dealCodes } from './documents';

/** Deals read per statement: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/**
 * Brings the exact-lookup codes (deal_codes: order and tracking numbers) of these deals up to date, and
 * nothing else. A new tracking number changes only these: tracking numbers are not in a deal's search
 * document, and a customer's figures do not depend on them. So marking a thousand deals shipped with
 * their numbers writes a thousand codes, not a thousand search documents and their customers' figures
 * (reindexDeals). Deals whose codes are already right are not touched.
 */
export function refreshDealCodes(db: Db, dealIds: Iterable<number>): void {
  const insertCode = preparedInsert(db, 'deal_codes', ['code', 'deal_id', 'kind']);
  const all = [...new Set(dealIds)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const ids = all.slice(i, i + CHUNK);
    const tracking = new Map<number, string[]>();
    for (const s of db.all(
      db.qb
        .selectFrom('deal_steps')
        .select(['deal_id', 'tracking_number'])
        .where('deal_id', 'in', ids)
        .where('tracking_number', 'is not', null),
    )) {
      tracking.set(s.deal_id, [...(tracking.get(s.deal_id) ?? []), s.tracking_number ?? '']);
    }
    const stored = new Map<number, string>();
    for (const c of db.all(
      db.qb.selectFrom('deal_codes').select(['deal_id', 'code', 'kind']).where('deal_id', 'in', ids),
    )) {
      stored.set(c.deal_id, `${stored.get(c.deal_id) ?? ''}${c.kind}:${c.code}\n`);
    }
    const deals = db.all(db.qb.selectFrom('deals').select(['id', 'external_id']).where('id', 'in', ids));
    const fresh = deals
      .map((d) => ({ id: d.id, codes: dealCodes(d, tracking.get(d.id) ?? []) }))
      .filter(
        ({ id, codes }) => codes.map((c) => `${c.kind}:${c.code}\n`).join('') !== (stored.get(id) ?? ''),
      );
    if (fresh.length === 0) continue;
    db.run(
      db.qb.deleteFrom('deal_codes').where(
        'deal_id',
        'in',
        fresh.map((f) => f.id),
      ),
    );
    for (const { id, codes } of fresh) for (const c of codes) insertCode([c.code, id, c.kind]);
  }
}
