import { dealCreateInput, type InputOf } from '../../../../shared/contract';
import type { Marketplace } from '../../../../shared/domain/marketplaces';
import type { NaviPasteResult, NaviStatus } from '../../../../shared/domain/navi-paste';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { formatPostalCode, normalizeWidth, parseYen } from '../../../../shared/domain/text';
import type { FieldIssue } from '../../../../shared/result';
import { fromTokyoInput, toTokyoInput } from '../../i18n/deal-format';

export interface ItemValues {
  /** Stable React key for a row that may move up when the one above is removed. */
  key: number;
  name: string;
  sku: string;
  quantity: string;
  unitPrice: string;
}

export interface DealFormValues {
  marketplace: Marketplace;
  externalId: string;
  /** `<input type="datetime-local">` value, Japan time. */
  orderedAt: string;
  deliveryMethod: string;
  items: ItemValues[];
  shippingFee: string;
  fee: string;
  buyer: { name: string; kana: string; email: string; phone: string; handle: string };
  /** The parcel goes to the buyer: ship-to name, kana and phone are the buyer's. */
  sameAsBuyer: boolean;
  shipTo: {
    name: string;
    kana: string;
    postalCode: string;
    prefecture: string;
    address1: string;
    address2: string;
    phone: string;
  };
  notes: string;
  tags: string[];
  /** Steps already done when the deal is entered, with when (datetime-local, Japan time). */
  completed: Record<StepKind, { done: boolean; at: string }>;
}

let nextKey = 1;
export const emptyItem = (): ItemValues => ({
  key: nextKey++,
  name: '',
  sku: '',
  quantity: '1',
  unitPrice: '',
});

export function emptyDealForm(marketplace: Marketplace, now: Date): DealFormValues {
  return {
    marketplace,
    externalId: '',
    orderedAt: toTokyoInput(now.toISOString()),
    deliveryMethod: '',
    items: [emptyItem()],
    shippingFee: '0',
    fee: '0',
    buyer: { name: '', kana: '', email: '', phone: '', handle: '' },
    sameAsBuyer: true,
    shipTo: { name: '', kana: '', postalCode: '', prefecture: '', address1: '', address2: '', phone: '' },
    notes: '',
    tags: [],
    completed: Object.fromEntries(
      stepKinds.map((k) => [k, { done: false, at: '' }]),
    ) as DealFormValues['completed'],
  };
}

const statusStep: Record<Exclude<NaviStatus, 'cancelled'>, StepKind> = {
  address_sent: 'contact',
  paid: 'payment',
  shipped: 'shipping',
  received: 'receipt',
};
const statusOrder = ['address_sent', 'paid', 'shipped', 'received'] as const;

/** Form fields (dotted paths, as in the contract) that a paste filled, to be shown for checking. */
export type FilledFields = ReadonlySet<string>;

/**
 * Puts what the 取引ナビ parser recognised into the form. Fields it did not find keep what the user
 * typed; steps the page shows as done (支払い完了, 発送連絡済み…) are ticked with their times.
 */
export function applyPaste(
  values: DealFormValues,
  result: NaviPasteResult,
  now: Date,
): { values: DealFormValues; filled: Set<string> } {
  const f = result.fields;
  const filled = new Set<string>();
  const next: DealFormValues = structuredClone(values);
  const set = (path: string, apply: () => void, present: unknown) => {
    if (present === undefined || present === null || present === '') return;
    apply();
    filled.add(path);
  };
  next.marketplace = 'yahoo_auction';
  filled.add('marketplace');
  set('externalId', () => (next.externalId = f.auctionId!), f.auctionId);
  set('orderedAt', () => (next.orderedAt = toTokyoInput(f.endedAt)), f.endedAt);
  set('deliveryMethod', () => (next.deliveryMethod = f.deliveryMethod!), f.deliveryMethod);
  set('shippingFee', () => (next.shippingFee = String(f.shippingFee)), f.shippingFee);
  if (f.title !== undefined || f.price !== undefined) {
    const first = next.items[0] ?? emptyItem();
    next.items = [
      {
        ...first,
        name: f.title ?? first.name,
        unitPrice: f.price !== undefined ? String(f.price) : first.unitPrice,
        quantity: '1',
      },
    ];
    if (f.title) filled.add('items.0.name');
    if (f.price !== undefined) filled.add('items.0.unitPrice');
  }
  set('buyer.name', () => (next.buyer.name = f.buyerName!), f.buyerName);
  set('buyer.kana', () => (next.buyer.kana = f.buyerKana!), f.buyerKana);
  set('buyer.phone', () => (next.buyer.phone = f.phone!), f.phone);
  set('buyer.handle', () => (next.buyer.handle = f.buyerId!), f.buyerId);
  if (f.buyerName || f.phone) next.sameAsBuyer = true;
  set(
    'shipTo.postalCode',
    () => (next.shipTo.postalCode = formatPostalCode(f.postalCode!) ?? f.postalCode!),
    f.postalCode,
  );
  set('shipTo.prefecture', () => (next.shipTo.prefecture = f.prefecture!), f.prefecture);
  set('shipTo.address1', () => (next.shipTo.address1 = f.address1!), f.address1);
  set('shipTo.address2', () => (next.shipTo.address2 = f.address2 ?? ''), f.address2);

  // Steps: everything up to the page's current state is done; each at its own dated event when the
  // page shows one, otherwise at the time of the next later event (it cannot have been later).
  const orderedIso = fromTokyoInput(next.orderedAt);
  const eventAt = new Map<NaviStatus, string>();
  for (const e of f.events ?? []) if (!eventAt.has(e.kind)) eventAt.set(e.kind, e.at);
  const reached = new Set<NaviStatus>(f.events?.map((e) => e.kind) ?? []);
  if (f.status) reached.add(f.status);
  let highest = -1;
  statusOrder.forEach((s, i) => {
    if (reached.has(s)) highest = i;
  });
  for (let i = 0; i <= highest; i++) {
    const status = statusOrder[i]!;
    let at = eventAt.get(status);
    for (let j = i + 1; !at && j < statusOrder.length; j++) at = eventAt.get(statusOrder[j]!);
    at ??= now.toISOString();
    if (orderedIso && at < orderedIso) at = orderedIso;
    const kind = statusStep[status];
    next.completed[kind] = { done: true, at: toTokyoInput(at) };
    filled.add(`completed.${kind}`);
  }
  return { values: next, filled };
}

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
/** Integer yen from "1,500", "１５００円", "¥1,500"; an empty box is ¥0; anything else is invalid (NaN). */
const yen = (s: string) => (s.trim() === '' ? 0 : (parseYen(s) ?? Number.NaN));
const count = (s: string) => {
  const n = normalizeWidth(s).trim();
  return /^\d+$/.test(n) ? Number(n) : Number.NaN;
};

