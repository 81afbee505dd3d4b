import { asText, DASH_CLASS } from './clean';
import { normalizeWidth } from './width';

const MAX_POSTAL_INPUT = 32;
// 〒 and its variants (〶 circled, 〠 "postal mark face"), optional "〒" written twice by a copy, then NNN-NNNN with
// any dash or space between the two groups, or seven digits in a row. Nothing else may be on the line.
const POSTAL = new RegExp(`^(?:[〒〶〠]\\s*)*(\\d{3})\\s*(?:${DASH_CLASS}\\s*)?(\\d{4})$`);

/**
 * "1234567" from "〒123-4567", "１２３－４５６７", "123ー4567", "123 4567" or "1234567"; null for anything else
 * (wrong digit count, the old 5-digit codes, extra text). Strict on purpose: a wrong postal code sends a parcel
 * astray, so a doubtful one must be seen, not guessed.
 */
export function normalizePostalCode(s: string): string | null {
  const text = asText(s);
  if (text.length > MAX_POSTAL_INPUT) return null;
  const m = POSTAL.exec(normalizeWidth(text).trim());
  return m ? `${m[1]}${m[2]}` : null;
}

/** "123-4567" for display and label CSVs (Excel drops the leading zero of "0600000" otherwise); null if invalid. */
export function formatPostalCode(s: string): string | null {
  const code = normalizePostalCode(s);
  return code === null ? null : `${code.slice(0, 3)}-${code.slice(3)}`;
}
