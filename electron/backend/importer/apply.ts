import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Workflow } from '../../../shared/domain/workflows';
import type { Db } from '../db/executor';
import { nextRowId, withCacheSize, withIndexesDeferred } from '../db/sqlite-meta';
import { markCancelledSteps } from '../deals/open-steps';
import { planSteps, progressOf, refreshProgress, workflowCache } from '../deals/progress';
import { workflowFor } from '../workflows/service';
import { BulkInsert } from './bulk';
import { FreshIndex } from './fresh-index';
import type { CustomerMatch, CustomerMatcher, RecordWrite } from './customers';
import { itemLines, type DealPlan, type ItemLine } from './plan';
import { snapshotText } from './snapshot';
import { phase } from './phases';
import { fillKnownProfiles } from './profiles';
import { prepare } from './statements';
import { DEAL_COLUMNS, ITEM_COLUMNS, STEP_COLUMNS } from '../db/bulk-columns';

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  customersInserted: number;
  customersMatched: number;
  /** Known customers whose empty profile fields the batch filled. */
  customersFilled: number;
  /** Customers created without identities: reindexCustomers gives them the ones their profile implies. */
  bareCustomers: number[];
}

/** Deals written per round of multi-row inserts (parents are flushed before their children). */
const CHUNK = 512;
/**
 * Page cache during a commit (KiB), 16× SQLite's default so index pages of a large ledger stay in
 * memory while rows go in. Measured: 256 MB bought no speed over 16–32 MB and cost ~200 MB of RSS.
 */
const COMMIT_CACHE_KIB = 32 * 1024;
/**
 * From this many new deals, when they at least double the ledger, indexes are rebuilt after the load
 * rather than updated per row. Smaller imports into a big ledger keep them (a rebuild rescans it all).
 */
const DEFER_INDEXES_FROM = 20_000;
export const BULK_TABLES = [
  'deals',
  'deal_items',
  'deal_steps',
  'import_sources',
  'customers',
  'customer_identities',
  // Derived rows of the new deals and customers (see FreshIndex).
  'deal_codes',
  'customer_summaries',
  'customer_marketplaces',
] as const;

/** Most new steps are still to do: fewer columns to bind (state defaults to 'todo', the rest to null). */
const TODO_STEP_COLUMNS = ['deal_id', 'kind', 'assignee_id', 'due_at'] as const;
const SOURCE_COLUMNS = ['deal_id', 'format_id', 'batch_id', 'created_batch_id', 'snapshot'] as const;

/**
 * Writes a batch's plans. Runs inside the caller's transaction and never awaits. New deals (the bulk
 * of a large import) go through multi-row inserts with ids assigned up front; the fewer updates go
 * through ordinary Kysely queries and leave before/after values in the journal, so undo can restore
 * exactly what this batch changed and nothing a member changed since.
 */
