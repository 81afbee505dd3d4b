import type { Marketplace } from '../marketplaces';
import { personKey } from '../search/key';
import { asText } from '../text/clean';
import { normalizePhone } from '../text/phone';
import { normalizePostalCode } from '../text/postal';

/**
 * What identifies a buyer across deals, marketplaces and years. Every identifier seen on a customer's deals
 * is kept against that customer, so automatic matching and the "possible duplicates" list work from the
 * same facts.
 */
export const identityKinds = ['platform', 'email', 'phone', 'name_postal'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/**
 * Marketplaces whose buyer handle is an account id that names one person for good (the Yahoo! JAPAN ID).
 * Elsewhere the handle is a display nickname that many buyers share (メルカリ "はなこ"), so it never
 * identifies anyone; it is still searchable as text on the deal.
 */
export const platformIdMarketplaces: readonly Marketplace[] = ['yahoo_auction', 'yahoo_auction_store'];

export interface IdentityKey {
  kind: IdentityKind;
  /** Only platform ids are per marketplace; '' for the others. */
  marketplace: string;
  value: string;
}

const MAX_IDENTITY = 254;

export function emailKey(email: string | null | undefined): string | null {
  const text = asText(email).normalize('NFKC').trim().toLowerCase();
  if (text.length < 3 || text.length > MAX_IDENTITY || !/^[^\s@]+@[^\s@]+$/.test(text)) return null;
  return text;
}

/**
 * Digits of a phone number, or null when too short to name one line: a partial number ("5678") must never
 * join two buyers.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = normalizePhone(asText(phone));
  return digits.length >= 10 && digits.length <= 15 ? digits : null;
}

export function platformKey(handle: string | null | undefined): string | null {
  const text = asText(handle).normalize('NFKC').trim().toLowerCase();
  return text === '' || text.length > MAX_IDENTITY ? null : text;
}

/** "1540015:やまだはなこ": the same name (or reading) at the same postal code. */
export function namePostalKey(postalCode: string | null | undefined, name: string | null | undefined) {
  const postal = normalizePostalCode(asText(postalCode));
  const key = personKey(name);
  if (postal === null || key === '') return null;
  const value = `${postal}:${key}`;
  return value.length > MAX_IDENTITY ? null : value;
}

/** The facts about a buyer that a deal, a CSV row or a member's edit can supply. */
export interface BuyerIdentityFacts {
  name?: string | null;
  kana?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  marketplace?: string | null;
  platformId?: string | null;
}

/** Every identity key these facts carry, strongest first (the order automatic matching trusts them in). */
export function identityKeys(facts: BuyerIdentityFacts): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const platform = platformKey(facts.platformId);
  if (
    platform !== null &&
    facts.marketplace &&
    (platformIdMarketplaces as readonly string[]).includes(facts.marketplace)
  ) {
    keys.push({ kind: 'platform', marketplace: facts.marketplace, value: platform });
  }
  const email = emailKey(facts.email);
  if (email !== null) keys.push({ kind: 'email', marketplace: '', value: email });
  const phone = phoneKey(facts.phone);
  if (phone !== null) keys.push({ kind: 'phone', marketplace: '', value: phone });
  const byName = namePostalKey(facts.postalCode, facts.name);
  if (byName !== null) keys.push({ kind: 'name_postal', marketplace: '', value: byName });
  const byKana = namePostalKey(facts.postalCode, facts.kana);
  if (byKana !== null && byKana !== byName)
    keys.push({ kind: 'name_postal', marketplace: '', value: byKana });
  return keys;
}

/**
 * Whether two records plausibly name the same person: the same name, the same reading, or one's name written
 * in kana equal to the other's reading. Used to refuse a phone-number match between, say, a husband and a
 * wife who share the landline.
 */
export function namesAgree(
  a: { name?: string | null; kana?: string | null },
  b: { name?: string | null; kana?: string | null },
): boolean {
  const aKeys = [personKey(a.name), personKey(a.kana)].filter((k) => k !== '');
  const bKeys = new Set([personKey(b.name), personKey(b.kana)].filter((k) => k !== ''));
  return aKeys.some((k) => bKeys.has(k));
}

/** Masked relay addresses (楽天, Amazon) are exact identifiers but meaningless as text to search within. */
export function isRelayEmail(email: string): boolean {
  return /@(?:pc\.fw\.rakuten\.ne\.jp|marketplace\.amazon\.co\.jp)$/.test(email);
}
