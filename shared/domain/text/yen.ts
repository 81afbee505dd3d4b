import { asText } from './clean';
import { normalizeWidth } from './width';

export interface ParseYenOptions {
  /** Accept "-1,500", "−1500円", "▲1,500" (accounting style). Refused by default: prices and fees are never negative. */
  allowNegative?: boolean;
  /** Accept "1500.00" (some reports) and round half away from zero. Refused by default: yen has no fractions. */
  allowDecimal?: boolean;
}

/** Ten to the twelfth yen: far above any sale, far below the 2^53 where integers stop being exact. */
export const MAX_YEN = 1_000_000_000_000;
const MAX_YEN_INPUT = 64;

// After NFKC: optional sign (ASCII, minus sign, dashes, ▲/△ of Japanese accounting) before or after the yen mark
// (¥, or the backslash that CP932 fonts draw as ¥), digits with correct 3-digit comma groups or none, optional
// fraction, optional 円 and an optional "(税込)" note. Anchored and length-capped, so no backtracking blow-up.
const SIGN = '[-\\u2212\\u2012\\u2013\\u25B2\\u25B3]';
const YEN = new RegExp(
  `^(${SIGN})?\\s*[¥\\\\]?\\s*(${SIGN})?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*円?\\s*(?:\\(税込み?\\))?$`,
);

/**
 * Integer yen from "1,500円", "￥１，５００", "¥1500", "1500 円", "1,500円(税込)"; null for anything else:
 * empty, words, misplaced commas ("15,00"), decimals and negatives unless allowed, values above 10^12.
 */
export function parseYen(s: string, options: ParseYenOptions = {}): number | null {
  const text = asText(s);
  if (text.length > MAX_YEN_INPUT) return null;
  const m = YEN.exec(normalizeWidth(text).trim());
  if (!m) return null;
  const [, signBefore, signAfter, whole = '', fraction] = m;
  if (signBefore !== undefined && signAfter !== undefined) return null;
  const negative = signBefore !== undefined || signAfter !== undefined;
  if (negative && !options.allowNegative) return null;
  if (fraction !== undefined && !options.allowDecimal) return null;
  const digits = whole.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 13) return null;
  let value = Number(digits);
  if (fraction !== undefined && fraction.charCodeAt(0) >= 0x35 /* '5' */) value += 1;
  if (value > MAX_YEN) return null;
  return negative && value !== 0 ? -value : value;
}
