/**
 * Low-level clean-up shared by every normaliser. Text reaches us from pastes, CSV files and IPC, so it may be
 * malformed UTF-16 or carry invisible characters that make two equal-looking strings differ.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 and C1 controls except TAB, LF and CR, which carry structure in pasted text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: invisible on screen, so a seller can never
// tell why "山田" does not match "山\u200B田".
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Variation selectors (incl. the ideographic ones used for 葛󠄀 / 辻󠄀): the base character is the same name.
const VARIATION_SELECTOR = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

/** Anything that is not a string (a hostile IPC payload, `undefined` from a missing CSV cell) counts as ''. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Replaces lone surrogates with U+FFFD, so later steps always see well-formed UTF-16. */
export function toWellFormed(s: string): string {
  return asText(s).replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Makes text safe to store and compare: well-formed UTF-16, no control characters other than TAB/LF/CR,
 * no zero-width characters. Does not change width or case.
 */
export function sanitizeText(s: string): string {
  return toWellFormed(s).replace(CONTROL, '').replace(INVISIBLE, '');
}

/** Drops variation selectors: for matching, 葛 with or without an ideographic variant is the same character. */
export function stripVariationSelectors(s: string): string {
  return s.replace(VARIATION_SELECTOR, '');
}

/**
 * Everything people type where a hyphen is meant: ASCII, the Unicode hyphens and dashes (‐‑‒–—―), minus sign,
 * the katakana long vowel mark (a frequent IME slip in "123ー4567"), full- and half-width forms and box-drawing lines.
 */
export const DASH_CLASS =
  '[-\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF70\\u2043\\uFE63\\uFE58\\u2500\\u2501\\u02D7\\u2796]';
