import type { DemoSeedResultDto, ParsedInputOf } from '../../../shared/contract';
import { marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import type { Workflow } from '../../../shared/domain/workflows';
import { TorihikiError } from '../../../shared/result';
import { seedDemoCases } from './cases';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { rebuildSearchIndex, reindexDeals } from '../search/reindex';
import { searchTablesExist } from '../search/sqlite-fts';
import { workflowFor } from '../workflows/service';
import { BatchInserter } from './batch-insert';
import { withIndexesDeferred } from './deferred-indexes';
import { markCancelledSteps } from '../deals/open-steps';
import {
  createDemoGenerator,
  type CustomerRow,
  type DealRow,
  type ItemRow,
  type StepRow,
  type TagRow,
} from './generate';
import { DEMO_MEMBERS } from './vocabulary';
import { DEAL_COLUMNS, ITEM_COLUMNS, STEP_COLUMNS } from '../db/bulk-columns';

export interface DemoSeedOptions {
  deals: number;
  /**
   * Seed for the pseudo-random generator so runs are reproducible. Default: derived from the
   * database's next deal id, so seeding twice adds different deals.
   */
  seed?: number;
  now: Date;
  /**
   * Drop secondary indexes during the load and rebuild them after. Default: only for large seeds
   * (50,000 deals or more) that at least double the ledger.
   */
  bulk?: boolean;
}

export interface DemoSeedReport extends DemoSeedResultDto {
  items: number;
  steps: number;
  seed: number;
  /** Where the time went, in milliseconds (the search index is derived data, rebuilt afterwards). */
  timings: { rowsMs: number; searchIndexMs: number };
}

/** "Torh", as in the database's application_id. */
const DEFAULT_SEED = 0x546f7268;
/** Deals generated between flushes; parents are flushed before children at the end of each chunk. */
const CHUNK = 256;
/**
 * Page cache while seeding (KiB; negative per SQLite convention), restored afterwards. Index
 * updates (small seeds) and index builds (bulk seeds) work in it; with the default 2 MiB a large
 * seed spills pages to the WAL over and over.
 */
const SEED_CACHE_KIB = 512 * 1024;
/**
 * From this many new deals, and when they at least double the ledger, indexes are dropped and
 * rebuilt after the load instead of being updated row by row (measured here: a third less CPU at
 * 300,000 deals). Smaller seeds, such as the contract's, keep them: a rebuild rescans existing rows.
 */
const DEFER_INDEXES_FROM = 50_000;
const SEEDED_TABLES = ['customers', 'deals', 'deal_items', 'deal_steps', 'deal_tags'] as const;

const CUSTOMER_COLUMNS = [
  'id',
  'name',
  'name_kana',
  'email',
  'phone',
  'postal_code',
  'prefecture',
  'address',
  'notes',
  'created_at',
  'updated_at',
] as const;
const TAG_COLUMNS = ['deal_id', 'tag'] as const;

// Explicit writers rather than row[column] lookups: this loop runs millions of times.
function writeCustomer(c: CustomerRow, o: unknown[], i: number): void {
  o[i] = c.id;
  o[i + 1] = c.name;
  o[i + 2] = c.name_kana;
  o[i + 3] = c.email;
  o[i + 4] = c.phone;
  o[i + 5] = c.postal_code;
  o[i + 6] = c.prefecture;
  o[i + 7] = c.address;
  o[i + 8] = c.notes;
  o[i + 9] = c.created_at;
  o[i + 10] = c.updated_at;
}
function writeDeal(d: DealRow, o: unknown[], i: number): void {
  o[i] = d.id;
  o[i + 1] = d.marketplace;
  o[i + 2] = d.external_id;
  o[i + 3] = d.ordered_at;
  o[i + 4] = d.customer_id;
  o[i + 5] = d.state;
  o[i + 6] = d.items_total;
  o[i + 7] = d.shipping_fee;
  o[i + 8] = d.fee;
  o[i + 9] = d.total;
  o[i + 10] = d.ship_name;
  o[i + 11] = d.ship_kana;
  o[i + 12] = d.ship_postal_code;
  o[i + 13] = d.ship_prefecture;
  o[i + 14] = d.ship_address1;
  o[i + 15] = d.ship_address2;
  o[i + 16] = d.ship_phone;
  o[i + 17] = d.delivery_method;
  o[i + 18] = d.buyer_handle;
  o[i + 19] = d.notes;
  o[i + 20] = d.next_due_at;
  o[i + 21] = d.created_at;
  o[i + 22] = d.updated_at;
}
function writeItem(it: ItemRow, o: unknown[], i: number): void {
  o[i] = it.deal_id;
  o[i + 1] = it.line_no;
  o[i + 2] = it.name;
  o[i + 3] = it.sku;
  o[i + 4] = it.quantity;
  o[i + 5] = it.unit_price;
}
function writeTag(t: TagRow, o: unknown[], i: number): void {
  o[i] = t.deal_id;
  o[i + 1] = t.tag;
}
function writeStep(s: StepRow, o: unknown[], i: number): void {
  o[i] = s.deal_id;
  o[i + 1] = s.kind;
  o[i + 2] = s.state;
  o[i + 3] = s.assignee_id;
  o[i + 4] = s.due_at;
  o[i + 5] = s.done_at;
  o[i + 6] = s.done_by;
  o[i + 7] = s.carrier;
  o[i + 8] = s.tracking_number;
}

/**
 * Bulk path below the contract: fills the ledger with realistic demo data in one transaction
 * (a savepoint when the caller already holds one), through reused multi-row prepared statements.
 * Creates the demo family only when there are no members at all; existing members are used as
 * they are. External ids never collide with deals already in the database.
 */
export function seedDemoData(db: Db, options: DemoSeedOptions): DemoSeedReport {
  if (!Number.isInteger(options.deals) || options.deals < 1) {
    throw new TorihikiError('invalid_input', `The number of demo deals must be a whole number ≥ 1.`);
  }
  const raw = db.raw;
  const previousCache = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = ${-SEED_CACHE_KIB}`);
  try {
    return raw.transaction(() => seedInTransaction(db, options))();
  } finally {
    raw.pragma(`cache_size = ${previousCache}`);
  }
}

function seedInTransaction(db: Db, options: DemoSeedOptions): DemoSeedReport {
  const raw = db.raw;
  const historyStart = new Date(options.now.getTime());
  historyStart.setUTCFullYear(historyStart.getUTCFullYear() - 3);

  let membersCreated = 0;
  const anyMember = db.first(db.qb.selectFrom('members').select('id').limit(1));
  if (!anyMember) {
    DEMO_MEMBERS.forEach((m, i) => {
      db.run(
        db.qb.insertInto('members').values({
          name: m.name,
          color: m.color,
          pin_hash: null,
          sort_order: i,
          // The family has been selling for as long as the demo history goes back.
          created_at: historyStart.toISOString(),
        }),
      );
    });
    membersCreated = DEMO_MEMBERS.length;
  }
  const active = db.all(
    db.qb
      .selectFrom('members')
      .select('id')
      .where('archived_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id'),
  );
  // Everyone archived: keep their ids rather than inventing members the family did not ask for.
  const memberRows =
    active.length > 0
      ? active
      : db.all(db.qb.selectFrom('members').select('id').orderBy('sort_order').orderBy('id'));
  const memberIds = memberRows.map((m) => m.id);

  const firstDealId = nextId(db, 'deals');
  const firstCustomerId = nextId(db, 'customers');
  const seed = options.seed ?? (DEFAULT_SEED + firstDealId - 1) >>> 0;

  const generator = createDemoGenerator({
    seed,
    now: options.now,
    deals: options.deals,
    memberIds,
    firstDealId,
    firstCustomerId,
    workflows: Object.fromEntries(marketplaces.map((m) => [m, workflowFor(db, m)])) as Record<
      Marketplace,
      Workflow
    >,
    // Read once, before any index is dropped: a per-id lookup without the index would scan the table.
    takenIds: db.raw.prepare('SELECT marketplace, external_id FROM deals').iterate() as Iterable<{
      marketplace: string;
      external_id: string;
    }>,
  });

  const customers = new BatchInserter(raw, 'customers', CUSTOMER_COLUMNS, writeCustomer);
  const deals = new BatchInserter(raw, 'deals', DEAL_COLUMNS, writeDeal);
  const items = new BatchInserter(raw, 'deal_items', ITEM_COLUMNS, writeItem);
  const steps = new BatchInserter(raw, 'deal_steps', STEP_COLUMNS, writeStep);
  const tags = new BatchInserter(raw, 'deal_tags', TAG_COLUMNS, writeTag);
  const flushAll = () => {
    customers.flush();
    deals.flush();
    items.flush();
    steps.flush();
    tags.flush();
  };

  const load = () => {
    for (let n = 0; n < options.deals; n++) {
      const g = generator.next();
      if (g.newCustomer) customers.add(g.newCustomer);
      deals.add(g.deal);
      for (const item of g.items) items.add(item);
      for (const step of g.steps) steps.add(step);
      for (const tag of g.tags) tags.add(tag);
      if ((n + 1) % CHUNK === 0) flushAll();
    }
    flushAll();
  };
  const started = performance.now();
  const bulk = options.bulk ?? (options.deals >= DEFER_INDEXES_FROM && options.deals >= firstDealId - 1);
  if (bulk) withIndexesDeferred(raw, SEEDED_TABLES, load);
  else load();
  // Deals generated cancelled keep unfinished steps; flag them so they do not count as open work.
  markCancelledSteps(db, firstDealId);
  const loaded = performance.now();

  // Rows written below the services leave the quick-lookup index, customer identities and figures
  // behind; the search module brings them up to date (see electron/backend/search/reindex.ts).
  // A full rebuild is several times faster per deal (20,000 deals: 3.7 s against 13 s), so it wins
  // whenever the seed is at least as large as what was there.
  const doubles = options.deals >= firstDealId - 1;
  if (bulk || doubles || !searchTablesExist(raw)) rebuildSearchIndex(db, options.now);
  else reindexDeals(db, idRange(firstDealId, deals.inserted), options.now);
  seedDemoCases(db, { now: options.now, firstDealId, dealCount: deals.inserted, memberIds });

  return {
    deals: deals.inserted,
    customers: customers.inserted,
    members: membersCreated,
    items: items.inserted,
    steps: steps.inserted,
    seed,
    timings: { rowsMs: loaded - started, searchIndexMs: performance.now() - loaded },
  };
}

function* idRange(first: number, count: number): Generator<number> {
  for (let id = first; id < first + count; id++) yield id;
}

/**
 * The id AUTOINCREMENT would hand out next: above both the highest row and the highest id ever
 * used (sqlite_sequence), so ids of deleted rows are never reused.
 */
function nextId(db: Db, table: 'deals' | 'customers'): number {
  const max = db.first(db.qb.selectFrom(table).select((eb) => eb.fn.max('id').as('max')))?.max ?? 0;
  const seq =
    (db.raw.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table) as
      number | undefined) ?? 0;
  return Math.max(max, seq) + 1;
}

/** The contract entry: seeds inside the command's transaction and records it in the activity log. */
export function seedDemo(ctx: ServiceContext, input: ParsedInputOf<'demo.seed'>): DemoSeedResultDto {
  const report = seedDemoData(ctx.db, { deals: input.deals, now: ctx.clock.now() });
  const result: DemoSeedResultDto = {
    deals: report.deals,
    customers: report.customers,
    members: report.members,
  };
  ctx.log({ action: 'demo.seeded', detail: { ...result, seed: report.seed } });
  ctx.changed('members', 'deals', 'customers', 'today', 'session');
  return result;
}
