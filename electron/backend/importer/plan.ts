import type { DraftDeal } from '../../../shared/domain/import';
import { draftHasErrors } from '../../../shared/domain/import';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Carrier, StepKind } from '../../../shared/domain/steps';
import { stepKinds } from '../../../shared/domain/steps';
import type { Db } from '../db/executor';
import type { Selectable } from 'kysely';
import type { DealsTable } from '../db/schema';
import { parseList } from '../deals/read';
import { workflowCache, type WorkflowCache } from '../deals/progress';
import { workflowFor } from '../workflows/service';
import { chunks, CustomerMatcher, type BuyerFacts, type CustomerMatch } from './customers';
import { parseSnapshot, sameValue, serialise, snapshotText, type SourceField } from './snapshot';
import { offeredProfile } from './offered-profile';
import { phase } from './phases';
import { prepare } from './statements';

export type PlanStatus = 'new' | 'updated' | 'unchanged' | 'error';

/** A step an imported fact completes. */
export interface StepFact {
  kind: StepKind;
  at: string;
  carrier: Carrier | null;
  trackingNumber: string | null;
}

/** An item line as written to deal_items. */
export interface ItemLine {
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
}

export interface DealPlan {
  status: PlanStatus;
  draft: DraftDeal;
  dealId: number | null;
  /** Fingerprints to store after this import ('' for new deals: computed when written). */
  snapshot: string;
  snapshotChanged: boolean;
  customer: CustomerMatch;
  /** Deal columns to change (updates), with the values they had. */
  set: Partial<Record<keyof DealsTable, unknown>>;
  before: Partial<Record<keyof DealsTable, unknown>>;
  /** Item lines to write to an existing deal (the file changed them and no member edited them). */
  items: ItemLine[] | null;
  steps: StepFact[];
  cancel: boolean;
  /** Field names the import changes, and fields the source changed but a member's edit keeps. */
  changes: string[];
  keptEdits: string[];
}

type DealColumn = keyof DealsTable;
type KnownDeal = { id: number; snapshot: string | null };
type KnownRow = KnownDeal & { external_id: string };

/** Deals read per page when a marketplace's deals are scanned. */
const SCAN_PAGE = 5_000;

const NO_CUSTOMER: CustomerMatch = Object.freeze({ kind: 'none' });
const NOTHING_SET: DealPlan['set'] = Object.freeze({});
const NO_STEPS: StepFact[] = Object.freeze([]) as unknown as StepFact[];
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];

/** Source fields stored in a deal column; items and facts are handled on their own. */
const columnOf: Partial<Record<SourceField, DealColumn>> = {
  orderedAt: 'ordered_at',
  shippingFee: 'shipping_fee',
  fee: 'fee',
  'shipTo.name': 'ship_name',
  'shipTo.kana': 'ship_kana',
  'shipTo.postalCode': 'ship_postal_code',
  'shipTo.prefecture': 'ship_prefecture',
  'shipTo.address1': 'ship_address1',
  'shipTo.address2': 'ship_address2',
  'shipTo.phone': 'ship_phone',
  deliveryMethod: 'delivery_method',
  notes: 'notes',
  buyerHandle: 'buyer_handle',
};

function draftValue(d: DraftDeal, field: SourceField): unknown {
  switch (field) {
    case 'orderedAt':
      return d.orderedAt;
    case 'shippingFee':
      return d.shippingFee;
    case 'fee':
      return d.fee;
    case 'deliveryMethod':
      return d.deliveryMethod;
    case 'notes':
      return d.notes;
    case 'buyerHandle':
      return d.buyer.handle;
    default:
      return field.startsWith('shipTo.') ? d.shipTo[field.slice(7) as keyof DraftDeal['shipTo']] : undefined;
  }
}

/** The column value a source value becomes (NOT NULL columns get their neutral value). */
function columnValue(column: DealColumn, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (column === 'shipping_fee' || column === 'fee') return 0;
    if (column === 'notes') return '';
    return null;
  }
  return value;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Item lines from the file. A price the file lacks (Amazon 未出荷) is taken from the deal's current
 * line with the same name and product code, else 0: those lines came from the earlier import of the
 * same order, so a report without prices never wipes them.
 */
