import { emailKey, namePostalKey, phoneKey, platformKey } from '../customers/identity';
import { asText, sanitizeText } from '../text/clean';
import { stripHonorifics } from '../text/name';
import { normalizePostalCode } from '../text/postal';
import { codePointLength, searchKey } from './key';

/**
 * Longest query searched as a substring. Nothing stored is longer than an item name (200 characters), and a
 * seller who pastes a whole buyer message wants the order number or e-mail in it, not a 10,000-character
 * substring: longer input is scanned for identifiers instead.
 */
export const MAX_SUBSTRING_QUERY = 100;
/** How many identifiers a pasted text may contribute; bounds the work a paste can cause. */
const MAX_EXTRACTED = 10;
/** Only this much of a paste is read at all. */
const MAX_SCANNED = 20_000;

export interface ParsedQuery {
  /** The whole query as a search key ('' when nothing searchable is left). */
  key: string;
  /** Code points in `key`: under 3 the trigram index cannot answer. */
  length: number;
  /** Whitespace-separated words as keys, when there are two or more (e.g. "山田 マフラー"), each once, in order. */
  terms: string[];
  /** Exact identifiers to look up, each already in its stored form. */
  emails: string[];
  phones: string[];
  platformIds: string[];
  /** "1540015": customers with this postal code. */
  postalCodes: string[];
  /** "1540015:やまだはなこ" from "〒154-0015 山田花子". */
  namePostal: string[];
  /** Candidates for an order number, as typed (NFKC) and case variants. */
  orderNumbers: string[];
  /** True when the input was too long to be one search term and was scanned for identifiers instead. */
  scanned: boolean;
}

// Runs of the characters identifiers are made of. One linear pass, no nested quantifiers: a 20,000-character
// paste cannot make it backtrack.
const ASCII_RUN = /[A-Za-z0-9@._+-]+/g;
// Order and tracking numbers: letters, digits and inner hyphens, with at least one digit.
const CODE = /^[a-z0-9][a-z0-9-]{4,38}[a-z0-9]$/i;

const uniq = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => v !== null && v !== ''))].slice(0, MAX_EXTRACTED);

/**
 * Reads what a seller typed into the quick-lookup box: the text as a substring key, plus every exact identifier
 * it could be (an e-mail, a phone number in any format, a postal code alone or with a name, an order number,
 * a Yahoo! ID). Never throws; anything is a query, and SQL or FTS syntax in it is just text.
 */
export function parseQuery(input: string): ParsedQuery {
  const raw = sanitizeText(asText(input).slice(0, MAX_SCANNED)).normalize('NFKC').trim();
  const compact = raw.replace(/\s+/g, ' ');
  if (codePointLength(compact) > MAX_SUBSTRING_QUERY) return scanForIdentifiers(compact);

  const words = compact.split(' ').filter((w) => w !== '');
  const nameKeyed = stripHonorifics(compact);
  const key = searchKey(nameKeyed);
  // Every word, not the first MAX_EXTRACTED: a filter that dropped the eleventh word would show more than asked.
  // The query's length bounds them (at most 50 words in 100 characters).
  const terms =
    words.length > 1
      ? [...new Set(words.map((w) => searchKey(stripHonorifics(w))))].filter((t) => t !== '')
      : [];

  const namePostal: (string | null)[] = [];
  const postalCodes: (string | null)[] = [normalizePostalCode(compact)];
  if (words.length > 1) {
    // "〒154-0015 山田 花子" or "山田花子 1540015": a postal code at either end, a name in the rest.
    const first = normalizePostalCode(words[0] ?? '');
    const last = normalizePostalCode(words[words.length - 1] ?? '');
    if (first !== null) namePostal.push(namePostalKey(first, words.slice(1).join(' ')));
    if (last !== null) namePostal.push(namePostalKey(last, words.slice(0, -1).join(' ')));
    // "〒 154-0015" splits into two words; the postal code alone is still a postal code.
    postalCodes.push(first, last);
  }

  const single = words.length === 1 ? compact : null;
  const phone = /^[+\d\s()\-‐‑‒–—―−ー]+$/.test(compact) ? phoneKey(compact) : null;
  return {
    key,
    length: codePointLength(key),
    terms,
    emails: uniq([emailKey(compact)]),
    phones: uniq([phone]),
    platformIds: uniq([single !== null && /^[\w.-]{3,64}$/.test(single) ? platformKey(single) : null]),
    postalCodes: uniq(postalCodes),
    namePostal: uniq(namePostal),
    orderNumbers:
      single !== null && single.length <= 100
        ? uniq([single, single.toLowerCase(), single.toUpperCase()])
        : [],
    scanned: false,
  };
}

function scanForIdentifiers(text: string): ParsedQuery {
  const runs = [...text.matchAll(ASCII_RUN)].map((m) => m[0].replace(/^[._+-]+|[._+-]+$/g, ''));
  const emails: (string | null)[] = [];
  const phones: (string | null)[] = [];
  const postalCodes: (string | null)[] = [];
  const codes: string[] = [];
  for (const run of runs) {
    if (run.length > 254) continue;
    if (run.includes('@')) emails.push(emailKey(run));
    else if (/^\d{3}-\d{4}$/.test(run)) postalCodes.push(normalizePostalCode(run));
    else if (/^\+?[\d-]{10,}$/.test(run)) phones.push(phoneKey(run));
    if (!run.includes('@') && CODE.test(run) && /\d/.test(run)) codes.push(run);
  }
  return {
    key: '',
    length: 0,
    terms: [],
    emails: uniq(emails),
    phones: uniq(phones),
    platformIds: [],
    postalCodes: uniq(postalCodes),
    namePostal: [],
    orderNumbers: uniq(codes),
    scanned: true,
  };
}
