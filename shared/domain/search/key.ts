import { asText, sanitizeText, stripVariationSelectors } from '../text/clean';
import { toHiragana } from '../text/kana';
import { normalizeName } from '../text/name';

// Hyphens and dashes people type inside order numbers, tracking numbers and product codes ("T-シャツ",
// "250-1234567-…"). Unlike DASH_CLASS this leaves out the long vowel mark ー: it is part of a reading
// (ローソン ≠ ロソン), and the half-width ｰ has already become ー under NFKC.
const DASHES = /[-\u2010-\u2015\u2212\u2043\uFE58\uFE63\u2500\u2501\u02D7\u2796]/g;
const SPACES = /[\s・]+/g;
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/**
 * The one form that both searchable text and queries are reduced to, so that what a seller types matches
 * what is stored however either was written: NFKC (full/half width), latin lower-cased, katakana as
 * hiragana, every space (incl. U+3000), ・ and hyphen removed. "ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ\u3000はなこ" and "ヤマダハナコ"
 * all give "やまだはなこ"; "２５０－１２３４" gives "2501234". Invisible characters and variation selectors go.
 */
export function searchKey(s: string): string {
  const text = asText(s);
  // Order numbers, e-mails and digits are plain ASCII: skip the Unicode work (this runs a million times
  // when the index is rebuilt).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(SPACES, '').replace(DASHES, '');
  const wide = stripVariationSelectors(sanitizeText(text)).normalize('NFKC');
  return toHiragana(wide).toLowerCase().replace(SPACES, '').replace(DASHES, '');
}

/**
 * A person's name as a matching key: honorifics (様, さん, 殿 …) dropped, then {@link searchKey}. A name
 * written in kana and its reading give the same key, so "ヤマダ ハナコ 様" and the reading "やまだ はなこ" agree.
 */
export function personKey(name: string | null | undefined): string {
  if (!name) return '';
  return searchKey(normalizeName(name));
}

/** Length in code points: an emoji is one character for the trigram index, though two UTF-16 units. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
