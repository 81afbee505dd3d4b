/**
 * Punctuation placed between short facts on one line (Japanese, the source; `separators.en.ts` has the same
 * keys). The Japanese marks look out of place in English text, so they are words of the UI like any other.
 */
export const separatorsJa = {
  /** Between facts: "3回・¥12,000", "カナ・東京都". */
  dot: '・',
  /** Before a fact set apart from the ones before it: "｜最新の取引". */
  bar: '｜',
};
