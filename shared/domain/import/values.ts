/**
 * Value normalisers for imported cells. Each returns either a value or the code of what is wrong, so
 * the caller can attach line and column. Marketplaces and Excel write full-width digits, yen signs,
 * thousands separators and Japanese punctuation; all of them end up as plain values here.
 */
import { PREFECTURES } from '../text/prefecture';

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, params?: Record<string, string | number>): Parsed<never> =>
  params ? { ok: false, code, params } : { ok: false, code };

/** Largest amount accepted, in yen (the ledger's own limit). */
export const MAX_YEN = 1_000_000_000;
export const MAX_QUANTITY = 100_000;

/** Header names compare loosely: width, case, spaces and a stray BOM do not matter. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s\u200B]+/g, '')
    .toLowerCase();
}

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f]| {2}/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** One line of text: newlines and tabs become spaces, other control characters are dropped. */
export function singleLine(value: string): string {
  // Most cells are clean; test once before rewriting (this runs for millions of cells).
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Multi-line text (notes): keeps line breaks as \n, drops other control characters. */
export function multiLine(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .trim()
  );
}

/**
 * Text NFKC leaves as it is (ASCII, hiragana, full-width katakana, common kanji) in single-spaced
 * words: most names and addresses, which then skip normalisation.
 */
const ALREADY_NORMAL =
  /^[\x21-\x7E\u3041-\u3096\u30A1-\u30FA\u30FC\u3005\u4E00-\u9FFF]+(?: [\x21-\x7E\u3041-\u3096\u30A1-\u30FA\u30FC\u3005\u4E00-\u9FFF]+)*$/;

/** Names, kana and addresses: NFKC turns half-width katakana and full-width digits into one form. */
export function personText(value: string): string {
  if (ALREADY_NORMAL.test(value)) return value;
  return singleLine(value.normalize('NFKC')).replace(/\s+/g, ' ');
}

/** Joins name parts (姓, 名) with one space, skipping empty parts. */
export function joinName(...parts: (string | undefined)[]): string {
  return parts
    .map((p) => (p === undefined ? '' : personText(p)))
    .filter(Boolean)
    .join(' ');
}

const DIGITS = /^\d+$/;
const PLAIN_YEN = /^(?:0|[1-9]\d{0,9}|[1-9]\d{0,2}(?:,\d{3}){1,3})$/;

/**
 * Yen amounts: "1,234", "￥１，２３４", "1234円", "¥ 1,234", "1234.00", "△500" / "▲500" (minus, as
 * Japanese accounting writes it). Fractions of a yen are refused rather than rounded silently.
 */
export function parseYen(raw: string): Parsed<number | null> {
  // Fast path for the usual "2980" and "2,980" (this runs for every item row).
  if (PLAIN_YEN.test(raw)) {
    const value = Number(raw.length > 3 ? raw.replace(/,/g, '') : raw);
    if (value <= MAX_YEN) return ok(value);
  }
  let s = raw.normalize('NFKC').trim();
  if (s === '') return ok(null);
  let negative = false;
  if (/^[-−‐△▲]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/[¥￥\\円,\s]/g, '').replace(/^JPY/i, '');
  // "¥-500": the sign after the currency mark. One sign only: "--5" is not an amount.
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!match) return bad('amount_invalid', { value: raw.slice(0, 40) });
  if (match[2] && /[1-9]/.test(match[2])) return bad('amount_fraction', { value: raw.slice(0, 40) });
  const digits = match[1]!.replace(/^0+(?=\d)/, '');
  if (digits.length > 10 || Number(digits) > MAX_YEN) return bad('amount_too_large', { max: MAX_YEN });
  const value = Number(digits);
  return ok(negative && value !== 0 ? -value : value);
}

/** Item quantities: whole numbers 1..100,000 ("２", "2個", "2.0" are fine). */
export function parseQuantity(raw: string): Parsed<number | null> {
  if (/^[1-9]\d{0,4}$/.test(raw)) return ok(Number(raw));
  const s = raw
    .normalize('NFKC')
    .trim()
    .replace(/[個点本枚,\s]/g, '')
    .replace(/\.0+$/, '');
  if (s === '') return ok(null);
  if (!DIGITS.test(s) || s.length > 7)
    return bad('quantity_invalid', { value: raw.slice(0, 40), max: MAX_QUANTITY });
  const n = Number(s);
  if (n < 1 || n > MAX_QUANTITY)
    return bad('quantity_invalid', { value: raw.slice(0, 40), max: MAX_QUANTITY });
  return ok(n);
}

/** 〒123-4567, １２３４５６７, 123 4567 → "1234567". */
export function parsePostal(raw: string): Parsed<string | null> {
  const s = raw.normalize('NFKC').replace(/[〒\s\-‐‑‒–—―−ー]/g, '');
  if (s === '') return ok(null);
  if (!/^\d{7}$/.test(s)) return bad('postal_invalid', { value: raw.slice(0, 40) });
  return ok(s);
}

/**
 * Phone numbers as digits only, the form the ledger stores. "+81 90-…" (Amazon) becomes "090…" so
 * the same buyer matches across marketplaces.
 */
export function parsePhone(raw: string): Parsed<string | null> {
  let s = raw.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー().（）]/g, '');
  if (s === '') return ok(null);
  if (/^\+81\d{9,10}$/.test(s)) s = `0${s.slice(3)}`;
  else if (/^81\d{9,10}$/.test(s) && !s.startsWith('810')) s = `0${s.slice(2)}`;
  if (!/^\+?\d{6,15}$/.test(s)) return bad('phone_invalid', { value: raw.slice(0, 40) });
  return ok(s);
}

/** Phone split over three columns (楽天: 電話番号1/2/3). */
export function joinPhone(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p.trim() !== '').join('-');
}

export function parseEmail(raw: string): Parsed<string | null> {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s === '') return ok(null);
  if (s.length > 254 || !/^[^\s@",;<>]+@[^\s@",;<>]+\.[^\s@",;<>]+$/.test(s)) {
    return bad('email_invalid', { value: raw.slice(0, 60) });
  }
  return ok(s);
}

/** The 47 prefectures, from the shared Japanese text rules (one list for the whole app). */
export const prefectures = PREFECTURES;

/**
 * Splits one-column addresses ("〒154-0015 東京都世田谷区…", as minne, Creema and ヤフオク!ストア write
 * them) into postal code, prefecture and the rest. Parts that are not there come back undefined.
 */
export function splitAddress(raw: string): { postal?: string; prefecture?: string; rest: string } {
  let s = personText(raw);
  let postal: string | undefined;
  const postalMatch = /^〒?\s*(\d{3})-?(\d{4})\s*/.exec(s);
  if (postalMatch) {
    postal = `${postalMatch[1]}${postalMatch[2]}`;
    s = s.slice(postalMatch[0].length);
  }
  const prefecture = prefectures.find((p) => s.startsWith(p));
  if (prefecture) s = s.slice(prefecture.length).trim();
  return { postal, prefecture, rest: s };
}

/** Carrier names and codes as marketplaces write them (楽天 legacy uses 1001…). */
export function parseCarrier(raw: string): 'yamato' | 'japanpost' | 'sagawa' | 'other' | null {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;
  if (/ヤマト|クロネコ|宅急便|ネコポス|yamato|kuroneko|^1001$/.test(s)) return 'yamato';
  if (/佐川|飛脚|sagawa|^1002$/.test(s)) return 'sagawa';
  if (/郵便|ゆうパ|ゆうメ|クリックポスト|レターパック|japan\s*post|^1003$/.test(s)) return 'japanpost';
  return 'other';
}
