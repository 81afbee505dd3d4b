import { DASH_CLASS } from '../text/clean';
import { normalizePostalCode } from '../text/postal';
import { splitPrefecture, PREFECTURES } from '../text/prefecture';
import type { Prefecture } from '../text/prefecture';

export interface ParsedAddress {
  postalCode?: string;
  /** The postal code as written, when it was present but not 7 digits. */
  badPostalCode?: string;
  prefecture?: Prefecture;
  address1?: string;
  address2?: string;
}

const DASH_BETWEEN_DIGITS = new RegExp(`(\\d)\\s*${DASH_CLASS}\\s*(?=\\d)`, 'g');
// "〒123-4567", "〒1234567", "〒 123ｰ4567" and, without 〒, a leading "123-4567" (the 取引ナビ box often drops it).
// The dash class goes first inside the brackets so its leading '-' stays a literal.
const LEADING_POSTAL = new RegExp(
  `^(?:[〒〶〠]\\s*)+([${DASH_CLASS.slice(1, -1)}\\d\\s]{1,12})|^(\\d{3}-\\d{4})(?!\\d)`,
);
const BUILDING_WORDS =
  /マンション|ハイツ|コーポ|アパート|ビル|荘|号室|レジデンス|メゾン|ハウス|パレス|タワー|コート|ヒルズ|ハイム|カーサ|プラザ|階|棟|寮|団地|住宅|[0-9]F$/;
// Words of the page around the address box; a line carrying them is not part of an address.
const NOT_ADDRESS = /円|送料|方法|状況|取引|落札|評価|メッセージ|連絡|電話|TEL|様$|さま$|殿$/i;
// A status or message date right after the address ("12月26日 21時 30分") has digits but is no room number.
const DATE_LIKE = /\d+月\d+日|\d+時|\d{1,2}:\d{2}/;
const MAX_ADDRESS_LINE = 120;

/** Japanese house numbers are written with any dash ("3ー12ー5", "3−12−5"); store them as "3-12-5". */
export function normalizeAddressDashes(s: string): string {
  return s.replace(DASH_BETWEEN_DIGITS, '$1-');
}

export function startsWithPrefecture(line: string): boolean {
  return PREFECTURES.some((p) => line.startsWith(p));
}

/** A line that can only be an address: it starts with 〒 / a postal code, or with a prefecture. */
export function looksLikeAddressStart(line: string): boolean {
  if (line.length > MAX_ADDRESS_LINE) return false;
  return LEADING_POSTAL.test(line) || startsWithPrefecture(line);
}

/** The line after a lone "〒123-4567": the address proper, with or without its prefecture. */
export function looksLikeAddressBody(line: string): boolean {
  if (line.length > MAX_ADDRESS_LINE) return false;
  return startsWithPrefecture(line) || (/[市区町村郡]/.test(line) && !NOT_ADDRESS.test(line));
}

/** "〒123-4567" with nothing after it. */
export function isPostalOnly(line: string): boolean {
  const m = LEADING_POSTAL.exec(line);
  return m !== null && line.slice(m[0].length).trim() === '';
}

/** A second or third line of an address: a building, a room, or the street part of a wrapped address. */
export function looksLikeAddressContinuation(line: string): boolean {
  if (line.length > 60 || NOT_ADDRESS.test(line) || DATE_LIKE.test(line)) return false;
  // A phone number alone on its line is digits too, but it is not a room number.
  if (/^[+\d\s()-]+$/.test(normalizeAddressDashes(line)) && line.replace(/\D/g, '').length >= 10)
    return false;
  return /\d/.test(line) || BUILDING_WORDS.test(line);
}

/**
 * Splits "世田谷区桜丘3-12-5 コーポ桜201" into the street address and the building. Only a space or a change from
 * a hyphenated house number to a name is taken as the boundary; without a house number in Arabic digits the
 * whole text stays in address1 (a wrong split on a label is worse than none).
 */
export function splitBuilding(rest: string): { address1: string; address2?: string } {
  const text = rest.trim();
  if (text.length > MAX_ADDRESS_LINE) return { address1: text };
  let seenDigit = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === ' ' && seenDigit) {
      const address2 = text.slice(i + 1).trim();
      if (address2 !== '') return { address1: text.slice(0, i).trim(), address2 };
    }
    if (ch >= '0' && ch <= '9') seenDigit = true;
  }
  // No space: "桜丘3-12-5コーポ桜201". The house number must have a hyphen, and what follows must be a name,
  // not 号 / 番 / 丁目 or the の of "3-12-5の2".
  const glued = /^([^\d]*\d+(?:-\d+)+)([^\d\s\-号番丁の].+)$/.exec(text);
  if (glued?.[1] && glued[2]) return { address1: glued[1], address2: glued[2] };
  // "1丁目2番3号コーポ桜201": after 号, unless it is the 号室 of a room number.
  const afterGo = /^(\S*?\d+号)([^\d\s室].+)$/.exec(text);
  if (afterGo?.[1] && afterGo[2]) return { address1: afterGo[1], address2: afterGo[2] };
  return { address1: text };
}

/**
 * Reads address lines already cut out of the paste: the first may start with 〒 and the postal code, the rest
 * continue the address. Returns what could be read; `badPostalCode` when a 〒 code is not 7 digits.
 */
export function parseAddressLines(lines: readonly string[]): ParsedAddress {
  const parts = lines.map((l) => normalizeAddressDashes(l.trim())).filter((l) => l !== '');
  const result: ParsedAddress = {};
  if (parts.length === 0) return result;

  const first = parts[0] as string;
  const postal = LEADING_POSTAL.exec(first);
  if (postal) {
    const written = (postal[1] ?? postal[2] ?? '').trim();
    // A code glued to the address ("〒1234567東京都…") stops at the first non-digit, so the capture is exact.
    const code = normalizePostalCode(written);
    if (code === null) result.badPostalCode = written;
    else result.postalCode = code;
    const remainder = first.slice(postal[0].length).trim();
    if (remainder === '') parts.shift();
    else parts[0] = remainder;
  }
  if (parts.length === 0) return result;

  // The last line is the building when it reads like one and there is a street line before it.
  let building: string | undefined;
  if (parts.length >= 2) {
    const last = parts[parts.length - 1] as string;
    const street = parts.slice(0, -1).join('');
    if (/\d/.test(street) || BUILDING_WORDS.test(last)) {
      building = last;
      parts.pop();
    }
  }
  const { prefecture, rest } = splitPrefecture(parts.join(''));
  if (prefecture !== null) result.prefecture = prefecture;
  if (building === undefined) {
    const split = splitBuilding(rest);
    if (split.address1 !== '') result.address1 = split.address1;
    if (split.address2 !== undefined) result.address2 = split.address2;
  } else {
    if (rest !== '') result.address1 = rest;
    result.address2 = building;
  }
  return result;
}
