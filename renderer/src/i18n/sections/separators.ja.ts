/**
 * Punctuation placed between short facts on one line (Japanese, the source; `separators.en.ts` has the same
 * keys). The Japanese marks look out of place in English text, so they are words of the UI like any other.
 */
export const separatorsJa = {
  /** Between facts: "3回・¥12,000", "カナ・東京都". */
  dot: '・',
  /** Before a fact set apart from the ones before it: "｜最新の取引". */
  bar: '｜',
  /** Between the items of a list: "入金、発送". */
  list: '、',
  /** A name or excerpt quoted inside a sentence or a line. */
  quoted: '「{{text}}」',
  /** A thing followed by its name: "列の対応付け「楽天用」". */
  named: '{{text}}「{{name}}」',
  /** A remark after a name: "母（アーカイブ済み）". */
  aside: '{{text}}（{{aside}}）',
  /** Between the two ends of a range (dates). */
  range: '〜',
};
