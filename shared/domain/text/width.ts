import { toWellFormed } from './clean';

/**
 * Unicode NFKC: full-width digits, latin letters and punctuation become half-width (１２Ａ：→ 12A:), half-width
 * katakana becomes full-width with its voicing mark composed (ｶﾞ → ガ), the ideographic space becomes a space.
 * Lone surrogates become U+FFFD first so the result is always well-formed.
 */
export function normalizeWidth(s: string): string {
  return toWellFormed(s).normalize('NFKC');
}
