import type { Db } from '../db/executor';
import type { PlannedStep } from './progress';

/** Writes a deal's item lines, replacing what was there; returns the items total in yen. */
export function replaceItems(
  db: Db,
  dealId: number,
  items: { name: string; sku?: string | undefined; quantity: number; unitPrice: number }[],
): number {
  db.run(db.qb.deleteFrom('deal_items').where('deal_id', '=', dealId));
  let total = 0;
  items.forEach((item, index) => {
    db.run(
      db.qb.insertInto('deal_items').values({
        deal_id: dealId,
        line_no: index + 1,
        name: item.name,
        sku: item.sku ?? null,
        quantity: item.quantity,
        unit_price: item.unitPrice,
      }),
    );
    total += item.quantity * item.unitPrice;
  });
  return total;
}

export function insertSteps(db: Db, dealId: number, steps: PlannedStep[]): void {
  for (const s of steps) db.run(db.qb.insertInto('deal_steps').values({ deal_id: dealId, ...s }));
}

export function replaceTags(db: Db, dealId: number, tags: string[]): void {
  db.run(db.qb.deleteFrom('deal_tags').where('deal_id', '=', dealId));
  for (const tag of new Set(tags)) db.run(db.qb.insertInto('deal_tags').values({ deal_id: dealId, tag }));
}
