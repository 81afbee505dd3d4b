import type { Selectable } from 'kysely';
import { marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import type { DealState, StepKind, StepState } from '../../../shared/domain/steps';
import { toKatakana } from '../../../shared/domain/text/kana';
import { defaultWorkflows, type Workflow, type WorkflowStep } from '../../../shared/domain/workflows';
import type { CustomersTable, DealItemsTable, DealStepsTable, DealsTable, DealTagsTable } from '../db/schema';
import { HashedIdSet } from './id-set';
import { createIsoFormatter } from './iso';
import { toRomaji } from './kana';
import { Random, WeightedPicker } from './random';
import {
  AREAS,
  BUILDING_PREFIXES,
  BUILDING_WORDS,
  CANCEL_NOTES,
  CUSTOMER_NOTES,
  DEAL_NOTES,
  EMAIL_DOMAINS,
  GIVEN_NAMES,
  HOUR_WEIGHTS_JST,
  ITEMS,
  MARKETPLACES,
  MOBILE_PREFIXES,
  NICKNAMES,
  ROLE_BY_STEP,
  SHOP_IDS,
  SURNAMES,
  USED_TITLE_PREFIXES,
  type Area,
  type DeliveryMethod,
  type ItemCategory,
  type ItemTemplate,
  type MarketplaceProfile,
  type PriceStyle,
} from './vocabulary';

/**
 * Pure demo-row generation: no database, no clock, no Math.random. Given the same options it yields
 * the same rows, in ordered_at order (roughly: the time of day is drawn per deal), with explicit ids
 * so the inserter can batch rows of several tables without asking SQLite for rowids.
 *
 * Rows look as if the family had used the app for three years: steps follow each marketplace's
 * workflow (due times by the same rule as shared/domain/workflows `dueAt`), done and skipped steps
 * record who and when, cancelled deals keep their unfinished steps as they were (as `deals.cancel`
 * does), postal codes and phone numbers are stored as digits (as `deals.create` stores them).
 */

/** Bump when the generated rows change, so cached benchmark databases are seeded again. */
export const DEMO_DATA_VERSION = 1;

export type CustomerRow = Selectable<CustomersTable>;
export type DealRow = Selectable<DealsTable>;
export type ItemRow = Omit<Selectable<DealItemsTable>, 'id'>;
/** deal_cancelled is left to its default: seeding flags cancelled deals' steps after the load. */
export type StepRow = Omit<Selectable<DealStepsTable>, 'id' | 'deal_cancelled'>;
export type TagRow = Selectable<DealTagsTable>;

export interface GeneratedDeal {
  /** The buyer, when this deal is their first: insert it before the deal. */
  newCustomer: CustomerRow | null;
  deal: DealRow;
  items: ItemRow[];
  steps: StepRow[];
  tags: TagRow[];
}

export interface DemoGeneratorOptions {
  seed: number;
  now: Date;
  /** How many deals this run makes; their order times are spread over the three years before `now`. */
  deals: number;
  /** Members to assign steps to; index 0/1/2 take the 母/父/娘 roles (see ROLE_BY_STEP). */
  memberIds: readonly number[];
  /** The family's workflows; marketplaces left out use the defaults. */
  workflows?: Partial<Record<Marketplace, Workflow>>;
  firstDealId?: number;
  firstCustomerId?: number;
  /** Order ids already in the database, never to be handed out (the generator remembers its own). */
  takenIds?: Iterable<{ marketplace: string; external_id: string }>;
}

export interface DemoGenerator {
  next(): GeneratedDeal;
  /** Deals produced so far. */
  readonly count: number;
  /** Customers produced so far. */
  readonly customerCount: number;
}

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JST_OFFSET = 9 * HOUR;
/** Business growth: the last month sees about 2.5× the orders of the first. */
const GROWTH = 1.5;
const RECENT_BUYERS = 2_000;
const FANS = 300;

/** How long after its anchor (order or earlier step) a step usually gets done, in hours. */
const STEP_TIMING: Record<StepKind, { min: number; max: number; skipChance: number }> = {
  contact: { min: 0.3, max: 20, skipChance: 0.03 },
  payment: { min: 0.1, max: 60, skipChance: 0 },
  shipping: { min: 2, max: 40, skipChance: 0 },
  receipt: { min: 18, max: 140, skipChance: 0.06 },
  rating: { min: 0.5, max: 40, skipChance: 0.12 },
};
const LATE_CHANCE = 0.05;
const OTHER_ASSIGNEE_CHANCE = 0.15;
const CANCEL_CHANCE = 0.025;
const GIFT_CHANCE = 0.08;
const FAN_CHANCE = 0.1;
const REPEAT_CHANCE = 0.3;
const DEAL_NOTE_CHANCE = 0.06;
const CHECK_TAG_CHANCE = 0.01;

const SURNAME_KATAKANA = SURNAMES.map(([, kana]) => toKatakana(kana));
const SURNAME_ROMAJI = SURNAMES.map(([, kana]) => toRomaji(kana));
const GIVEN_KATAKANA = GIVEN_NAMES.map(([, kana]) => toKatakana(kana));
const GIVEN_ROMAJI = GIVEN_NAMES.map(([, kana]) => toRomaji(kana));

const AUCTION_LETTERS = 'bcdefghjklmnopqrstuvwx';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX_UPPER = '0123456789ABCDEF';
const HEX_LOWER = '0123456789abcdef';
const ALNUM_LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const AMAZON_PREFIXES = ['249', '250', '503'] as const;

interface Person {
  surname: number;
  given: number;
  /** 姓 名 with one space, as names are stored (shared/domain/text normalizeName). */
  name: string;
  kanaKatakana: string;
  kanaHiragana: string;
  area: Area;
  /** City, town and block number: what marketplaces call 住所1. */
  address1: string;
  building: string | null;
  /** Digits only, as stored. */
  phone: string;
}

interface KnownCustomer {
  id: number;
  createdMs: number;
  person: Person;
  handles: { yahoo_id?: string; nickname?: string };
}

/** A marketplace's enabled steps, the order to resolve them in, and each one's anchor step. */
interface StepPlan {
  steps: WorkflowStep[];
  /** Indexes into steps, anchors before the steps that depend on them. */
  order: number[];
  /** Index of the anchor step in steps, or -1 when due counts from the order time. */
  anchor: number[];
  /** Position of the shipping step in `order` (-1 without one): cancellations happen before it. */
  shippingAt: number;
}

interface ProfilePickers {
  profile: MarketplaceProfile;
  plan: StepPlan;
  categories: WeightedPicker<ItemCategory>;
  delivery: WeightedPicker<DeliveryMethod>;
  lines: WeightedPicker<number>;
}

export function createDemoGenerator(options: DemoGeneratorOptions): DemoGenerator {
  if (!Number.isInteger(options.deals) || options.deals < 0) {
    throw new RangeError(`deals must be a whole number ≥ 0, got ${options.deals}`);
  }
  if (options.memberIds.length === 0) throw new RangeError('at least one member is needed');
  const r = new Random(options.seed);
  const memberIds = options.memberIds;
  const nowMs = Math.floor(options.now.getTime() / SECOND) * SECOND;
  const start = new Date(nowMs);
  start.setUTCFullYear(start.getUTCFullYear() - 3);
  const startMs = start.getTime();
  const spanMs = nowMs - startMs;

  const plans = new Map<Marketplace, StepPlan>(
    marketplaces.map((m) => [m, stepPlan(options.workflows?.[m] ?? defaultWorkflows[m])]),
  );
  const marketplacePicker = new WeightedPicker(
    MARKETPLACES.map((p) => [pickersFor(p, plans.get(p.code) as StepPlan), p.weight] as const),
  );
  const areas = new WeightedPicker(AREAS.map((a) => [a, a.weight] as const));
  const hours = new WeightedPicker(HOUR_WEIGHTS_JST.map((w, h) => [h, w] as const));
  const emailDomains = new WeightedPicker(EMAIL_DOMAINS);
  const seenIds = new HashedIdSet();
  let yahooShoppingSeq = 10_000_001;
  const yahooShoppingPrefix = `${SHOP_IDS.yahooShopping}-`;
  for (const taken of options.takenIds ?? []) {
    seenIds.add(marketplaces.indexOf(taken.marketplace as Marketplace), taken.external_id);
    // Store order numbers are sequential: continue after the highest one instead of probing past them.
    if (taken.marketplace === 'yahoo_shopping' && taken.external_id.startsWith(yahooShoppingPrefix)) {
      const n = Number(taken.external_id.slice(yahooShoppingPrefix.length));
      if (Number.isSafeInteger(n) && n >= yahooShoppingSeq) yahooShoppingSeq = n + 1;
    }
  }
  const recent: KnownCustomer[] = [];
  let recentNext = 0;
  const fans: KnownCustomer[] = [];
  let dealId = options.firstDealId ?? 1;
  let customerId = options.firstCustomerId ?? 1;
  let produced = 0;
  let customersProduced = 0;

  const iso = createIsoFormatter();
  const scratchFinished = new Float64Array(8);
  const scratchDone = new Uint8Array(8);
  const scratchPicked: ItemTemplate[] = [];
  const hoursToMs = (h: number) => Math.round(h * 3600) * SECOND;

  function orderTime(index: number): number {
    const u = (index + r.next()) / Math.max(1, options.deals);
    // Inverse of the CDF of a density growing linearly from 1 to 1 + GROWTH.
    const x = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
    const day = Math.floor((startMs + x * spanMs + JST_OFFSET) / DAY) * DAY - JST_OFFSET;
    let t = day + hours.pick(r) * HOUR + r.int(0, 3599) * SECOND;
    if (t >= nowMs) t = nowMs - r.int(60, 3600) * SECOND;
    if (t < startMs) t = startMs + r.int(0, 3599) * SECOND;
    return Math.min(t, nowMs - SECOND);
  }

  function phoneFor(a: Area): string {
    if (r.chance(0.78)) return `${r.pick(MOBILE_PREFIXES)}${r.digits(8)}`;
    // Japanese landlines have ten digits: area code + exchange + four-digit subscriber number.
    return `${a.areaCode}${r.int(2, 9)}${r.digits(10 - a.areaCode.length - 1)}`;
  }

  function building(): string | null {
    if (!r.chance(0.45)) return null;
    // Old two-storey apartments are named after their owner: 田中荘102.
    if (r.chance(0.15)) return `${r.pick(SURNAMES)[0]}荘${r.int(1, 2)}0${r.int(1, 6)}`;
    const name = `${r.pick(BUILDING_PREFIXES)}${r.pick(BUILDING_WORDS)}`;
    const room = `${r.chance(0.3) ? r.int(1, 12) : r.int(1, 4)}0${r.int(1, 8)}`;
    return r.chance(0.7) ? `${name}${room}` : `${name} ${room}号室`;
  }

  function newPerson(): Person {
    const surname = r.int(0, SURNAMES.length - 1);
    const given = r.int(0, GIVEN_NAMES.length - 1);
    const s = SURNAMES[surname] as readonly [string, string];
    const g = GIVEN_NAMES[given] as readonly [string, string];
    const a = areas.pick(r);
    const block = a.chome
      ? `${r.int(1, 5)}-${r.int(1, 28)}-${r.int(1, 20)}`
      : `${r.int(1, 2500)}-${r.int(1, 12)}`;
    return {
      surname,
      given,
      name: `${s[0]} ${g[0]}`,
      kanaKatakana: `${SURNAME_KATAKANA[surname]} ${GIVEN_KATAKANA[given]}`,
      kanaHiragana: `${s[1]} ${g[1]}`,
      area: a,
      address1: `${a.city}${a.town}${block}`,
      building: building(),
      phone: phoneFor(a),
    };
  }

  function personalEmail(p: Person): string {
    const sn = SURNAME_ROMAJI[p.surname] as string;
    const gn = GIVEN_ROMAJI[p.given] as string;
    const local = [`${gn}.${sn}`, `${sn}.${gn}`, `${gn}${sn.charAt(0)}`, `${sn}_${gn}`, `${gn}${sn}`][
      r.int(0, 4)
    ] as string;
    const suffix = r.chance(0.6) ? (r.chance(0.5) ? String(r.int(1, 99)) : String(r.int(60, 105) % 100)) : '';
    return `${local}${suffix}@${emailDomains.pick(r)}`;
  }

  function emailFor(profile: MarketplaceProfile, p: Person): string | null {
    switch (profile.email) {
      case 'personal':
        return personalEmail(p);
      case 'rakuten_masked':
        return `${r.chars(HEX_LOWER, 16)}@pc.fw.rakuten.ne.jp`;
      case 'amazon_relay':
        return `${r.chars(ALNUM_LOWER, 15)}@marketplace.amazon.co.jp`;
      case 'rarely':
        return r.chance(0.3) ? personalEmail(p) : null;
    }
  }

  function handleFor(profile: MarketplaceProfile, buyer: KnownCustomer | null): string | null {
    if (profile.handle === null) return null;
    if (buyer === null) return `${r.pick(NICKNAMES)}${r.chance(0.4) ? r.int(1, 999) : ''}`;
    const known = buyer.handles[profile.handle];
    if (known !== undefined) return known;
    const sn = SURNAME_ROMAJI[buyer.person.surname] as string;
    const gn = GIVEN_ROMAJI[buyer.person.given] as string;
    const made =
      profile.handle === 'yahoo_id'
        ? `${gn}_${sn.slice(0, 3)}${r.int(1, 9999)}`
        : r.chance(0.5)
          ? (GIVEN_NAMES[buyer.person.given] as readonly [string, string])[1]
          : `${r.pick(NICKNAMES)}${r.chance(0.5) ? r.int(1, 99) : ''}`;
    buyer.handles[profile.handle] = made;
    return made;
  }

  function remember(c: KnownCustomer): void {
    if (recent.length < RECENT_BUYERS) recent.push(c);
    else recent[recentNext] = c;
    recentNext = (recentNext + 1) % RECENT_BUYERS;
    if (r.chance(0.03)) {
      if (fans.length < FANS) fans.push(c);
      else fans[r.int(0, FANS - 1)] = c;
    }
  }

  function chooseBuyer(
    profile: MarketplaceProfile,
    orderedMs: number,
  ): { known: KnownCustomer; row: CustomerRow | null } {
    const roll = r.next();
    const pool = roll < FAN_CHANCE ? fans : roll < REPEAT_CHANCE ? recent : null;
    if (pool && pool.length > 0) {
      const candidate = pool[r.int(0, pool.length - 1)] as KnownCustomer;
      if (candidate.createdMs < orderedMs) return { known: candidate, row: null };
    }
    const person = newPerson();
    const at = iso(orderedMs);
    const row: CustomerRow = {
      id: customerId++,
      name: person.name,
      name_kana: person.kanaKatakana,
      email: emailFor(profile, person),
      phone: r.chance(0.95) ? person.phone : null,
      postal_code: person.area.postalCode.replace('-', ''),
      prefecture: person.area.prefecture,
      address: person.building ? `${person.address1} ${person.building}` : person.address1,
      notes: r.chance(0.03) ? r.pick(CUSTOMER_NOTES) : '',
      created_at: at,
      updated_at: at,
      edited_fields: '[]',
    };
    customersProduced++;
    const known: KnownCustomer = { id: row.id, createdMs: orderedMs, person, handles: {} };
    remember(known);
    return { known, row };
  }

  function price(t: ItemTemplate, style: PriceStyle): number {
    const raw = t.min + r.next() * (t.max - t.min);
    switch (style) {
      case 'auction':
        return Math.max(10, Math.round(raw / 10) * 10);
      case 'flea': {
        const p = Math.max(300, Math.round(raw / 100) * 100);
        return r.chance(0.2) ? p - 1 : p;
      }
      case 'store':
        return Math.max(180, Math.ceil(raw / 100) * 100 - 20);
      case 'craft':
        return Math.max(100, Math.round(raw / 100) * 100);
    }
  }

  function yyyymmddJst(ms: number): string {
    const s = new Date(ms + JST_OFFSET).toISOString();
    return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}`;
  }

  function candidateId(code: Marketplace, orderedMs: number): string {
    switch (code) {
      case 'rakuten':
        return `${SHOP_IDS.rakuten}-${yyyymmddJst(orderedMs)}-${r.digits(10)}`;
      case 'amazon':
        return `${r.pick(AMAZON_PREFIXES)}-${r.digits(7)}-${r.digits(7)}`;
      case 'yahoo_auction':
      case 'yahoo_auction_store':
        return `${r.chars(AUCTION_LETTERS, 1)}1${r.digits(9)}`;
      case 'mercari':
        return `m${r.int(1, 9)}${r.digits(10)}`;
      case 'mercari_shops':
        return r.chars(BASE62, 22);
      case 'yahoo_shopping':
        return `${SHOP_IDS.yahooShopping}-${yahooShoppingSeq++}`;
      case 'base':
        return r.chars(HEX_UPPER, 16);
      case 'minne':
        return String(r.int(10_000_000, 99_999_999));
      case 'creema':
        return String(r.int(100_000_000, 999_999_999));
      case 'paypay_flea':
        return `z${r.int(1, 9)}${r.digits(8)}`;
      case 'other':
        return `T${yyyymmddJst(orderedMs)}-${r.digits(4)}`;
    }
  }

  function externalId(code: Marketplace, orderedMs: number): string {
    const namespace = marketplaces.indexOf(code);
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const id = candidateId(code, orderedMs);
      if (seenIds.add(namespace, id)) return id;
    }
    throw new Error(`could not find a free ${code} order id`);
  }

  function assigneeFor(step: WorkflowStep): number {
    if (step.assigneeId !== null && memberIds.includes(step.assigneeId)) return step.assigneeId;
    if (r.chance(OTHER_ASSIGNEE_CHANCE)) return memberIds[r.int(0, memberIds.length - 1)] as number;
    return memberIds[ROLE_BY_STEP[step.kind] % memberIds.length] as number;
  }

  function stallChance(ageMs: number): number {
    if (ageMs < 45 * DAY) return 0.06;
    if (ageMs < 365 * DAY) return 0.002;
    return 0.0003;
  }

  function buildSteps(
    id: number,
    plan: StepPlan,
    method: DeliveryMethod,
    orderedMs: number,
    cancelled: boolean,
  ): { steps: StepRow[]; open: boolean; nextDueMs: number; lastActivityMs: number } {
    const n = plan.steps.length;
    const rows: StepRow[] = new Array<StepRow>(n);
    // Completion time of done and skipped steps (NaN while still to do); reused across deals.
    const finishedMs = scratchFinished;
    const done = scratchDone;
    finishedMs.fill(Number.NaN);
    done.fill(0);
    const stallAt = r.chance(stallChance(nowMs - orderedMs)) ? r.int(0, n - 1) : -1;
    const cancelAt = cancelled ? r.int(0, plan.shippingAt < 0 ? n - 1 : plan.shippingAt) : n;
    let open = false;
    let nextDueMs = Number.POSITIVE_INFINITY;
    let lastActivityMs = orderedMs;
    for (let position = 0; position < n; position++) {
      const i = plan.order[position] as number;
      const step = plan.steps[i] as WorkflowStep;
      const a = plan.anchor[i] as number;
      const timing = STEP_TIMING[step.kind];
      // Due counts only from a *done* anchor, exactly like shared/domain/workflows dueAt.
      const anchorDoneMs = a < 0 ? orderedMs : done[a] === 1 ? (finishedMs[a] as number) : Number.NaN;
      const dueMs =
        step.dueHours === null || Number.isNaN(anchorDoneMs)
          ? Number.NaN
          : anchorDoneMs + step.dueHours * HOUR;
      const assignee = assigneeFor(step);
      const row: StepRow = {
        deal_id: id,
        kind: step.kind,
        state: 'todo' satisfies StepState,
        assignee_id: assignee,
        due_at: Number.isNaN(dueMs) ? null : iso(dueMs),
        due_manual: 0,
        done_at: null,
        done_by: null,
        carrier: null,
        tracking_number: null,
      };
      rows[i] = row;

      const startedMs = a < 0 ? orderedMs : (finishedMs[a] as number);
      let finishMs = Number.NaN;
      if (!Number.isNaN(startedMs) && position < cancelAt && position !== stallAt) {
        const max = step.dueHours === null ? timing.max : Math.min(timing.max, step.dueHours * 0.9);
        const late = step.dueHours !== null && r.chance(LATE_CHANCE);
        finishMs =
          startedMs +
          hoursToMs(
            late
              ? (step.dueHours as number) + 1 + r.next() * 47
              : timing.min + r.next() * Math.max(0, max - timing.min),
          );
      }
      if (Number.isNaN(finishMs) || finishMs > nowMs) {
        open = true;
        if (!Number.isNaN(dueMs) && dueMs < nextDueMs) nextDueMs = dueMs;
        continue;
      }
      finishedMs[i] = finishMs;
      lastActivityMs = Math.max(lastActivityMs, finishMs);
      row.done_at = iso(finishMs);
      row.done_by = r.chance(0.9) ? assignee : (memberIds[r.int(0, memberIds.length - 1)] as number);
      if (r.chance(timing.skipChance)) {
        row.state = 'skipped' satisfies StepState;
        continue;
      }
      row.state = 'done' satisfies StepState;
      done[i] = 1;
      if (step.kind === 'shipping') {
        row.carrier = method.carrier;
        row.tracking_number = `${r.int(1, 9)}${r.digits(11)}`;
      }
    }
    if (cancelled) lastActivityMs = Math.min(nowMs, lastActivityMs + hoursToMs(1 + r.next() * 72));
    return { steps: rows, open, nextDueMs, lastActivityMs };
  }

  function next(): GeneratedDeal {
    if (produced >= options.deals) throw new RangeError(`all ${options.deals} deals were generated`);
    const orderedMs = orderTime(produced);
    produced++;
    const { profile, plan, categories, delivery, lines } = marketplacePicker.pick(r);
    const method = delivery.pick(r);
    const id = dealId++;
    const anonymous = method.anonymous && profile.anonymousHidesBuyer;
    const buyer = anonymous ? null : chooseBuyer(profile, orderedMs);
    const gift = buyer !== null && r.chance(GIFT_CHANCE);
    const shipTo = buyer === null ? null : gift ? newPerson() : buyer.known.person;

    const lineCount = lines.pick(r);
    const items: ItemRow[] = [];
    const picked = scratchPicked;
    picked.length = 0;
    let itemsTotal = 0;
    for (let line = 1; line <= lineCount; line++) {
      let template: ItemTemplate;
      do template = r.pick(ITEMS[categories.pick(r)]);
      while (picked.includes(template));
      picked.push(template);
      const unitPrice = price(template, profile.priceStyle);
      let quantity = 1;
      if (profile.multiQuantity) {
        if (template.category === 'food') quantity = r.chance(0.7) ? 1 : r.int(2, 3);
        else if (r.chance(0.1)) quantity = 2;
      }
      const decorate =
        (profile.priceStyle === 'auction' || profile.priceStyle === 'flea') &&
        template.category !== 'food' &&
        template.category !== 'handmade' &&
        r.chance(0.15);
      items.push({
        deal_id: id,
        line_no: line,
        name: decorate ? `${r.pick(USED_TITLE_PREFIXES)}${template.name}` : template.name,
        sku: profile.sku ? template.sku : null,
        quantity,
        unit_price: unitPrice,
      });
      itemsTotal += quantity * unitPrice;
    }

    const policy = profile.shipping;
    let shippingFee = 0;
    if (policy.kind === 'buyer') shippingFee = r.chance(policy.freeChance) ? 0 : r.pick(method.fees);
    else if (policy.kind === 'free_over')
      shippingFee = itemsTotal >= policy.threshold ? 0 : r.pick(method.fees);
    const fee = Math.floor(itemsTotal * profile.feeRate) + profile.feeFixed;

    const cancelled = nowMs - orderedMs > 7 * DAY && r.chance(CANCEL_CHANCE);
    const { steps, open, nextDueMs, lastActivityMs } = buildSteps(id, plan, method, orderedMs, cancelled);
    const state: DealState = cancelled ? 'cancelled' : open ? 'open' : 'closed';
    const createdMs = Math.min(orderedMs + r.int(60, 1200) * SECOND, nowMs);
    const notes = cancelled ? r.pick(CANCEL_NOTES) : r.chance(DEAL_NOTE_CHANCE) ? r.pick(DEAL_NOTES) : '';
    const tags: TagRow[] = [];
    if (gift) tags.push({ deal_id: id, tag: 'ギフト' });
    if (r.chance(CHECK_TAG_CHANCE)) tags.push({ deal_id: id, tag: '要確認' });

    const deal: DealRow = {
      id,
      marketplace: profile.code,
      external_id: externalId(profile.code, orderedMs),
      ordered_at: iso(orderedMs),
      customer_id: buyer?.known.id ?? null,
      state,
      items_total: itemsTotal,
      shipping_fee: shippingFee,
      fee,
      total: itemsTotal + shippingFee,
      ship_name: shipTo?.name ?? null,
      ship_kana: shipTo
        ? r.chance(profile.hiraganaKanaChance)
          ? shipTo.kanaHiragana
          : shipTo.kanaKatakana
        : null,
      ship_postal_code: shipTo ? shipTo.area.postalCode.replace('-', '') : null,
      ship_prefecture: shipTo?.area.prefecture ?? null,
      ship_address1: shipTo?.address1 ?? null,
      ship_address2: shipTo?.building ?? null,
      ship_phone: shipTo?.phone ?? null,
      delivery_method: method.name,
      buyer_handle: handleFor(profile, buyer?.known ?? null),
      notes,
      next_due_at: state === 'open' && Number.isFinite(nextDueMs) ? iso(nextDueMs) : null,
      edited_fields: '[]',
      created_at: iso(createdMs),
      updated_at: iso(Math.max(createdMs, lastActivityMs)),
    };
    return { newCustomer: buyer?.row ?? null, deal, items, steps, tags };
  }

  return {
    next,
    get count() {
      return produced;
    },
    get customerCount() {
      return customersProduced;
    },
  };
}

/** Enabled steps in stepKinds order; anchors resolved first. A cycle (possible in a hand-edited workflow) stays unresolved: those steps never fall due. */
export function stepPlan(workflow: Workflow): StepPlan {
  const steps = workflow.filter((s) => s.enabled);
  const anchor = steps.map((s) =>
    s.anchor === 'ordered' ? -1 : steps.findIndex((t) => t.kind === s.anchor),
  );
  const order: number[] = [];
  const placed = new Array<boolean>(steps.length).fill(false);
  for (let progress = true; progress;) {
    progress = false;
    steps.forEach((_, i) => {
      const a = anchor[i] as number;
      if (!placed[i] && (a < 0 || placed[a])) {
        placed[i] = true;
        order.push(i);
        progress = true;
      }
    });
  }
  // Steps caught in a cycle go last; their anchor is never done, so they stay to do with no due time.
  steps.forEach((_, i) => {
    if (!placed[i]) order.push(i);
  });
  const shippingAt = order.findIndex((i) => steps[i]?.kind === 'shipping');
  return { steps, order, anchor, shippingAt };
}

function pickersFor(profile: MarketplaceProfile, plan: StepPlan): ProfilePickers {
  return {
    profile,
    plan,
    categories: new WeightedPicker(profile.categories),
    delivery: new WeightedPicker(profile.delivery),
    lines: new WeightedPicker(profile.lines.map((w, i) => [i + 1, w] as const)),
  };
}

/** Convenience for tests and small seeds: all deals of one run at once. */
export function generateDemoDeals(options: DemoGeneratorOptions): GeneratedDeal[] {
  const generator = createDemoGenerator(options);
  return Array.from({ length: options.deals }, () => generator.next());
}