export type DealCreateInput = InputOf<'deals.create'>;

/** The contract's input from the form; invalid values are passed through so the schema names them. */
export function toCreateInput(v: DealFormValues): DealCreateInput {
  const buyerGiven = Object.values(v.buyer).some((x) => x.trim() !== '');
  const shipName = v.sameAsBuyer ? v.buyer.name : v.shipTo.name;
  const shipKana = v.sameAsBuyer ? v.buyer.kana : v.shipTo.kana;
  const shipPhone = v.sameAsBuyer ? v.buyer.phone : v.shipTo.phone;
  const shipTo: DealCreateInput['shipTo'] = {};
  const put = (key: keyof DealCreateInput['shipTo'], value: string) => {
    const o = optional(value);
    if (o !== undefined) shipTo[key] = o;
  };
  put('name', shipName);
  put('kana', shipKana);
  put('postalCode', v.shipTo.postalCode);
  put('prefecture', v.shipTo.prefecture);
  put('address1', v.shipTo.address1);
  put('address2', v.shipTo.address2);
  put('phone', shipPhone);

  const input: DealCreateInput = {
    marketplace: v.marketplace,
    externalId: trimmed(normalizeWidth(v.externalId)),
    orderedAt: fromTokyoInput(v.orderedAt) ?? '',
    items: v.items.map((item) => ({
      name: item.name.trim(),
      ...(optional(item.sku) ? { sku: item.sku.trim() } : {}),
      quantity: count(item.quantity),
      unitPrice: yen(item.unitPrice === '' ? 'x' : item.unitPrice),
    })),
    shippingFee: yen(v.shippingFee),
    fee: yen(v.fee),
    shipTo,
  };
  if (buyerGiven) {
    const buyer: NonNullable<DealCreateInput['buyer']> = { name: v.buyer.name.trim() };
    if (optional(v.buyer.kana)) buyer.kana = v.buyer.kana.trim();
    if (optional(v.buyer.email)) buyer.email = normalizeWidth(v.buyer.email).trim();
    if (optional(v.buyer.phone)) buyer.phone = v.buyer.phone.trim();
    if (optional(v.buyer.handle)) buyer.handle = v.buyer.handle.trim();
    input.buyer = buyer;
  }
  if (optional(v.deliveryMethod)) input.deliveryMethod = v.deliveryMethod.trim();
  if (v.notes.trim()) input.notes = v.notes;
  if (v.tags.length) input.tags = v.tags;
  const completed = stepKinds
    .filter((k) => v.completed[k].done)
    .map((kind) => ({ kind, at: fromTokyoInput(v.completed[kind].at) ?? '' }));
  if (completed.length) input.completed = completed;
  return input;
}

/** The same schema the backend checks with, run first here: most mistakes never leave the form. */
export function checkLocally(input: DealCreateInput): FieldIssue[] {
  const parsed = dealCreateInput.safeParse(input);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  // The backend refuses a step done before the order; say so before it does.
  if (parsed.success)
    parsed.data.completed?.forEach((c, i) => {
      if (c.at < parsed.data.orderedAt)
        issues.push({ path: `completed.${i}.at`, message: 'Before the order' });
    });
  return issues;
}
