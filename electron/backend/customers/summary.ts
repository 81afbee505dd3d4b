import { personKey } from '../../../shared/domain/search/key';
import { marketplaces } from '../../../shared/domain/marketplaces';
import type { Db } from '../db/executor';
import { preparedInsert } from '../db/prepared-insert';
import type { CustomerSummariesTable } from '../db/schema';

/**
 * Per-customer figures kept in customer_summaries (derived data): a purchase is a deal that was not
 * cancelled; lifetime value sums their totals; first/last purchase are their order times; the last deal is
 * the newest of any state (a cancelled order is still what the buyer may be asking about).
 */
export interface PurchaseFigures {
  purchase_count: number;
  cancelled_count: number;
  lifetime_value: number;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  last_deal_id: number | null;
  marketplaces: string;
}

export const emptyFigures = (): PurchaseFigures => ({
  purchase_count: 0,
  cancelled_count: 0,
  lifetime_value: 0,
  first_purchase_at: null,
  last_purchase_at: null,
  last_deal_id: null,
  marketplaces: '',
});

/** ",mercari,rakuten," in the shop's marketplace order, so LIKE '%,code,%' filters by one. */
export function marketplaceList(codes: Iterable<string>): string {
  const set = new Set(codes);
  const ordered = marketplaces.filter((m) => set.has(m));
  return ordered.length === 0 ? '' : `,${ordered.join(',')},`;
}

export function summaryKeys(name: string, kana: string | null): { name_key: string; reading_key: string } {
  const nameKey = personKey(name);
  const readingKey = personKey(kana);
  return { name_key: nameKey, reading_key: readingKey || nameKey };
}

/** The deal columns figures are computed from. */
export interface DealFigureRow {
  id: number;
  customer_id: number | null;
  state: string;
  total: number;
  ordered_at: string;
  marketplace: string;
}

interface Tally {
  purchases: number;
  cancelled: number;
  value: number;
  first: string | null;
  last: string | null;
  newestAt: string;
  newestId: number;
  /** One bit per marketplace (index in `marketplaces`): a Set per customer costs ~100 MB at 500,000. */
  marketplaceBits: number;
}

const marketplaceBit = new Map<string, number>(marketplaces.map((m, i) => [m, 2 ** i]));

/** Adds deals up per customer in one pass (a rebuild streams a million deals through it). */
export class FigureBook {
  private readonly tallies = new Map<number, Tally>();

  add(d: DealFigureRow): void {
    if (d.customer_id === null) return;
    let t = this.tallies.get(d.customer_id);
    if (!t) {
      t = {
        purchases: 0,
        cancelled: 0,
        value: 0,
        first: null,
        last: null,
        newestAt: '',
        newestId: 0,
        marketplaceBits: 0,
      };
      this.tallies.set(d.customer_id, t);
    }
    if (d.state === 'cancelled') t.cancelled++;
    else {
      t.purchases++;
      t.value += d.total;
      if (t.first === null || d.ordered_at < t.first) t.first = d.ordered_at;
      if (t.last === null || d.ordered_at > t.last) t.last = d.ordered_at;
    }
    if (d.ordered_at > t.newestAt || (d.ordered_at === t.newestAt && d.id > t.newestId)) {
      t.newestAt = d.ordered_at;
      t.newestId = d.id;
    }
    t.marketplaceBits |= marketplaceBit.get(d.marketplace) ?? 0;
  }

  /** Marketplace codes the customer bought on (for customer_marketplaces). */
  marketplaceCodes(customerId: number): string[] {
    const bits = this.tallies.get(customerId)?.marketplaceBits ?? 0;
    return marketplaces.filter((m) => (bits & marketplaceBit.get(m)!) !== 0);
  }

  figures(customerId: number): PurchaseFigures {
    const t = this.tallies.get(customerId);
    if (!t) return emptyFigures();
    return {
      purchase_count: t.purchases,
      cancelled_count: t.cancelled,
      lifetime_value: t.value,
      first_purchase_at: t.first,
      last_purchase_at: t.last,
      last_deal_id: t.newestId,
      marketplaces: marketplaceList(this.marketplaceCodes(customerId)),
    };
  }
}

export const SUMMARY_COLUMNS = [
  'customer_id',
  'name_key',
  'reading_key',
  'purchase_count',
  'cancelled_count',
  'lifetime_value',
  'first_purchase_at',
  'last_purchase_at',
  'last_deal_id',
  'marketplaces',
] as const satisfies readonly (keyof CustomerSummariesTable)[];

/**
 * Writes a customer's summary row and marketplace rows through prepared statements (callers delete the old
 * rows first).
 */
export function summaryInserter(db: Db): (row: CustomerSummariesTable, marketplaceCodes: string[]) => void {
  const insert = preparedInsert(db, 'customer_summaries', SUMMARY_COLUMNS);
  const insertMarketplace = preparedInsert(db, 'customer_marketplaces', ['marketplace', 'customer_id']);
  return (row, marketplaceCodes) => {
    insert(SUMMARY_COLUMNS.map((k) => row[k]));
    for (const m of marketplaceCodes) insertMarketplace([m, row.customer_id]);
  };
}

const CHUNK = 500;

/**
 * Recomputes keys and figures for these customers from the ledger, a handful of queries per 500 customers.
 * Merged or missing customers lose their row, so every list and search drives from active customers only.
 */
export function refreshCustomerSummaries(db: Db, customerIds: Iterable<number>): void {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const insert = summaryInserter(db);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const customers = db.all(
      db.qb.selectFrom('customers').select(['id', 'name', 'name_kana']).where('id', 'in', part),
    );
    const merged = new Set(
      db
        .all(
          db.qb
            .selectFrom('customer_merges')
            .select('absorb_id')
            .where('absorb_id', 'in', part)
            .where('split_at', 'is', null),
        )
        .map((m) => m.absorb_id),
    );
    const book = new FigureBook();
    for (const d of db.all(
      db.qb
        .selectFrom('deals')
        .select(['id', 'customer_id', 'state', 'total', 'ordered_at', 'marketplace'])
        .where('customer_id', 'in', part),
    )) {
      book.add(d);
    }
    // Rows that did not change are left alone: the summary table has five indexes to keep in step.
    const current = new Map(
      db
        .all(db.qb.selectFrom('customer_summaries').selectAll().where('customer_id', 'in', part))
        .map((r) => [r.customer_id, r]),
    );
    const rows = new Map<number, CustomerSummariesTable>();
    for (const c of customers) {
      if (!merged.has(c.id)) {
        rows.set(c.id, { customer_id: c.id, ...summaryKeys(c.name, c.name_kana), ...book.figures(c.id) });
      }
    }
    const stale = part.filter((id) => {
      const before = current.get(id);
      const after = rows.get(id);
      return !(before && after && SUMMARY_COLUMNS.every((k) => before[k] === after[k]));
    });
    if (stale.length === 0) continue;
    db.run(db.qb.deleteFrom('customer_summaries').where('customer_id', 'in', stale));
    db.run(db.qb.deleteFrom('customer_marketplaces').where('customer_id', 'in', stale));
    for (const id of stale) {
      const row = rows.get(id);
      if (row) insert(row, book.marketplaceCodes(id));
    }
  }
}
