import type { DealDto, ReplyProfileDto, TemplateDto } from '../../../../shared/contract';
import type { Marketplace } from '../../../../shared/domain/marketplaces';
import type { StepKind } from '../../../../shared/domain/steps';
import {
  isComplaintPurpose,
  placeholderKeyOf,
  TEMPLATE_TOKEN,
  type PlaceholderKey,
  type ReplyChannel,
  type ReplyContext,
  type ReplyValues,
  type TemplatePurpose,
} from '../../../../shared/domain/replies';

/**
 * What a case page knows and hands to Compose. Everything is optional so a deal page passes
 * nothing; the case page (complaint cases) passes its facts and the checker uses them.
 */
export interface ComposeCaseContext {
  complaint: boolean;
  /** The message the case needs now (from its state): Compose starts with that template. */
  purpose?: TemplatePurpose;
  /** The buyer as the case knows them (its customer), before the deal's buyer. */
  buyerName?: string | null;
  /** Options were already offered to the buyer on this case. */
  optionsOffered?: boolean;
  /** When the complaint was logged (ISO); a reply after 24 h must acknowledge the delay. */
  loggedAt?: string | null;
  /** The options offered or to offer, filled into {{ご提案内容}}. */
  options?: readonly string[];
  /** The case's improvement, filled into {{改善内容}}. */
  improvement?: string | null;
  /** The date promised to the buyer for the next reply (YYYY-MM-DD or ISO). */
  promisedDate?: string | null;
}

/** Placeholders the member types in Compose (the rest come from the deal and the shop profile). */
export const freeKeys = [
  'paymentDeadline',
  'shipDate',
  'deliveryDate',
  'replyDate',
  'trackingNumber',
  'report',
  'options',
  'resolution',
  'improvement',
  'tip',
  'voucherCode',
] as const satisfies readonly PlaceholderKey[];
export type FreeKey = (typeof freeKeys)[number];
export const dateKeys: readonly FreeKey[] = ['paymentDeadline', 'shipDate', 'deliveryDate', 'replyDate'];
export const longKeys: readonly FreeKey[] = ['report', 'options', 'improvement', 'tip'];

/** What the member typed, as text: dates as YYYY-MM-DD, options one per line. */
export type FreeValues = Partial<Record<FreeKey, string>>;

/** The channel a marketplace's buyers are answered through: it decides the length limit. */
export function channelFor(marketplace: Marketplace | null | undefined): ReplyChannel {
  if (marketplace === 'yahoo_auction') return 'navi';
  if (marketplace === 'mercari') return 'mercari';
  return 'email';
}

/** A timestamp as the Tokyo calendar day, for a date input. */
function tokyoDay(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return undefined;
  return new Date(time + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The free values a deal (and a case) already knows, as starting text for the inputs. */
export function initialFreeValues(deal: DealDto | null | undefined, kase?: ComposeCaseContext): FreeValues {
  const step = (kind: string) => deal?.steps.find((s) => s.kind === kind);
  const values: FreeValues = {
    paymentDeadline: tokyoDay(step('payment')?.dueAt),
    shipDate: tokyoDay(step('shipping')?.state === 'todo' ? step('shipping')?.dueAt : null),
    trackingNumber: step('shipping')?.trackingNumber ?? undefined,
    replyDate: tokyoDay(kase?.promisedDate) ?? (kase?.promisedDate || undefined),
    options: kase?.options?.join('\n') || undefined,
    improvement: kase?.improvement ?? undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as FreeValues;
}

/** Everything a template can be filled with, from the deal, the shop profile and the typed values. */
export function replyValues(
  deal: DealDto | null | undefined,
  profile: ReplyProfileDto | undefined,
  free: FreeValues,
  kase?: ComposeCaseContext,
): ReplyValues {
  const shipping = deal?.steps.find((s) => s.kind === 'shipping');
  return {
    buyerName: kase?.buyerName || (deal?.customer?.name ?? deal?.shipTo.name ?? deal?.buyerName ?? null),
    orderNumber: deal?.externalId ?? null,
    items: deal?.items.map((i) => ({ name: i.name, quantity: i.quantity })) ?? null,
    itemsTotal: deal?.itemsTotal ?? null,
    shippingFee: deal?.shippingFee ?? null,
    total: deal?.total ?? null,
    carrier: shipping?.carrier ?? null,
    shopName: profile?.shopName ?? null,
    signature: profile?.signature ?? null,
    paymentDeadline: free.paymentDeadline,
    shipDate: free.shipDate,
    deliveryDate: free.deliveryDate,
    replyDate: free.replyDate,
    trackingNumber: free.trackingNumber,
    report: free.report,
    options: free.options?.split('\n'),
    resolution: free.resolution,
    improvement: free.improvement,
    tip: free.tip,
    voucherCode: free.voucherCode,
  };
}

/** The free placeholders a template uses, in the order they appear, so Compose asks only for those. */
export function usedFreeKeys(body: string): FreeKey[] {
  const used = new Set<FreeKey>();
  for (const m of body.matchAll(TEMPLATE_TOKEN)) {
    const key = placeholderKeyOf(m[1]!);
    if (key && (freeKeys as readonly string[]).includes(key)) used.add(key as FreeKey);
  }
  // The tracking link needs the number even when the template shows only the link.
  if (/\{\{\s*追跡案内\s*\}\}/.test(body)) used.add('trackingNumber');
  return [...used];
}

/**
 * Templates to offer: those for the wanted purposes, else on a case the complaint messages, else
 * all of them (a buyer may complain in 取引ナビ before anyone opened a case). The backend has
 * already put a marketplace's own variants first.
 */
export function templatesFor(
  templates: readonly TemplateDto[],
  purposes: readonly TemplatePurpose[] | undefined,
  complaint: boolean,
): TemplateDto[] {
  return templates.filter((t) =>
    purposes ? purposes.includes(t.purpose) : !complaint || isComplaintPurpose(t.purpose),
  );
}

/** The message for the deal's first open step (contact → お支払いのご案内 ... receipt → 評価のお願い). */
const purposeForOpenStep: Record<StepKind, TemplatePurpose> = {
  contact: 'won_payment',
  payment: 'payment_confirmed',
  shipping: 'shipped',
  receipt: 'rating_request',
  rating: 'rating_request',
};

export function suggestedTemplate(
  templates: readonly TemplateDto[],
  deal: DealDto | null | undefined,
  kase?: ComposeCaseContext,
): TemplateDto | undefined {
  const forCase = kase?.purpose && templates.find((t) => t.purpose === kase.purpose);
  if (forCase) return forCase;
  const open = deal?.steps.find((s) => s.state === 'todo');
  const purpose = open ? purposeForOpenStep[open.kind] : 'rating_request';
  return templates.find((t) => t.purpose === purpose) ?? templates[0];
}

export function checkContext(
  kase: ComposeCaseContext | undefined,
  channel: ReplyChannel,
  purpose: TemplatePurpose | null,
  now: Date,
): ReplyContext {
  return {
    complaint: kase?.complaint ?? (purpose ? isComplaintPurpose(purpose) : false),
    optionsOffered: kase?.optionsOffered ?? false,
    caseLoggedAt: kase?.loggedAt ?? null,
    now,
    channel,
    purpose,
  };
}
