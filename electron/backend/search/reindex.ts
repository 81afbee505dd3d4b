import {
  identityKeys,
  platformIdMarketplaces,
  type IdentityKey,
} from '../../../shared/domain/customers/identity';
import { addIdentities } from '../customers/identities';
import { FigureBook, refreshCustomerSummaries, summaryInserter, summaryKeys } from '../customers/summary';
import { IDENTITY_COLUMNS } from '../db/bulk-columns';
import { preparedInsert } from '../db/prepared-insert';
// A generic SQLite bulk-load helper that lives with the demo seeder; reused here rather than copied.
import { withIndexesDeferred } from '../demo/deferred-indexes';
import type { Db } from '../db/executor';
import { readSetting, writeSetting } from '../settings/store';
import { rebuildCaseIndex } from './case-index';
import { customerDoc, dealCodes, dealDoc, docMemos, type DealFacts, type IdentityFacts } from './documents';
import {
  optimizeSearchTables,
  resetSearchTables,
  searchIndexWriter,
  searchTablesExist,
  tableExists,
  withLargePageCache,
} from './sqlite-fts';

/**
 * Keeping the quick-lookup index and the customer figures current. Nothing here runs from triggers: imports
 * write thousands of deals, and one re-index per batch beats one per row. Callers:
 * - after writing deals (create, edit, cancel, tracking number, import commit or undo): reindexDeals(db, dealIds)
 *   — it also refreshes the figures of the customers those deals belong to, or used to belong to;
 * - after changing customers (profile, identities, merge, split): reindexCustomers(db, customerIds);
 * - after writing below the services in bulk (demo seeding): rebuildSearchIndex(db).
 * findOrCreateCustomer keeps its own customer current.
 */

/** Bump when what is indexed or how it is normalised changes: the next start-up rebuilds the index. */
export const SEARCH_INDEX_VERSION = 2;
const VERSION_KEY = 'search.indexVersion';
const CHUNK = 5_000;

const DEAL_FACTS = ['id', 'customer_id', 'external_id', 'ship_name', 'ship_kana', 'buyer_handle'] as const;

function* chunks<T>(values: T[], size: number): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

function groupBy<R extends { deal_id: number }, V>(rows: R[], value: (r: R) => V): Map<number, V[]> {
  const map = new Map<number, V[]>();
  for (const r of rows) {
    const list = map.get(r.deal_id);
    if (list) list.push(value(r));
    else map.set(r.deal_id, [value(r)]);
  }
  return map;
}

/** Item names and tracking numbers of the deals with ids in [lo, hi] (or in `ids`). */
function dealParts(db: Db, range: { ids: number[] } | { lo: number; hi: number }) {
  const { qb } = db;
  let items = qb.selectFrom('deal_items').select(['deal_id', 'name']).orderBy('deal_id').orderBy('line_no');
  let steps = qb
    .selectFrom('deal_steps')
    .select(['deal_id', 'tracking_number'])
    .where('tracking_number', 'is not', null);
  if ('ids' in range) {
    items = items.where('deal_id', 'in', range.ids);
    steps = steps.where('deal_id', 'in', range.ids);
  } else {
    items = items.where('deal_id', '>=', range.lo).where('deal_id', '<=', range.hi);
    steps = steps.where('deal_id', '>=', range.lo).where('deal_id', '<=', range.hi);
  }
  return {
    items: groupBy(db.all(items), (r) => r.name),
    tracking: groupBy(db.all(steps), (r) => r.tracking_number ?? ''),
  };
}

/**
 * Re-indexes these deals (ids that no longer exist are removed), then the customers they belong to or used to
 * belong to: their figures, their search entry, and identities for customers that have none yet (created
 * below the services, e.g. by an import).
 */
