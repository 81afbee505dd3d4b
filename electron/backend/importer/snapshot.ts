import type { DraftDeal } from '../../../shared/domain/import';

/**
 * The source fields of a deal, keyed by the names members' edits use in deals.edited_fields
 * ("shipTo.address2", "items", …; item prices count as "items" for edits). After each import a
 * fingerprint of every field the file provided is stored per deal, so the next import can tell which
 * fields the marketplace changed since, without keeping a second copy of the data.
 */
export const sourceFields = [
  'orderedAt',
  'items',
  'itemPrices',
  'shippingFee',
  'fee',
  'shipTo.name',
  'shipTo.kana',
  'shipTo.postalCode',
  'shipTo.prefecture',
  'shipTo.address1',
  'shipTo.address2',
  'shipTo.phone',
  'deliveryMethod',
  'notes',
  'buyerHandle',
  'paidAt',
  'shipped',
  'completedAt',
  'cancelled',
] as const;
export type SourceField = (typeof sourceFields)[number];

/** Field → fingerprint of its value as the file stated it. */
export type Snapshot = Map<SourceField, string>;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';
const DIGITS = Array.from(ALPHABET, (c) => c.charCodeAt(0));

/**
 * A 54-bit fingerprint of a value (cyrb53, written as 9 characters of 6 bits). It only has to tell
 * "changed" from "same" for one field of one deal, where a collision is not a practical concern. Runs
 * for every field of every imported deal, so it avoids Number#toString and other slow paths.
 */
function fingerprint(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? `\u0000n${value}`
        : value === null
          ? '\u0000null'
          : typeof value === 'boolean'
            ? `\u0000${value}`
            : `\u0000${JSON.stringify(value)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // One string built from nine character codes, not eight concatenations.
  return String.fromCharCode(
    DIGITS[h1 & 63]!,
    DIGITS[(h1 >>> 6) & 63]!,
    DIGITS[(h1 >>> 12) & 63]!,
    DIGITS[(h1 >>> 18) & 63]!,
    DIGITS[(h1 >>> 24) & 63]!,
    DIGITS[(h2 >>> 0) & 63]!,
    DIGITS[(h2 >>> 6) & 63]!,
    DIGITS[(h2 >>> 12) & 63]!,
    DIGITS[(h2 >>> 18) & 63]!,
  );
}

/** Appends one field's part to a snapshot text ("a<hash>"), when the file provides the field. */
function part(text: string, field: number, value: unknown): string {
  if (value === undefined) return text;
  const piece = String.fromCharCode(97 + field) + fingerprint(value);
  return text === '' ? piece : `${text}.${piece}`;
}

/**
 * The fields this file provides for the deal, fingerprinted, as stored text (what serialise() of
 * fingerprints() gives, built directly: a re-import compares it for every deal of the file).
 * Arguments follow sourceFields' order.
 */
export function snapshotText(d: DraftDeal): string {
  let s = part('', 0, d.orderedAt);
  if (d.items) {
    let names = '';
    let prices = '';
    let priced = true;
    for (const i of d.items) {
      names += `${i.lineKey}\u0001${i.name}\u0001${i.sku ?? '\u0002'}\u0001${i.quantity}\u0003`;
      if (i.unitPrice === null) priced = false;
      else prices += `${i.lineKey}\u0001${i.unitPrice}\u0003`;
    }
    s = part(s, 1, names);
    // Files without prices (Amazon 未出荷) do not provide prices, so they never change them.
    if (priced) s = part(s, 2, prices);
  }
  const t = d.shipTo;
  s = part(s, 3, d.shippingFee);
  s = part(s, 4, d.fee);
  s = part(s, 5, t.name);
  s = part(s, 6, t.kana);
  s = part(s, 7, t.postalCode);
  s = part(s, 8, t.prefecture);
  s = part(s, 9, t.address1);
  s = part(s, 10, t.address2);
  s = part(s, 11, t.phone);
  s = part(s, 12, d.deliveryMethod);
  s = part(s, 13, d.notes);
  s = part(s, 14, d.buyer.handle);
  s = part(s, 15, d.paidAt);
  s = part(s, 16, d.shipped);
  s = part(s, 17, d.completedAt);
  return part(s, 18, d.cancelled);
}

/** The fields this file provides for the deal, fingerprinted. */
export function fingerprints(d: DraftDeal): Snapshot {
  return parseSnapshot(snapshotText(d)) ?? new Map();
}

const code = (i: number) => String.fromCharCode(97 + i);

/** "a<hash>.b<hash>…" in field order: compact (a deal's row stays small) and comparable as a string. */
export function serialise(s: Snapshot): string {
  const parts: string[] = [];
  sourceFields.forEach((f, i) => {
    const h = s.get(f);
    if (h !== undefined) parts.push(code(i) + h);
  });
  return parts.join('.');
}

export function parseSnapshot(text: string | null | undefined): Snapshot | null {
  if (!text) return null;
  const s: Snapshot = new Map();
  for (const part of text.split('.')) {
    const field = sourceFields[part.charCodeAt(0) - 97];
    if (field && part.length > 1) s.set(field, part.slice(1));
  }
  return s;
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
