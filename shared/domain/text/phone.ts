import { asText } from './clean';
import { normalizeWidth } from './width';

// Longer than any real phone number with its decorations; beyond this the input is not a phone number, and we
// avoid normalising a 100 kB string only to throw the result away.
const MAX_PHONE_INPUT = 64;

/**
 * Digits only, for storage and matching: "０９０−１２３４−５６７８", "090 1234 5678" and "+81 90-1234-5678" all give
 * "09012345678". Any separator (every dash variant, spaces, brackets, dots) is dropped. A leading +81 (Japan's
 * country code, also written "+81 (0)3 …") becomes the domestic leading 0. Text that is too long to be a phone
 * number gives ''. The result is not validated: see {@link isJapanesePhoneNumber}.
 */
export function normalizePhone(s: string): string {
  const text = asText(s);
  if (text.length > MAX_PHONE_INPUT) return '';
  const wide = normalizeWidth(text).trim();
  const international = /^[([]?\s*\+\s*81/.test(wide);
  const digits = wide.replace(/\D/g, '');
  if (!international) return digits;
  // After the country code, a trunk 0 written in brackets ("+81 (0)90") must not be doubled.
  const national = digits.slice(2).replace(/^0/, '');
  return national === '' ? '' : `0${national}`;
}

/**
 * A plausible domestic number, digits only: 11 digits for 0X0 numbers (070/080/090 mobiles, 050 IP, 020, 0800),
 * 10 digits for 0120 / 0570 / 0990 and for landlines (0 + area code + number, the third digit never 0).
 * Catches the usual typo (a mobile number one digit short); it does not check that the number exists.
 */
export function isJapanesePhoneNumber(digits: string): boolean {
  return /^(?:0[2-9]0\d{8}|0(?:120|570|990)\d{6}|0[1-9][1-9]\d{7})$/.test(asText(digits));
}

/**
 * Hyphenated for display: mobiles, IP and 0800 numbers 3-4-4 or 4-3-4, 0120/0570 4-3-3, Tokyo (03) and Osaka (06)
 * 2-4-4, other landlines 3-3-4. Area codes of 4 or 5 digits exist (0466, 04992 …) and would need the whole
 * numbering-plan table; 3-3-4 is a readable best effort for them. Anything else is returned as plain digits.
 */
export function formatPhone(s: string): string {
  const d = normalizePhone(s);
  // 0800 first: it would otherwise read as an 080 mobile.
  if (/^0800\d{7}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (/^0[2-9]0\d{8}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (/^0(?:120|570)\d{6}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (/^0[36]\d{8}$/.test(d)) return `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`;
  if (/^0\d{9}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return d;
}
