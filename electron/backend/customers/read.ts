import type {
  CustomerDto,
  CustomerRowDto,
  CustomerStatsDto,
  DealCardDto,
  MergeDto,
  WishDto,
} from '../../../shared/contract';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Db } from '../db/executor';
import { selectDealRows, toDealRows } from '../deals/read';
import { identitiesOf } from './identities';

const CHUNK = 500;

function* chunks<T>(values: T[]): Generator<T[]> {
  for (let i = 0; i < values.length; i += CHUNK) yield values.slice(i, i + CHUNK);
}

interface SummaryFigures {
  purchase_count: number | null;
  cancelled_count: number | null;
  lifetime_value: number | null;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  marketplaces: string | null;
}

/** Stats as the contract defines them (see CustomerStatsDto), from a summary row (absent: no purchases). */
export function toStats(s: SummaryFigures): CustomerStatsDto {
  const purchases = s.purchase_count ?? 0;
  const cancelled = s.cancelled_count ?? 0;
  return {
    purchaseCount: purchases,
    repeatCount: Math.max(0, purchases - 1),
    isRepeat: purchases >= 2,
    dealCount: purchases + cancelled,
    cancelledCount: cancelled,
    lifetimeValue: s.lifetime_value ?? 0,
    firstPurchaseAt: s.first_purchase_at,
    lastPurchaseAt: s.last_purchase_at,
    marketplaces: (s.marketplaces ?? '').split(',').filter((m) => m !== '') as Marketplace[],
  };
}

/** List rows for these customers, in a few queries per 500 (not per customer). */
export function customerRows(
  db: Db,
  ids: readonly number[],
): Map<number, CustomerRowDto & { lastDealId: number | null }> {
  const map = new Map<number, CustomerRowDto & { lastDealId: number | null }>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = db.all(
      db.qb
        .selectFrom('customers as c')
        .leftJoin('customer_summaries as s', 's.customer_id', 'c.id')
        .select([
          'c.id',
          'c.name',
          'c.name_kana',
          'c.prefecture',
          's.purchase_count',
          's.cancelled_count',
          's.lifetime_value',
          's.first_purchase_at',
          's.last_purchase_at',
          's.last_deal_id',
          's.marketplaces',
        ])
        .where('c.id', 'in', part),
    );
    const tags = new Map<number, string[]>();
    for (const t of db.all(
      db.qb
        .selectFrom('customer_tags')
        .select(['customer_id', 'tag'])
        .where('customer_id', 'in', part)
        .orderBy('customer_id')
        .orderBy('tag'),
    )) {
      tags.set(t.customer_id, [...(tags.get(t.customer_id) ?? []), t.tag]);
    }
    const wishes = new Map(
      db
        .all(
          db.qb
            .selectFrom('customer_wishes')
            .select((eb) => ['customer_id', eb.fn.countAll<number>().as('n')])
            .where('customer_id', 'in', part)
            .where('done_at', 'is', null)
            .groupBy('customer_id'),
        )
        .map((w) => [w.customer_id, w.n]),
    );
    for (const r of rows) {
      map.set(r.id, {
        id: r.id,
        name: r.name,
        kana: r.name_kana,
        prefecture: r.prefecture,
        ...toStats(r),
        tags: tags.get(r.id) ?? [],
        openWishCount: wishes.get(r.id) ?? 0,
        lastDealId: r.last_deal_id,
      });
    }
  }
  return map;
}

/** Deals as cards (row + buyer id), keyed by id; steps and tags in batched queries. */
export function dealCards(db: Db, ids: readonly number[], now: Date): Map<number, DealCardDto> {
  const map = new Map<number, DealCardDto>();
  for (const part of chunks([...new Set(ids)])) {
    const records = db.all(selectDealRows(db).select('d.customer_id').where('d.id', 'in', part));
    const customerOf = new Map(records.map((r) => [r.id, r.customer_id]));
    for (const row of toDealRows(db, records, now)) {
      map.set(row.id, { ...row, customerId: customerOf.get(row.id) ?? null });
    }
  }
  return map;
}