export function applyPlans(
  db: Db,
  batchId: number,
  formatId: string,
  plans: DealPlan[],
  matcher: CustomerMatcher,
  now: string,
  onProgress: (done: number) => void = () => {},
): ApplyCounts {
  return withCacheSize(db.raw, COMMIT_CACHE_KIB, () => {
    const counts: ApplyCounts = {
      inserted: 0,
      updated: 0,
      unchanged: 0,
      customersInserted: 0,
      customersMatched: 0,
      customersFilled: 0,
      bareCustomers: [],
    };
    const journal = journalWriter(db, batchId);
    const customerId = (match: CustomerMatch): number | null => {
      if (match.kind === 'existing') return match.id;
      if (match.kind === 'new') return match.pending.id;
      return null;
    };

    const recordWrite: RecordWrite = (entity, id, after) => journal(entity, id, 'insert', null, after);
    counts.customersInserted = matcher.created.size;
    const fresh = plans.filter((p) => p.status === 'new');
    const firstNewId = nextRowId(db.raw, 'deals');
    const index = new FreshIndex(db);
    const insert = () => {
      // Customers first: the new deals refer to them.
      const created = phase('write: customers', () => matcher.writeCreated(now, recordWrite));
      phase('write: deals, items, steps', () =>
        insertDeals(db, fresh, customerId, batchId, formatId, now, index, onProgress),
      );
      // A customer with no identity gets them from its profile on reindexing, as one entered by hand.
      phase('write: search entries of new customers', () =>
        index.customers(created.filter((c) => c.identities.length > 0)),
      );
      counts.bareCustomers = created.filter((c) => c.identities.length === 0).map((c) => c.id);
    };
    // A first import of years of history: build the indexes once at the end instead of row by row.
    const ledger = db.first(db.qb.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')))!.n;
    if (fresh.length >= DEFER_INDEXES_FROM && fresh.length >= ledger)
      phase('write: indexes deferred', () => withIndexesDeferred(db.raw, BULK_TABLES, insert));
    else insert();
    // After the deferred indexes are back: the unique identity index decides what is new.
    matcher.writeLearned(now, recordWrite);
    // Known buyers' empty details, from the orders matched to them (journalled for undo).
    const filled = phase('write: filled customer profiles', () =>
      fillKnownProfiles(db, plans, now, (id, before, after) =>
        journal('customer_profile', id, 'update', before, after),
      ),
    );
    matcher.profileFilled(filled);
    counts.customersFilled = filled.length;
    markCancelledSteps(db, firstNewId);
    counts.inserted = fresh.length;

    const upsertSource = prepare<'deal' | 'format' | 'batch' | 'snapshot'>(db, (p) =>
      db.qb
        .insertInto('import_sources')
        .values({
          deal_id: p('deal'),
          format_id: p('format'),
          batch_id: p('batch'),
          created_batch_id: null,
          snapshot: p('snapshot'),
        })
        .onConflict((oc) =>
          oc.column('deal_id').doUpdateSet((eb) => ({
            format_id: eb.ref('excluded.format_id'),
            batch_id: eb.ref('excluded.batch_id'),
            snapshot: eb.ref('excluded.snapshot'),
          })),
        ),
    );
    // Progress counts every plan once: the new ones were counted as they were inserted.
    let done = fresh.length;
    for (const plan of plans) {
      if (plan.status === 'new') continue;
      if ((++done & 255) === 0) onProgress(done);
      if (plan.status !== 'updated' && plan.status !== 'unchanged') continue;
      const dealId = plan.dealId!;
      if (plan.status === 'updated') {
        updateDeal(db, plan, dealId, customerId(plan.customer), journal, now);
        counts.updated++;
      } else {
        counts.unchanged++;
      }
      if (plan.snapshotChanged) {
        const previous = db.first(
          db.qb
            .selectFrom('import_sources')
            .select(['format_id', 'batch_id', 'created_batch_id', 'snapshot'])
            .where('deal_id', '=', dealId),
        );
        upsertSource.run({ deal: dealId, format: formatId, batch: batchId, snapshot: plan.snapshot });
        journal('import_source', dealId, previous ? 'update' : 'insert', previous ?? null, null);
      }
    }
    for (const pending of matcher.created) journal('customer', pending.id!, 'insert', null, null);
    counts.customersMatched = matcher.matched.size;
    return counts;
  });
}

type Journal = (entity: string, entityId: number, op: string, before: unknown, after: unknown) => void;

function journalWriter(db: Db, batchId: number): Journal {
  const insert = prepare<'batch' | 'entity' | 'id' | 'op' | 'before' | 'after'>(db, (p) =>
    db.qb.insertInto('import_journal').values({
      batch_id: p('batch'),
      entity: p('entity'),
      entity_id: p('id'),
      op: p('op'),
      before: p('before'),
      after: p('after'),
    }),
  );
  return (entity, id, op, before, after) => {
    insert.run({
      batch: batchId,
      entity,
      id,
      op,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    });
  };
}

const itemsTotal = (items: ItemLine[]) => items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);

