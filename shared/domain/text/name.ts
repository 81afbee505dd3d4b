import { sanitizeText, stripVariationSelectors, toWellFormed } from './clean';

// Longest first so "御中" wins over a shorter suffix; さん/サン are how buyers are addressed in 取引ナビ.
const HONORIFICS = ['御中', 'さま', 'サマ', 'さん', 'サン', '様', '殿'] as const;

/**
 * Removes one trailing honorific (様, さま, サマ, 殿, 御中, さん, サン) and the spaces before it:
 * "山田 太郎 様" → "山田 太郎". Never returns '' for a non-empty name (a lone "様" stays), and keeps 殿 when only
 * one character would remain and no space separates it, because 鵜殿 is a surname.
 */
export function stripHonorifics(name: string): string {
  // endsWith + trimEnd rather than /\s*(様|…)$/: that regex backtracks quadratically on long runs of spaces.
  const text = toWellFormed(name).trim();
  const honorific = HONORIFICS.find((h) => text.endsWith(h));
  if (honorific === undefined) return text;
  const before = text.slice(0, text.length - honorific.length);
  const rest = before.trimEnd();
  if (rest === '') return text;
  if (honorific === '殿' && rest === before && [...rest].length < 2) return text;
  return rest;
}

/**
 * A name as stored and matched: NFKC (full-width latin and half-width kana fixed), invisible characters and
 * variation selectors dropped, every run of spaces (incl. U+3000) collapsed to one, trailing honorific removed.
 */
export function normalizeName(s: string): string {
  const text = stripVariationSelectors(sanitizeText(s)).normalize('NFKC');
  return stripHonorifics(text.replace(/\s+/g, ' ').trim());
}