export function reindexDeals(
  db: Db,
  dealIds: Iterable<number>,
  now: Date = new Date(),
  onProgress?: (done: number, total: number) => void,
): void {
  const writer = searchIndexWriter(db.raw);
  const memos = docMemos();
  const insertCode = preparedInsert(db, 'deal_codes', CODE_COLUMNS);
  const customers = new Set<number>();
  // In id order: an import's new deals then come in runs of consecutive ids, read as ranges below.
  const all = [...new Set(dealIds)].sort((a, b) => a - b);
  let done = 0;
  for (const ids of chunks(all, 500)) {
    onProgress?.(done, all.length);
    done += ids.length;
    // Looked up once per deal: undefined means not indexed yet (a deal an import just wrote), so it is added
    // without a delete first.
    const indexed = new Map<number, number | null>();
    for (const id of ids) {
      const before = writer.indexedDealCustomer(id);
      if (before === undefined) continue;
      indexed.set(id, before);
      if (before !== null) customers.add(before);
    }
    const lo = ids[0]!;
    const hi = ids[ids.length - 1]!;
    // A run of consecutive ids is one range scan instead of hundreds of index probes.
    const range = hi - lo + 1 === ids.length ? { lo, hi } : null;
    const deals = db.all(
      range
        ? db.qb.selectFrom('deals').select(DEAL_FACTS).where('id', '>=', lo).where('id', '<=', hi)
        : db.qb.selectFrom('deals').select(DEAL_FACTS).where('id', 'in', ids),
    );
    const { items, tracking } = dealParts(db, range ?? { ids });
    // Codes are rewritten only for deals whose order or tracking numbers changed (most re-indexes are a
    // cancellation or a move to another customer): deleting from two indexes is the costly part.
    const stored = new Map<number, string>();
    const storedCodes = db.qb.selectFrom('deal_codes').select(['deal_id', 'code', 'kind']);
    for (const c of db.all(
      range
        ? storedCodes.where('deal_id', '>=', lo).where('deal_id', '<=', hi)
        : storedCodes.where('deal_id', 'in', ids),
    )) {
      stored.set(c.deal_id, `${stored.get(c.deal_id) ?? ''}${c.kind}:${c.code}\n`);
    }
    const changed: number[] = [];
    const fresh: [number, { code: string; kind: string }[]][] = [];
    const found = new Set<number>();
    for (const d of deals) {
      found.add(d.id);
      const doc = dealDoc(d, items.get(d.id) ?? [], memos);
      if (indexed.has(d.id)) writer.putDeal(doc);
      else writer.addDeal(doc);
      const codes = dealCodes(d, tracking.get(d.id) ?? []);
      if (codes.map((c) => `${c.kind}:${c.code}\n`).join('') !== (stored.get(d.id) ?? '')) {
        changed.push(d.id);
        fresh.push([d.id, codes]);
      }
      if (d.customer_id !== null) customers.add(d.customer_id);
    }
    for (const id of ids) {
      if (found.has(id)) continue;
      if (indexed.has(id)) writer.removeDeal(id);
      if (stored.has(id)) changed.push(id);
    }
    if (changed.length > 0) db.run(db.qb.deleteFrom('deal_codes').where('deal_id', 'in', changed));
    for (const [id, codes] of fresh) for (const c of codes) insertCode([c.code, id, c.kind]);
  }
  refreshCustomers(db, customers, now);
}

/**
 * After their deals changed: refreshes these customers' figures, and writes the search entry of those that
 * have none yet (a customer created below the services, e.g. by an import, with no identities or index entry).
 */
export function refreshCustomers(db: Db, customers: Iterable<number>, now: Date = new Date()): void {
  const writer = searchIndexWriter(db.raw);
  const customerIds = [...new Set(customers)];
  const withIdentities = new Set<number>();
  for (const part of chunks(customerIds, 500)) {
    for (const r of db.all(
      db.qb
        .selectFrom('customer_identities')
        .select('customer_id')
        .distinct()
        .where('customer_id', 'in', part),
    )) {
      withIdentities.add(r.customer_id);
    }
  }
  const bare = new Set(customerIds.filter((id) => !withIdentities.has(id) || !writer.customerIndexed(id)));
  reindexCustomers(db, bare, now);
  refreshCustomerSummaries(
    db,
    customerIds.filter((id) => !bare.has(id)),
  );
}

/**
 * Re-indexes these customers (name, reading, contacts) and refreshes their figures; merged or missing ones
 * leave the index. A customer with no identities yet gets them from its profile and Yahoo! IDs on its deals.
 */
