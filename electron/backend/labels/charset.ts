import { sanitizeText, stripVariationSelectors } from '../../../shared/domain/text';
import { isJisX0208 } from './cp932';

/**
 * Look-alikes for characters outside JIS X 0208 that sellers meet in real names and addresses (IBM
 * extension kanji, the wave dash and dashes as Unicode spells them, the pound and cent signs). The
 * label software cannot print the originals; these replacements read the same on a parcel.
 */
const FALLBACK: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  𠮷: '吉',
  德: '徳',
  曻: '昇',
  瀨: '瀬',
  濵: '濱',
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～ (what CP932 holds at 0x8160)
  '\u2016': '\u2225', // ‖ → ∥
  '\u2212': '\uff0d', // − MINUS SIGN → －
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00a2': '\uffe0',
  '\u00a3': '\uffe1',
  '\u00ac': '\uffe2',
};

export interface LabelText {
  text: string;
  /** Characters swapped for a printable look-alike (a warning: the label still goes out). */
  replaced: { from: string; to: string }[];
  /** Characters that cannot be printed at all (emoji, rare kanji): the field must be fixed first. */
  invalid: string[];
}

/**
 * Prepares one field for a label file: one line, NFKC (full-width ASCII and half-width kana become the
 * forms carriers expect, ㈱ becomes (株)), then every character checked against JIS X 0208.
 */
export function toLabelText(value: string | null | undefined): LabelText {
  const single = stripVariationSelectors(sanitizeText(value ?? ''))
    .replace(/[\t\r\n]+/g, ' ')
    .normalize('NFKC')
    .trim();
  const replaced: LabelText['replaced'] = [];
  const invalid: string[] = [];
  let text = '';
  for (const ch of single) {
    if (isJisX0208(ch.codePointAt(0)!)) {
      text += ch;
      continue;
    }
    const swap = FALLBACK[ch];
    if (swap !== undefined) {
      replaced.push({ from: ch, to: swap });
      text += swap;
    } else {
      invalid.push(ch);
      text += ch;
    }
  }
  return { text, replaced, invalid: [...new Set(invalid)] };
}
