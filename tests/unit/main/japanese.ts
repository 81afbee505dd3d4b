/**
 * Japanese script and Japanese punctuation / full-width marks (、「」（）・〜 and full-width letters),
 * as the renderer's no-inline-japanese test counts them.
 */
export const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** Every string anywhere in a menu template, message box options or nested object, with where it is. */
export function stringsIn(value: unknown, at = '$'): Array<{ at: string; text: string }> {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${at}.${k}`));
  }
  return [];
}

/** The strings holding any Japanese: [] when a text is wholly in another language. */
export const japaneseIn = (value: unknown): Array<{ at: string; text: string }> =>
  stringsIn(value).filter((s) => JAPANESE.test(s.text));