/** The customer this one was merged into, following later merges to the one that is active now. */
export function mergedInto(db: Db, customerId: number): number | null {
  let current = customerId;
  for (let hops = 0; hops < 100; hops++) {
    const merge = db.first(
      db.qb
        .selectFrom('customer_merges')
        .select('keep_id')
        .where('absorb_id', '=', current)
        .where('split_at', 'is', null),
    );
    if (!merge) return current === customerId ? null : current;
    current = merge.keep_id;
  }
  return current;
}

export function toWish(r: {
  id: number;
  customer_id: number;
  text: string;
  wants_notice: number;
  deal_id: number | null;
  created_at: string;
  created_by: number | null;
  done_at: string | null;
  done_by: number | null;
}): WishDto {
  return {
    id: r.id,
    customerId: r.customer_id,
    text: r.text,
    wantsNotice: r.wants_notice === 1,
    dealId: r.deal_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    doneAt: r.done_at,
    doneBy: r.done_by,
  };
}

/** A merge with the absorbed customer's name: the columns a MergeDto is built from. */
export function selectMerges(db: Db) {
  return db.qb
    .selectFrom('customer_merges as m')
    .innerJoin('customers as a', 'a.id', 'm.absorb_id')
    .select([
      'm.id',
      'm.keep_id',
      'm.absorb_id',
      'a.name as absorbed_name',
      'm.merged_at',
      'm.merged_by',
      'm.split_at',
    ]);
}

export function mergesInto(db: Db, keepId: number): MergeDto[] {
  const merges = db.all(selectMerges(db).where('m.keep_id', '=', keepId).orderBy('m.id', 'desc').limit(100));
  return merges.map((m) => toMergeDto(db, m));
}

export function toMergeDto(
  db: Db,
  m: {
    id: number;
    keep_id: number;
    absorb_id: number;
    absorbed_name: string;
    merged_at: string;
    merged_by: number | null;
    split_at: string | null;
  },
): MergeDto {
  const moved = { deals: 0, identities: 0, tags: 0, wishes: 0 };
  for (const r of db.all(
    db.qb
      .selectFrom('customer_merge_moves')
      .select((eb) => ['entity', eb.fn.countAll<number>().as('n')])
      .where('merge_id', '=', m.id)
      .groupBy('entity'),
  )) {
    if (r.entity === 'deal') moved.deals = r.n;
    else if (r.entity === 'identity') moved.identities = r.n;
    else if (r.entity === 'tag') moved.tags = r.n;
    else if (r.entity === 'wish') moved.wishes = r.n;
  }
  return {
    id: m.id,
    keepId: m.keep_id,
    absorbedId: m.absorb_id,
    absorbedName: m.absorbed_name,
    mergedAt: m.merged_at,
    mergedBy: m.merged_by,
    splitAt: m.split_at,
    canSplit: m.split_at === null && mergedInto(db, m.keep_id) === null,
    moved,
  };
}

export const DEFAULT_DEALS_LIMIT = 200;

/** Everything the customer page shows, or undefined when there is no such customer. */
export function readCustomer(
  db: Db,
  id: number,
  now: Date,
  dealsLimit = DEFAULT_DEALS_LIMIT,
): CustomerDto | undefined {
  const c = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', id));
  if (!c) return undefined;
  const row = customerRows(db, [id]).get(id)!;
  const { lastDealId: _last, ...head } = row;
  const dealIds = db
    .all(
      db.qb
        .selectFrom('deals')
        .select('id')
        .where('customer_id', '=', id)
        .orderBy('ordered_at', 'desc')
        .orderBy('id', 'desc')
        .limit(dealsLimit),
    )
    .map((d) => d.id);
  const cards = dealCards(db, dealIds, now);
  const wishes = db
    .all(
      db.qb
        .selectFrom('customer_wishes')
        .selectAll()
        .where('customer_id', '=', id)
        // Open wishes first, newest first within each group.
        .orderBy((eb) => eb('done_at', 'is not', null))
        .orderBy('id', 'desc'),
    )
    .map(toWish);
  return {
    ...head,
    email: c.email,
    phone: c.phone,
    postalCode: c.postal_code,
    address: c.address,
    notes: c.notes,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    mergedIntoId: mergedInto(db, id),
    identities: identitiesOf(db, id),
    wishes,
    deals: dealIds.map((d) => cards.get(d)).filter((d): d is DealCardDto => d !== undefined),
    dealsLimit,
    merges: mergesInto(db, id),
  };
}
