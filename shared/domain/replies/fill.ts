import type { Carrier } from '../steps';
import { carrierNamesJa, formatDateJa, formatYenJa, trackingLinkText } from './format';
import { placeholderKeyOf, TEMPLATE_TOKEN, unfilledMarker, type PlaceholderKey } from './placeholders';

export interface ReplyItem {
  name: string;
  quantity: number;
}

/** What Compose knows about a deal or case. Every field is optional: a missing one stays visible. */
export interface ReplyValues {
  /** The buyer's name as stored; a trailing 様/さま/殿/さん is removed, 様 is added once. */
  buyerName?: string | null;
  orderNumber?: string | null;
  items?: readonly ReplyItem[] | null;
  itemsTotal?: number | null;
  shippingFee?: number | null;
  total?: number | null;
  /** ISO timestamp or a plain YYYY-MM-DD. */
  paymentDeadline?: string | null;
  shipDate?: string | null;
  deliveryDate?: string | null;
  replyDate?: string | null;
  carrier?: Carrier | null;
  trackingNumber?: string | null;
  report?: string | null;
  /** The choices offered to the buyer, written as a numbered list. */
  options?: readonly string[] | null;
  resolution?: string | null;
  improvement?: string | null;
  tip?: string | null;
  voucherCode?: string | null;
  shopName?: string | null;
  signature?: string | null;
}

export interface FilledPlaceholder {
  key: PlaceholderKey;
  start: number;
  end: number;
}

export interface FillResult {
  text: string;
  /** Placeholders left as 【…】 because there was no value, with where they are in `text`. */
  missing: FilledPlaceholder[];
  /** `{{…}}` tokens no placeholder knows, left as written. */
  unknown: string[];
}

export interface FillOptions {
  /** Dates in another year than this get the year written out. */
  now?: Date;
}

const HONORIFIC_TAIL = /[\s\u3000]*(?:様|さま|サマ|殿|どの|さん|御中)$/u;

/** "山田 花子 様" → "山田 花子"; null when nothing is left (a name that was only an honorific). */
export function bareName(name: string): string | null {
  let bare = name.trim();
  for (let i = 0; i < 3 && HONORIFIC_TAIL.test(bare); i++) bare = bare.replace(HONORIFIC_TAIL, '');
  return bare.trim() || null;
}

const text = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};
const yen = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? formatYenJa(v) : null;

function itemList(items: readonly ReplyItem[] | null | undefined): string | null {
  const names = (items ?? [])
    .filter((i) => i.name.trim())
    .map((i) => (i.quantity > 1 ? `${i.name.trim()} ×${i.quantity}` : i.name.trim()));
  return names.length ? names.join('、') : null;
}

function numbered(options: readonly string[] | null | undefined): string | null {
  const list = (options ?? []).map((o) => o.trim()).filter(Boolean);
  return list.length ? list.map((o, i) => `${i + 1}. ${o}`).join('\n') : null;
}

/** The text each placeholder becomes, or null when the value is missing. */
export function placeholderValues(
  values: ReplyValues,
  options: FillOptions = {},
): Record<PlaceholderKey, string | null> {
  const date = (v: string | null | undefined) => (v ? formatDateJa(v, options.now) : null);
  const name = values.buyerName ? bareName(values.buyerName) : null;
  const tracking = text(values.trackingNumber);
  return {
    buyerName: name ? `${name}様` : null,
    orderNumber: text(values.orderNumber),
    items: itemList(values.items),
    itemsTotal: yen(values.itemsTotal),
    shippingFee: yen(values.shippingFee),
    total: yen(values.total),
    paymentDeadline: date(values.paymentDeadline),
    shipDate: date(values.shipDate),
    deliveryDate: date(values.deliveryDate),
    replyDate: date(values.replyDate),
    carrier: values.carrier ? carrierNamesJa[values.carrier] : null,
    trackingNumber: tracking,
    trackingLink: tracking ? trackingLinkText(values.carrier, tracking) : null,
    report: text(values.report),
    options: numbered(values.options),
    resolution: text(values.resolution),
    improvement: text(values.improvement),
    tip: text(values.tip),
    voucherCode: text(values.voucherCode),
    shopName: text(values.shopName),
    signature: text(values.signature),
  };
}

/**
 * Fills a template. The buyer placeholder always carries exactly one 様: a name stored as
 * "山田様" loses its own, and a template that writes `{{お客様名}}様` does not get a second one.
 * A placeholder without a value stays in the text as 【…】 and is listed in `missing`.
 */
export function fillTemplate(body: string, values: ReplyValues, options: FillOptions = {}): FillResult {
  const resolved = placeholderValues(values, options);
  const missing: FilledPlaceholder[] = [];
  const unknown = new Set<string>();
  let out = '';
  let last = 0;
  for (const m of body.matchAll(TEMPLATE_TOKEN)) {
    const at = m.index;
    out += body.slice(last, at);
    last = at + m[0].length;
    const key = placeholderKeyOf(m[1]!);
    if (!key) {
      unknown.add(m[1]!.trim());
      out += m[0];
      continue;
    }
    // The template's own 様 after the buyer's name is the one honorific the text gets.
    if (key === 'buyerName' && /^[\s\u3000]*(?:様|さま)/u.test(body.slice(last))) {
      last += /^[\s\u3000]*(?:様|さま)/u.exec(body.slice(last))![0].length;
    }
    const value = resolved[key];
    if (value === null) {
      const marker = key === 'buyerName' ? `${unfilledMarker(key)}様` : unfilledMarker(key);
      missing.push({ key, start: out.length, end: out.length + unfilledMarker(key).length });
      out += marker;
    } else out += value;
  }
  out += body.slice(last);
  return { text: out, missing, unknown: [...unknown] };
}

/** Values that make every default template read naturally, for the editor's live preview. */
export const sampleValues: ReplyValues = {
  buyerName: '山田 花子',
  orderNumber: 'x1234567890',
  items: [{ name: '手織りコースター 藍 5枚組', quantity: 1 }],
  itemsTotal: 2800,
  shippingFee: 230,
  total: 3030,
  paymentDeadline: '2026-11-27',
  shipDate: '2026-11-28',
  deliveryDate: '2026-11-30',
  replyDate: '2026-11-26',
  carrier: 'japanpost',
  trackingNumber: '1234-5678-9012',
  report:
    '日本郵便に調査を依頼したところ、お荷物は配送センターで保管されていることが分かりました。11月27日（金）に再配達される予定です。',
  options: [
    'このままお使いいただき、500円をご返金',
    '新しい商品と交換（こちらから先にお送りします）',
    'ご返品いただき、全額をご返金（送料は当店負担）',
  ],
  resolution: '新しい商品との交換',
  improvement: '発送前の検品を二人で行い、緩衝材を増やすようにいたしました。',
  tip: '藍染めは、陰干しで乾かしていただくと色が長持ちいたします。',
  voucherCode: 'THANKS-2026-YAMADA',
  shopName: 'はなまる雑貨店',
  signature: '――――――――――\nはなまる雑貨店\n担当：山田 太郎\nhanamaru@example.jp',
};