export function itemLines(d: DraftDeal, current: ItemLine[] = []): ItemLine[] {
  const unused = [...current];
  return (d.items ?? []).map((i) => {
    let unitPrice = i.unitPrice;
    if (unitPrice === null) {
      const at = unused.findIndex((c) => c.name === i.name && c.sku === i.sku);
      unitPrice = at >= 0 ? unused.splice(at, 1)[0]!.unitPrice : 0;
    }
    return { name: i.name, sku: i.sku, quantity: i.quantity, unitPrice };
  });
}

/** Steps the facts of a source complete, limited to the kinds `use` allows. */
export function factSteps(
  d: DraftDeal,
  changed: (f: SourceField) => boolean,
  now: string,
  use: (k: StepKind) => boolean,
): StepFact[] {
  const facts = new Map<StepKind, StepFact>();
  const add = (
    kind: StepKind,
    at: string,
    carrier: Carrier | null = null,
    trackingNumber: string | null = null,
  ) => {
    if (use(kind)) facts.set(kind, { kind, at, carrier, trackingNumber });
  };
  if (changed('completedAt') && d.completedAt) for (const kind of stepKinds) add(kind, d.completedAt);
  if (changed('paidAt') && d.paidAt) add('payment', d.paidAt);
  if (changed('shipped') && d.shipped)
    add('shipping', d.shipped.at ?? now, d.shipped.carrier, d.shipped.trackingNumber);
  return [...facts.values()];
}

/**
 * The buyer an order names, for matching and for a new customer's profile. A gift's recipient details
 * (reading, phone, postal code, address) are not the buyer's: they neither match nor make the customer.
 */
export function buyerFacts(d: DraftDeal): BuyerFacts | null {
  const name = d.buyer.name ?? d.shipTo.name;
  if (!name) return null;
  const offered = offeredProfile(d);
  return {
    marketplace: d.marketplace,
    name,
    kana: offered.kana ?? null,
    email: offered.email ?? null,
    phone: offered.phone ?? null,
    postalCode: offered.postalCode ?? null,
    prefecture: offered.prefecture ?? null,
    address: offered.address ?? null,
    handle: d.buyer.handle ?? null,
  };
}

/**
 * Compares each draft with the ledger and decides what an import would do, without writing. The
 * same planner runs for the preview and inside the commit's transaction, so both agree.
 *
 * Rules: a field is taken from the file only when the file changed it since the last import and no
 * member edited it by hand (deals.edited_fields); a deal entered by hand only gets its blanks filled.
 * Facts (paid, shipped, finished) only ever move a step from to-do to done.
 */