export function reindexCustomers(db: Db, customerIds: Iterable<number>, now: Date = new Date()): void {
  const writer = searchIndexWriter(db.raw);
  const memos = docMemos();
  const ids = [...new Set(customerIds)];
  const at = now.toISOString();
  for (const part of chunks(ids, 500)) {
    const rows = db.all(
      db.qb
        .selectFrom('customers as c')
        .select(['c.id', 'c.name', 'c.name_kana', 'c.email', 'c.phone', 'c.postal_code'])
        .where('c.id', 'in', part)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('customer_merges as m')
                .select('m.id')
                .whereRef('m.absorb_id', '=', 'c.id')
                .where('m.split_at', 'is', null),
            ),
          ),
        ),
    );
    const loadIdentities = () =>
      groupByCustomer(
        db.all(
          db.qb
            .selectFrom('customer_identities')
            .select(['customer_id', 'kind', 'value'])
            .where('customer_id', 'in', part),
        ),
      );
    let identities = loadIdentities();
    const bare = rows.filter((c) => !identities.has(c.id));
    if (bare.length > 0) {
      for (const c of bare) addIdentities(db, c.id, profileIdentityKeys(db, c), at);
      identities = loadIdentities();
    }
    const active = new Set<number>();
    for (const c of rows) {
      active.add(c.id);
      writer.putCustomer(customerDoc(c, identities.get(c.id) ?? [], memos));
    }
    for (const id of part) if (!active.has(id)) writer.removeCustomer(id);
  }
  refreshCustomerSummaries(db, ids);
}

/** Identities a customer's own record implies: profile contacts, and Yahoo! IDs from its deals. */
function profileIdentityKeys(
  db: Db,
  c: {
    id: number;
    name: string;
    name_kana: string | null;
    email: string | null;
    phone: string | null;
    postal_code: string | null;
  },
): IdentityKey[] {
  const handles = db.all(
    db.qb
      .selectFrom('deals')
      .select(['marketplace', 'buyer_handle'])
      .distinct()
      .where('customer_id', '=', c.id)
      .where('marketplace', 'in', [...platformIdMarketplaces])
      .where('buyer_handle', 'is not', null),
  );
  return [
    ...handles.flatMap((h) => identityKeys({ marketplace: h.marketplace, platformId: h.buyer_handle })),
    ...identityKeys({
      name: c.name,
      kana: c.name_kana,
      email: c.email,
      phone: c.phone,
      postalCode: c.postal_code,
    }),
  ];
}

function groupByCustomer(rows: (IdentityFacts & { customer_id: number })[]): Map<number, IdentityFacts[]> {
  const map = new Map<number, IdentityFacts[]>();
  for (const r of rows) {
    const list = map.get(r.customer_id);
    if (list) list.push(r);
    else map.set(r.customer_id, [r]);
  }
  return map;
}

export interface RebuildReport {
  deals: number;
  customers: number;
  /** Identities recorded for customers that had none (written below the services, or before this version). */
  identitiesAdded: number;
  ms: number;
}

const CODE_COLUMNS = ['code', 'deal_id', 'kind'] as const;
const DERIVED_TABLES = ['deal_codes', 'customer_summaries', 'customer_marketplaces'] as const;

/**
 * Rebuilds the whole index and every customer's figures from the ledger, in one transaction: drops and
 * recreates the FTS tables, walks deals once in id order (documents, figures, Yahoo! IDs), then customers
 * once (documents, summaries, identities for customers that have none). Reads in chunks of 5,000 rows, writes
 * through reused prepared statements. Measured on 1,000,000 deals / 544,000 customers: see `npm run bench:search`.
 */
