import type { Db } from '../db/executor';

/** What a label needs of a deal: one label per deal, however many items it has. */
export interface LabelDeal {
  id: number;
  externalId: string;
  name: string | null;
  postalCode: string | null;
  prefecture: string | null;
  address1: string | null;
  address2: string | null;
  phone: string | null;
  deliveryMethod: string | null;
  items: { name: string; quantity: number }[];
}

const CHUNK = 500;

/** Loads deals in the order asked (the ledger's selection order), skipping ids that do not exist. */
export function loadLabelDeals(db: Db, dealIds: readonly number[]): LabelDeal[] {
  const ids = [...new Set(dealIds)];
  const byId = new Map<number, LabelDeal>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const deals = db.all(
      db.qb
        .selectFrom('deals')
        .leftJoin('customers', 'customers.id', 'deals.customer_id')
        .select([
          'deals.id',
          'deals.external_id',
          'deals.ship_name',
          'deals.ship_postal_code',
          'deals.ship_prefecture',
          'deals.ship_address1',
          'deals.ship_address2',
          'deals.ship_phone',
          'deals.delivery_method',
          'customers.name as customer_name',
          'customers.phone as customer_phone',
        ])
        .where('deals.id', 'in', chunk),
    );
    for (const d of deals) {
      byId.set(d.id, {
        id: d.id,
        externalId: d.external_id,
        // The buyer is the addressee when the ship-to has no name of its own (a manual deal).
        name: d.ship_name ?? d.customer_name,
        postalCode: d.ship_postal_code,
        prefecture: d.ship_prefecture,
        address1: d.ship_address1,
        address2: d.ship_address2,
        phone: d.ship_phone ?? d.customer_phone,
        deliveryMethod: d.delivery_method,
        items: [],
      });
    }
    const items = db.all(
      db.qb
        .selectFrom('deal_items')
        .select(['deal_id', 'name', 'quantity'])
        .where('deal_id', 'in', chunk)
        .orderBy('deal_id')
        .orderBy('line_no'),
    );
    for (const item of items)
      byId.get(item.deal_id)?.items.push({ name: item.name, quantity: item.quantity });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** "手編みのマフラー 他2点": the contents line of a label for a deal of several items. */
export function contentsSummary(items: LabelDeal['items']): string {
  const first = items[0]?.name ?? '';
  const others = items.length - 1;
  return others > 0 ? `${first} 他${others}点` : first;
}