export class Planner {
  readonly matcher: CustomerMatcher;
  private readonly workflows: WorkflowCache = workflowCache();
  private readonly uses = new Map<Marketplace, (kind: StepKind) => boolean>();
  private readonly findDeal;
  private readonly marketplaceDeals;
  private readonly dealRow;
  private readonly dealItems;
  private readonly dealSteps;
  private known: Map<Marketplace, Map<string, KnownDeal>> | null = null;
  /** Buyer facts of new deals, built once for the customer prefetch and reused by plan(). */
  private facts: Map<DraftDeal, BuyerFacts> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: string,
  ) {
    this.matcher = new CustomerMatcher(db);
    this.findDeal = prepare<'marketplace' | 'externalId'>(db, (p) =>
      db.qb
        .selectFrom('deals as d')
        .leftJoin('import_sources as s', 's.deal_id', 'd.id')
        .select(['d.id', 's.snapshot'])
        .where('d.marketplace', '=', p('marketplace'))
        .where('d.external_id', '=', p('externalId')),
    );
    this.marketplaceDeals = prepare<'marketplace' | 'after'>(db, (p) =>
      this.knownQuery(p('marketplace'))
        .where('d.external_id', '>', p('after'))
        .orderBy('d.external_id')
        .limit(SCAN_PAGE),
    );
    this.dealRow = prepare<'id'>(db, (p) => db.qb.selectFrom('deals').selectAll().where('id', '=', p('id')));
    this.dealItems = prepare<'id'>(db, (p) =>
      db.qb
        .selectFrom('deal_items')
        .select(['name', 'sku', 'quantity', 'unit_price'])
        .where('deal_id', '=', p('id'))
        .orderBy('line_no'),
    );
    this.dealSteps = prepare<'id'>(db, (p) =>
      db.qb.selectFrom('deal_steps').select(['kind', 'state']).where('deal_id', '=', p('id')),
    );
  }

  workflowUses(marketplace: Marketplace): (kind: StepKind) => boolean {
    let uses = this.uses.get(marketplace);
    if (!uses) {
      let workflow = this.workflows.get(marketplace);
      if (!workflow) {
        workflow = workflowFor(this.db, marketplace);
        this.workflows.set(marketplace, workflow);
      }
      const enabled = new Set(workflow.filter((s) => s.enabled).map((s) => s.kind));
      uses = (kind) => enabled.has(kind);
      this.uses.set(marketplace, uses);
    }
    return uses;
  }

  /**
   * Plans a whole import. Existing deals and customers the drafts could touch are loaded first in
   * IN-list queries; the per-deal planning then mostly runs from memory.
   */
  planAll(drafts: DraftDeal[], onProgress?: (done: number, total: number) => void): DealPlan[] {
    const valid = drafts.filter((d) => !draftHasErrors(d));
    const known = new Map<Marketplace, Map<string, KnownDeal>>();
    const byMarketplace = new Map<Marketplace, string[]>();
    for (const d of valid) {
      const list = byMarketplace.get(d.marketplace) ?? [];
      list.push(d.externalId);
      byMarketplace.set(d.marketplace, list);
    }
    phase('plan: existing deals', () => {
      for (const [marketplace, ids] of byMarketplace)
        known.set(marketplace, this.knownDeals(marketplace, ids));
    });
    this.known = known;
    // Customers are looked up in bulk for new deals only; the few existing deals without a customer
    // ask one by one, so a re-import of known orders does not load every buyer.
    const facts = new Map<DraftDeal, BuyerFacts>();
    for (const d of valid) {
      if (known.get(d.marketplace)?.has(d.externalId)) continue;
      const f = buyerFacts(d);
      if (f) facts.set(d, f);
    }
    phase('plan: customers prefetch', () => this.matcher.prefetch([...facts.values()]));
    this.facts = facts;
    const plans = drafts.map((d, i) => {
      if (onProgress && (i & 1023) === 0) onProgress(i, drafts.length);
      return this.plan(d);
    });
    onProgress?.(drafts.length, drafts.length);
    this.matcher.donePlanning();
    this.known = null;
    this.facts = null;
    return plans;
  }

  /** Existing deals among these order ids, with their stored source snapshots. */
  private knownDeals(marketplace: Marketplace, externalIds: string[]): Map<string, KnownDeal> {
    const wanted = new Set(externalIds);
    const found = new Map<string, KnownDeal>();
    const count = this.db.first(
      this.db.qb
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('marketplace', '=', marketplace),
    )!.n;
    // Re-importing a marketplace's history asks for most of its deals: one pass over the marketplace's
    // order-number index beats hundreds of IN lists. Pages follow that index (order number after the last
    // one seen), so SQLite never sorts, and only the wanted rows are kept. (Pages ordered by id made it sort
    // the whole marketplace again for every page.)
    if (count <= wanted.size * 4) {
      for (let after = ''; ;) {
        const page = this.marketplaceDeals.all<KnownRow>({ marketplace, after });
        for (const r of page) {
          if (wanted.has(r.external_id)) found.set(r.external_id, { id: r.id, snapshot: r.snapshot });
        }
        if (page.length < SCAN_PAGE) return found;
        after = page[page.length - 1]!.external_id;
      }
    }
    for (const chunk of chunks([...wanted])) {
      for (const r of this.db.all(this.knownQuery(marketplace).where('d.external_id', 'in', chunk)))
        found.set(r.external_id, { id: r.id, snapshot: r.snapshot });
    }
    return found;
  }

  private knownQuery(marketplace: Marketplace) {
    return this.db.qb
      .selectFrom('deals as d')
      .leftJoin('import_sources as s', 's.deal_id', 'd.id')
      .select(['d.external_id', 'd.id', 's.snapshot'])
      .where('d.marketplace', '=', marketplace);
  }

  plan(draft: DraftDeal): DealPlan {
    // Shared empty values: a 100,000-deal preview would otherwise hold half a million empty objects.
    const base = {
      draft,
      dealId: null,
      snapshot: '',
      snapshotChanged: false,
      customer: NO_CUSTOMER,
      set: NOTHING_SET,
      before: NOTHING_SET,
      items: null,
      steps: NO_STEPS,
      cancel: false,
      changes: NO_NAMES,
      keptEdits: NO_NAMES,
    };
    if (draftHasErrors(draft)) return { ...base, status: 'error' };
    const found = this.known
      ? this.known.get(draft.marketplace)?.get(draft.externalId)
      : this.findDeal.get<{ id: number; snapshot: string | null }>({
          marketplace: draft.marketplace,
          externalId: draft.externalId,
        });
    if (!found) {
      return {
        ...base,
        status: 'new',
        snapshotChanged: true,
        customer: this.matcher.resolve(this.facts?.get(draft) ?? buyerFacts(draft)),
        // The lines are built from the draft when written (see apply.ts), not held twice.
        steps: factSteps(draft, () => true, this.now, this.workflowUses(draft.marketplace)),
        cancel: draft.cancelled === true,
      };
    }
    return this.planExisting(draft, found.id, found.snapshot, base);
  }

  private planExisting(
    draft: DraftDeal,
    dealId: number,
    storedText: string | null,
    base: Omit<DealPlan, 'status'>,
  ): DealPlan {
    const incomingText = snapshotText(draft);
    // Fast path: the file says exactly what it said last time (a re-import of the same file).
    if (incomingText === storedText) return { ...base, status: 'unchanged', dealId };
    const incoming = parseSnapshot(incomingText) ?? new Map<SourceField, string>();
    const stored = parseSnapshot(storedText);
    const merged = new Map([...(stored ?? []), ...incoming]);
    const snapshot = serialise(merged);
    const changedInSource = (f: SourceField) => incoming.has(f) && stored?.get(f) !== incoming.get(f);
    if (stored && snapshot === storedText) return { ...base, status: 'unchanged', dealId };

    const deal = this.dealRow.get<Selectable<DealsTable>>({ id: dealId })!;
    const edited = new Set(parseList(deal.edited_fields));
    const byHand = stored === null;

    const set: DealPlan['set'] = {};
    const before: DealPlan['before'] = {};
    const changes: string[] = [];
    const keptEdits: string[] = [];
    for (const [field, column] of Object.entries(columnOf) as [SourceField, DealColumn][]) {
      if (!changedInSource(field)) continue;
      const value = columnValue(column, draftValue(draft, field));
      const current = deal[column];
      if (sameValue(current, value)) continue;
      if (edited.has(field)) {
        keptEdits.push(field);
        continue;
      }
      // A deal entered by hand keeps what the member typed; the file only fills what is empty.
      if (byHand && !blank(current)) continue;
      set[column] = value;
      before[column] = current;
      changes.push(field);
    }

    let items: ItemLine[] | null = null;
    if ((changedInSource('items') || changedInSource('itemPrices')) && !byHand) {
      const current = this.dealItems
        .all<{ name: string; sku: string | null; quantity: number; unit_price: number }>({ id: dealId })
        .map((c) => ({ name: c.name, sku: c.sku, quantity: c.quantity, unitPrice: c.unit_price }));
      const next = itemLines(draft, current);
      const same = sameValue(current, next);
      if (!same) {
        if (edited.has('items')) keptEdits.push('items');
        else {
          items = next;
          changes.push('items');
        }
      }
    }

    let steps: StepFact[] = [];
    let cancel = false;
    if (deal.state !== 'cancelled') {
      const existing = new Map(
        this.dealSteps.all<{ kind: StepKind; state: string }>({ id: dealId }).map((s) => [s.kind, s.state]),
      );
      // Only steps the deal has and that are still to do: a done or skipped step is never touched.
      steps = factSteps(draft, changedInSource, this.now, (k) => existing.get(k) === 'todo');
      if (steps.length) changes.push(...steps.map((s) => `steps.${s.kind}`));
      if (changedInSource('cancelled') && draft.cancelled === true) {
        cancel = true;
        changes.push('cancelled');
      }
    }

    let customer: CustomerMatch = { kind: 'none' };
    if (deal.customer_id === null && !edited.has('customerId')) {
      customer = this.matcher.resolve(buyerFacts(draft));
      if (customer.kind !== 'none') changes.push('customer');
    }

    return {
      ...base,
      status: changes.length ? 'updated' : 'unchanged',
      dealId,
      snapshot,
      snapshotChanged: snapshot !== storedText,
      customer,
      set,
      before,
      items,
      steps,
      cancel,
      changes,
      keptEdits,
    };
  }
}

/** The same file again: no plan changes anything, so a commit writes no batch at all. */
export function writesNothing(plans: DealPlan[]): boolean {
  return plans.every((p) => p.status === 'error' || (p.status === 'unchanged' && !p.snapshotChanged));
}