export function rebuildSearchIndex(db: Db, now: Date = new Date()): RebuildReport {
  const started = performance.now();
  const report = withLargePageCache(db.raw, () =>
    db.tx(() => {
      const { qb, raw } = db;
      resetSearchTables(raw);
      const writer = searchIndexWriter(raw);
      const memos = docMemos();
      const nowIso = now.toISOString();

      const withIdentities = new Set(
        db
          .all(qb.selectFrom('customer_identities').select('customer_id').distinct())
          .map((r) => r.customer_id),
      );
      const merged = new Set(
        db
          .all(qb.selectFrom('customer_merges').select('absorb_id').where('split_at', 'is', null))
          .map((r) => r.absorb_id),
      );

      // Derived tables are emptied and refilled; their indexes are built once, sorted, after the load.
      db.run(qb.deleteFrom('deal_codes'));
      db.run(qb.deleteFrom('customer_summaries'));
      db.run(qb.deleteFrom('customer_marketplaces'));
      return withIndexesDeferred(raw, DERIVED_TABLES, () => {
        // Pass 1: deals.
        const insertCode = preparedInsert(db, 'deal_codes', CODE_COLUMNS);
        const book = new FigureBook();
        const handles = new Map<number, Map<string, string>>();
        let deals = 0;
        for (let after = 0; ;) {
          const rows: (DealFacts & {
            marketplace: string;
            state: string;
            total: number;
            ordered_at: string;
          })[] = db.all(
            qb
              .selectFrom('deals')
              .select([...DEAL_FACTS, 'marketplace', 'state', 'total', 'ordered_at'])
              .where('id', '>', after)
              .orderBy('id')
              .limit(CHUNK),
          );
          if (rows.length === 0) break;
          const lo = rows[0]!.id;
          const hi = rows[rows.length - 1]!.id;
          const { items, tracking } = dealParts(db, { lo, hi });
          for (const d of rows) {
            const tracks = tracking.get(d.id) ?? [];
            writer.addDeal(dealDoc(d, items.get(d.id) ?? [], memos));
            for (const c of dealCodes(d, tracks)) insertCode([c.code, d.id, c.kind]);
            book.add(d);
            if (d.customer_id === null) continue;
            if (
              d.buyer_handle &&
              !withIdentities.has(d.customer_id) &&
              (platformIdMarketplaces as readonly string[]).includes(d.marketplace)
            ) {
              let h = handles.get(d.customer_id);
              if (!h) handles.set(d.customer_id, (h = new Map()));
              h.set(d.buyer_handle, d.marketplace);
            }
          }
          deals += rows.length;
          after = hi;
        }

        // Pass 2: customers.
        const insertSummary = summaryInserter(db);
        const insertIdentity = preparedInsert(db, 'customer_identities', IDENTITY_COLUMNS, {
          ignoreConflicts: true,
        });
        let customers = 0;
        let identitiesAdded = 0;
        for (let after = 0; ;) {
          const rows = db.all(
            qb
              .selectFrom('customers')
              .select(['id', 'name', 'name_kana', 'email', 'phone', 'postal_code'])
              .where('id', '>', after)
              .orderBy('id')
              .limit(CHUNK),
          );
          if (rows.length === 0) break;
          const lo = rows[0]!.id;
          const hi = rows[rows.length - 1]!.id;
          for (const c of rows) {
            if (merged.has(c.id) || withIdentities.has(c.id)) continue;
            const keys = identityKeys({
              name: c.name,
              kana: c.name_kana,
              email: c.email,
              phone: c.phone,
              postalCode: c.postal_code,
            });
            for (const [handle, marketplace] of handles.get(c.id) ?? []) {
              keys.unshift(...identityKeys({ marketplace, platformId: handle }));
            }
            for (const k of keys)
              identitiesAdded += insertIdentity([c.id, k.kind, k.marketplace, k.value, nowIso]);
          }
          const identities = groupByCustomer(
            db.all(
              qb
                .selectFrom('customer_identities')
                .select(['customer_id', 'kind', 'value'])
                .where('customer_id', '>=', lo)
                .where('customer_id', '<=', hi),
            ),
          );
          for (const c of rows) {
            if (merged.has(c.id)) continue;
            writer.addCustomer(customerDoc(c, identities.get(c.id) ?? [], memos));
            insertSummary(
              { customer_id: c.id, ...summaryKeys(c.name, c.name_kana), ...book.figures(c.id) },
              book.marketplaceCodes(c.id),
            );
            customers++;
          }
          after = hi;
        }
        // Identities shared by customers: one grouped walk of the identity index, not one per request.
        db.run(qb.deleteFrom('shared_identities'));
        db.run(
          qb
            .insertInto('shared_identities')
            .columns(['kind', 'value', 'marketplace'])
            .expression(
              qb
                .selectFrom('customer_identities')
                .select(['kind', 'value', 'marketplace'])
                .groupBy(['kind', 'value', 'marketplace'])
                .having((eb) => eb.fn.countAll(), '>', 1),
            ),
        );
        // Cases have their own index (migration 010), built from the same search keys.
        if (tableExists(raw, 'case_fts')) rebuildCaseIndex(db);
        optimizeSearchTables(raw);
        writeSetting(db, VERSION_KEY, SEARCH_INDEX_VERSION);
        return { deals, customers, identitiesAdded };
      });
    }),
  );
  return { ...report, ms: performance.now() - started };
}

/**
 * At start-up: builds the index when it is missing or was built by another version of the rules (first start
 * after an upgrade). Returns the report when it rebuilt, null when the index was current.
 */
export function ensureSearchIndex(db: Db, now: Date = new Date()): RebuildReport | null {
  // A database opened with a test's own migration list has no customer tables to index.
  if (!tableExists(db.raw, 'customer_summaries')) return null;
  if (readSetting<number>(db, VERSION_KEY, 0) === SEARCH_INDEX_VERSION && searchTablesExist(db.raw)) {
    return null;
  }
  return rebuildSearchIndex(db, now);
}
