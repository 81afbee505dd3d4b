import type { DealDto, DealRowDto, StepDto } from '../../../shared/contract';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import {
  isOverdue,
  stepKinds,
  type Carrier,
  type DealState,
  type StepKind,
  type StepState,
} from '../../../shared/domain/steps';
import type { Db } from '../db/executor';

/** The columns a deal row in a list needs, with its first item and buyer name. */
export function selectDealRows(db: Db) {
  return db.qb
    .selectFrom('deals as d')
    .leftJoin('customers as c', 'c.id', 'd.customer_id')
    .select((eb) => [
      'd.id',
      'd.marketplace',
      'd.external_id',
      'd.ordered_at',
      'd.state',
      'd.total',
      'd.next_due_at',
      'd.ship_name',
      'c.name as customer_name',
      eb
        .selectFrom('deal_items as i')
        .select('i.name')
        .whereRef('i.deal_id', '=', 'd.id')
        .orderBy('i.line_no')
        .limit(1)
        .as('first_item'),
      eb
        .selectFrom('deal_items as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.deal_id', '=', 'd.id')
        .as('item_count'),
    ]);
}

type DealRowRecord = {
  id: number;
  marketplace: string;
  external_id: string;
  ordered_at: string;
  state: string;
  total: number;
  next_due_at: string | null;
  ship_name: string | null;
  customer_name: string | null;
  first_item: string | null;
  item_count: number | null;
};

/** Loads steps and tags for a page of deals in two queries (not two per deal). */
export function toDealRows(db: Db, records: DealRowRecord[], now: Date): DealRowDto[] {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const steps = stepsByDeal(db, ids, now);
  const tags = tagsByDeal(db, ids);
  const nowIso = now.toISOString();
  return records.map((r) => {
    const count = r.item_count ?? 0;
    return {
      id: r.id,
      marketplace: r.marketplace as Marketplace,
      externalId: r.external_id,
      orderedAt: r.ordered_at,
      state: r.state as DealState,
      total: r.total,
      buyerName: r.customer_name ?? r.ship_name,
      firstItemName: r.first_item,
      itemSummary: r.first_item ? (count > 1 ? `${r.first_item} 他${count - 1}点` : r.first_item) : '',
      itemCount: count,
      nextDueAt: r.next_due_at,
      overdue: r.state === 'open' && r.next_due_at !== null && r.next_due_at < nowIso,
      steps: steps.get(r.id) ?? [],
      tags: tags.get(r.id) ?? [],
    };
  });
}

export function stepsByDeal(db: Db, dealIds: number[], now: Date): Map<number, StepDto[]> {
  const rows = db.all(db.qb.selectFrom('deal_steps').selectAll().where('deal_id', 'in', dealIds));
  const order = (kind: string) => stepKinds.indexOf(kind as StepKind);
  rows.sort((a, b) => order(a.kind) - order(b.kind));
  const map = new Map<number, StepDto[]>();
  for (const s of rows) {
    const dto: StepDto = {
      kind: s.kind as StepKind,
      state: s.state as StepState,
      assigneeId: s.assignee_id,
      dueAt: s.due_at,
      overdue: isOverdue({ state: s.state, dueAt: s.due_at }, now),
      doneAt: s.done_at,
      doneBy: s.done_by,
      carrier: s.carrier as Carrier | null,
      trackingNumber: s.tracking_number,
    };
    const list = map.get(s.deal_id) ?? [];
    list.push(dto);
    map.set(s.deal_id, list);
  }
  return map;
}

function tagsByDeal(db: Db, dealIds: number[]): Map<number, string[]> {
  const rows = db.all(
    db.qb.selectFrom('deal_tags').selectAll().where('deal_id', 'in', dealIds).orderBy('tag'),
  );
  const map = new Map<number, string[]>();
  for (const t of rows) map.set(t.deal_id, [...(map.get(t.deal_id) ?? []), t.tag]);
  return map;
}

export function readDeal(db: Db, id: number, now: Date): DealDto | undefined {
  const deal = db.first(db.qb.selectFrom('deals').selectAll().where('id', '=', id));
  if (!deal) return undefined;
  const [row] = toDealRows(db, db.all(selectDealRows(db).where('d.id', '=', id)), now);
  const items = db.all(
    db.qb.selectFrom('deal_items').selectAll().where('deal_id', '=', id).orderBy('line_no'),
  );
  const customer =
    deal.customer_id === null
      ? undefined
      : db.first(
          db.qb
            .selectFrom('customers')
            .select(['id', 'name', 'name_kana', 'email', 'phone'])
            .where('id', '=', deal.customer_id),
        );
  return {
    ...row!,
    itemsTotal: deal.items_total,
    shippingFee: deal.shipping_fee,
    fee: deal.fee,
    customer: customer
      ? {
          id: customer.id,
          name: customer.name,
          kana: customer.name_kana,
          email: customer.email,
          phone: customer.phone,
        }
      : null,
    shipTo: {
      name: deal.ship_name,
      kana: deal.ship_kana,
      postalCode: deal.ship_postal_code,
      prefecture: deal.ship_prefecture,
      address1: deal.ship_address1,
      address2: deal.ship_address2,
      phone: deal.ship_phone,
    },
    deliveryMethod: deal.delivery_method,
    notes: deal.notes,
    items: items.map((i) => ({
      id: i.id,
      lineNo: i.line_no,
      name: i.name,
      sku: i.sku,
      quantity: i.quantity,
      unitPrice: i.unit_price,
    })),
    editedFields: parseList(deal.edited_fields),
    createdAt: deal.created_at,
    updatedAt: deal.updated_at,
  };
}

export function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