/** New deals with their items, steps and source fingerprints, in multi-row statements. */
function insertDeals(
  db: Db,
  plans: DealPlan[],
  customerId: (m: CustomerMatch) => number | null,
  batchId: number,
  formatId: string,
  now: string,
  index: FreshIndex,
  onProgress: (done: number) => void,
): void {
  if (plans.length === 0) return;
  const deals = new BulkInsert(db, 'deals', DEAL_COLUMNS);
  const items = new BulkInsert(db, 'deal_items', ITEM_COLUMNS);
  const steps = new BulkInsert(db, 'deal_steps', STEP_COLUMNS);
  const todoSteps = new BulkInsert(db, 'deal_steps', TODO_STEP_COLUMNS);
  const sources = new BulkInsert(db, 'import_sources', SOURCE_COLUMNS);
  const workflows = new Map<Marketplace, Workflow>();
  const workflowOf = (m: Marketplace) => {
    let w = workflows.get(m);
    if (!w) {
      w = workflowFor(db, m);
      workflows.set(m, w);
    }
    return w;
  };
  let id = nextRowId(db.raw, 'deals');
  const flush = () => {
    deals.flush();
    items.flush();
    steps.flush();
    todoSteps.flush();
    sources.flush();
    index.flush();
  };
  plans.forEach((plan, n) => {
    const d = plan.draft;
    const dealId = id++;
    const orderedAt = d.orderedAt!;
    const planned = planSteps(workflowOf(d.marketplace), orderedAt, plan.steps, null);
    const shipping = plan.steps.find((f) => f.kind === 'shipping');
    let open = 0;
    let nextDue: string | null = null;
    for (const step of planned) {
      if (step.state !== 'todo') continue;
      open++;
      if (step.due_at !== null && (nextDue === null || step.due_at < nextDue)) nextDue = step.due_at;
    }
    const progress = progressOf(open, nextDue, plan.cancel);
    const customer = customerId(plan.customer);
    let trackingNumber: string | null = null;
    const lines = plan.items ?? itemLines(d);
    const total = itemsTotal(lines);
    const shippingFee = d.shippingFee ?? 0;
    // Values in DEAL_COLUMNS / ITEM_COLUMNS / STEP_COLUMNS / SOURCE_COLUMNS order.
    deals.push(
      dealId,
      d.marketplace,
      d.externalId,
      orderedAt,
      customer,
      progress.state,
      total,
      shippingFee,
      d.fee ?? 0,
      total + shippingFee,
      d.shipTo.name ?? null,
      d.shipTo.kana ?? null,
      d.shipTo.postalCode ?? null,
      d.shipTo.prefecture ?? null,
      d.shipTo.address1 ?? null,
      d.shipTo.address2 ?? null,
      d.shipTo.phone ?? null,
      d.deliveryMethod ?? null,
      d.buyer.handle ?? null,
      d.notes ?? '',
      progress.next_due_at,
      now,
      now,
    );
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      items.push(dealId, i + 1, line.name, line.sku, line.quantity, line.unitPrice);
    }
    for (const step of planned) {
      if (step.state === 'todo') {
        todoSteps.push(dealId, step.kind, step.assignee_id, step.due_at);
        continue;
      }
      const shipped = step.kind === 'shipping' && step.state === 'done' && shipping;
      if (shipped && shipping.trackingNumber !== null) trackingNumber = shipping.trackingNumber;
      steps.push(
        dealId,
        step.kind,
        step.state,
        step.assignee_id,
        step.due_at,
        step.done_at,
        step.done_by,
        shipped ? shipping.carrier : null,
        shipped ? shipping.trackingNumber : null,
      );
    }
    sources.push(dealId, formatId, batchId, batchId, snapshotText(d));
    index.deal(
      {
        id: dealId,
        customer_id: customer,
        external_id: d.externalId,
        ship_name: d.shipTo.name ?? null,
        ship_kana: d.shipTo.kana ?? null,
        buyer_handle: d.buyer.handle ?? null,
        state: progress.state,
        total: total + shippingFee,
        ordered_at: orderedAt,
        marketplace: d.marketplace,
      },
      lines.map((l) => l.name),
      trackingNumber,
    );
    if ((n + 1) % CHUNK === 0) {
      flush();
      onProgress(n + 1);
    }
  });
  flush();
}

