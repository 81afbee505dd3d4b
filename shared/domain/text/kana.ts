import { sanitizeText, stripVariationSelectors, toWellFormed } from './clean';

// ァ (U+30A1) … ヶ (U+30F6) and ぁ (U+3041) … ゖ (U+3096) are parallel blocks 0x60 apart; ヽヾ / ゝゞ too.
// ヷヸヹヺ have no hiragana counterpart and are left alone.
const KATAKANA_OFFSET = 0x60;
const HALF_WIDTH_KATAKANA = /[\uFF61-\uFF9F]+/g;

/** Half-width katakana (ﾔﾏﾀﾞ) is widened first, so it converts like full-width katakana. */
function widenHalfWidthKatakana(s: string): string {
  return s.replace(HALF_WIDTH_KATAKANA, (run) => run.normalize('NFKC'));
}

/** Katakana → hiragana. Everything else (kanji, latin, the long vowel mark ー) is unchanged. */
export function toHiragana(s: string): string {
  return widenHalfWidthKatakana(toWellFormed(s)).replace(/[\u30A1-\u30F6\u30FD\u30FE]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - KATAKANA_OFFSET),
  );
}

/** Hiragana → katakana (half-width katakana is widened). Everything else is unchanged. */
export function toKatakana(s: string): string {
  return widenHalfWidthKatakana(toWellFormed(s)).replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + KATAKANA_OFFSET),
  );
}

/**
 * A key for matching readings: "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ" and "やまだ\u3000たろう" all give "やまだたろう".
 * NFKC, katakana → hiragana, every space (incl. U+3000) and the name separator ・ removed; the long vowel mark ー
 * is kept because it is part of the reading (ローソン ≠ ロソン). Case is kept: callers that match latin text
 * case-insensitively lower-case the key themselves.
 */
export function normalizeKana(s: string): string {
  const wide = stripVariationSelectors(sanitizeText(s)).normalize('NFKC');
  return toHiragana(wide).replace(/[\s・]+/g, '');
}
