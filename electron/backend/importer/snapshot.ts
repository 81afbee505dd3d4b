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
 * Snapshot text is assembled as character codes in this buffer and made a string once per deal: a
 * re-import builds it for every deal of the file, and 19 concatenations per deal were most of its cost.
 * One part is a field letter, 9 fingerprint characters and a dot.
 */
const out = new Uint16Array(sourceFields.length * 11);

/**
 * A 54-bit fingerprint of a value (cyrb53, written as 9 characters of 6 bits). It only has to tell
 * "changed" from "same" for one field of one deal, where a collision is not a practical concern.
 * The stored snapshots of earlier imports depend on these exact characters: never change the hashing.
 * The hash is fed piece by piece (the same characters in the same order give the same hash), so item
 * lists and numbers are hashed without first being joined into strings.
 */
let h1 = 0;
let h2 = 0;

function begin(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

function feedCode(ch: number): void {
  h1 = Math.imul(h1 ^ ch, 2654435761);
  h2 = Math.imul(h2 ^ ch, 1597334677);
}

function feed(text: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** Finishes the hash and writes its 9 characters at `at`. */
function end(at: number): void {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  out[at] = DIGITS[a & 63]!;
  out[at + 1] = DIGITS[(a >>> 6) & 63]!;
  out[at + 2] = DIGITS[(a >>> 12) & 63]!;
  out[at + 3] = DIGITS[(a >>> 18) & 63]!;
  out[at + 4] = DIGITS[(a >>> 24) & 63]!;
  out[at + 5] = DIGITS[(b >>> 0) & 63]!;
  out[at + 6] = DIGITS[(b >>> 6) & 63]!;
  out[at + 7] = DIGITS[(b >>> 12) & 63]!;
  out[at + 8] = DIGITS[(b >>> 18) & 63]!;
}

/** Feeds a field's value: strings as they are, other values behind a NUL and a type mark. */
function feedValue(value: unknown): void {
  if (typeof value === 'string') return feed(value);
  feedCode(0);
  if (typeof value === 'number') {
    feedCode(110); // "n"
    feed(String(value));
  } else feed(value === null || typeof value === 'boolean' ? String(value) : String(JSON.stringify(value)));
}

const DOT = 46;

/** Starts one field's part ("a<hash>", after a dot unless first); returns where its hash goes. */
function open(length: number, field: number): number {
  if (length > 0) out[length++] = DOT;
  out[length] = 97 + field;
  begin();
  return length + 1;
}

/** Appends one field's part when the file provides the field. */
function part(length: number, field: number, value: unknown): number {
  if (value === undefined) return length;
  const at = open(length, field);
  feedValue(value);
  end(at);
  return at + 9;
}

/**
 * The fields this file provides for the deal, fingerprinted, as stored text (what serialise() of
 * fingerprints() gives, built directly: a re-import compares it for every deal of the file).
 * Arguments follow sourceFields' order.
 */
export function snapshotText(d: DraftDeal): string {
  let n = part(0, 0, d.orderedAt);
  if (d.items) {
    // Item names: "key\u0001name\u0001sku-or-\u0002\u0001quantity\u0003" per line, hashed as one text.
    let at = open(n, 1);
    for (const i of d.items) {
      feed(i.lineKey);
      feedCode(1);
      feed(i.name);
      feedCode(1);
      feed(i.sku ?? '\u0002');
      feedCode(1);
      feed(String(i.quantity));
      feedCode(3);
    }
    end(at);
    n = at + 9;
    // Files without prices (Amazon 未出荷) do not provide prices, so they never change them.
    if (d.items.every((i) => i.unitPrice !== null)) {
      at = open(n, 2);
      for (const i of d.items) {
        feed(i.lineKey);
        feedCode(1);
        feed(String(i.unitPrice));
        feedCode(3);
      }
      end(at);
      n = at + 9;
    }
  }
  const t = d.shipTo;
  n = part(n, 3, d.shippingFee);
  n = part(n, 4, d.fee);
  n = part(n, 5, t.name);
  n = part(n, 6, t.kana);
  n = part(n, 7, t.postalCode);
  n = part(n, 8, t.prefecture);
  n = part(n, 9, t.address1);
  n = part(n, 10, t.address2);
  n = part(n, 11, t.phone);
  n = part(n, 12, d.deliveryMethod);
  n = part(n, 13, d.notes);
  n = part(n, 14, d.buyer.handle);
  n = part(n, 15, d.paidAt);
  n = part(n, 16, d.shipped);
  n = part(n, 17, d.completedAt);
  n = part(n, 18, d.cancelled);
  return String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
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