function updateDeal(
  db: Db,
  plan: DealPlan,
  dealId: number,
  customerId: number | null,
  journal: Journal,
  now: string,
): void {
  const set: Record<string, unknown> = { ...plan.set };
  const before: Record<string, unknown> = { ...plan.before };
  if (customerId !== null) {
    set.customer_id = customerId;
    before.customer_id = null;
  }
  if (plan.cancel) {
    const row = db.first(
      db.qb.selectFrom('deals').select(['state', 'next_due_at']).where('id', '=', dealId),
    )!;
    set.state = 'cancelled';
    set.next_due_at = null;
    before.state = row.state;
    before.next_due_at = row.next_due_at;
  }
  if (Object.keys(set).length) {
    db.run(
      db.qb
        .updateTable('deals')
        .set({ ...set, updated_at: now })
        .where('id', '=', dealId),
    );
    journal('deal', dealId, 'update', before, set);
  } else {
    db.run(db.qb.updateTable('deals').set({ updated_at: now }).where('id', '=', dealId));
  }
  if (plan.items) {
    const old = currentItems(db, dealId);
    writeItems(db, dealId, plan.items);
    journal('deal_items', dealId, 'update', old, plan.items);
  }
  for (const fact of plan.steps) {
    const step = db.first(
      db.qb
        .selectFrom('deal_steps')
        .select(['id', 'state', 'done_at', 'done_by', 'carrier', 'tracking_number'])
        .where('deal_id', '=', dealId)
        .where('kind', '=', fact.kind),
    );
    if (!step || step.state !== 'todo') continue;
    const after = {
      state: 'done',
      done_at: fact.at,
      done_by: null,
      carrier: fact.kind === 'shipping' ? (fact.carrier ?? step.carrier) : step.carrier,
      tracking_number:
        fact.kind === 'shipping' ? (fact.trackingNumber ?? step.tracking_number) : step.tracking_number,
    };
    db.run(db.qb.updateTable('deal_steps').set(after).where('id', '=', step.id));
    const { id, ...previous } = step;
    journal('deal_step', id, 'update', previous, after);
  }
  if (plan.items || 'shipping_fee' in plan.set) recomputeAmounts(db, dealId);
  refreshProgress(db, dealId, workflowCache());
}

/** A deal's item lines as the journal records them. */
export function currentItems(db: Db, dealId: number): ItemLine[] {
  return db
    .all(
      db.qb
        .selectFrom('deal_items')
        .select(['name', 'sku', 'quantity', 'unit_price'])
        .where('deal_id', '=', dealId)
        .orderBy('line_no'),
    )
    .map((i) => ({ name: i.name, sku: i.sku, quantity: i.quantity, unitPrice: i.unit_price }));
}

/** Replaces a deal's item lines. */
export function writeItems(db: Db, dealId: number, items: ItemLine[]): void {
  db.run(db.qb.deleteFrom('deal_items').where('deal_id', '=', dealId));
  items.forEach((i, index) =>
    db.run(
      db.qb.insertInto('deal_items').values({
        deal_id: dealId,
        line_no: index + 1,
        name: i.name,
        sku: i.sku,
        quantity: i.quantity,
        unit_price: i.unitPrice,
      }),
    ),
  );
}

/** Items total and total (what the buyer pays: items + shipping) after items or shipping changed. */
export function recomputeAmounts(db: Db, dealId: number): void {
  const sum = currentItems(db, dealId).reduce((s, i) => s + i.quantity * i.unitPrice, 0);
  db.run(
    db.qb
      .updateTable('deals')
      .set((eb) => ({ items_total: sum, total: eb(eb.val(sum), '+', eb.ref('shipping_fee')) }))
      .where('id', '=', dealId),
  );
}
