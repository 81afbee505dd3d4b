import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  formatPostalCode,
  normalizeKana,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  normalizeWidth,
  parseYen,
  sanitizeText,
  splitPrefecture,
  stripHonorifics,
  toHiragana,
  toKatakana,
} from '../../../shared/domain/text';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hostile: [string, unknown][] = [
  ['empty', ''],
  ['spaces only', ' \u3000\t\n '],
  ['100,000 characters', 'ア'.repeat(100_000)],
  ['100,000 spaces then 様', ' '.repeat(100_000) + '様'],
  ['100,000 digits', '9'.repeat(100_000)],
  ['emoji', '😀👨‍👩‍👧🇯🇵 山田'],
  ['control characters', '\u0000\u0001\u001b[31m\u007f\u0085山田'],
  ['lone high surrogate', '山\uD800田'],
  ['lone low surrogate', '\uDC00山田'],
  ['trailing high surrogate', '山田\uD83D'],
  ['right-to-left override', '\u202E山田'],
  ['undefined (from an untyped caller)', undefined],
  ['a number (from an untyped caller)', 42],
];

const stringFunctions: [string, (s: string) => string][] = [
  ['normalizeWidth', normalizeWidth],
  ['sanitizeText', sanitizeText],
  ['toHiragana', toHiragana],
  ['toKatakana', toKatakana],
  ['normalizeKana', normalizeKana],
  ['normalizePhone', normalizePhone],
  ['formatPhone', formatPhone],
  ['stripHonorifics', stripHonorifics],
  ['normalizeName', normalizeName],
];

describe.each(hostile)('hostile input: %s', (_name, input) => {
  const text = input as string;

  it.each(stringFunctions)('%s returns well-formed text without throwing', (_fn, fn) => {
    const out = fn(text);
    expect(typeof out).toBe('string');
    expect(LONE_SURROGATE.test(out)).toBe(false);
  });

  it('normalizePostalCode / formatPostalCode / parseYen give null, not an exception', () => {
    expect(normalizePostalCode(text)).toBeNull();
    expect(formatPostalCode(text)).toBeNull();
    expect(parseYen(text)).toBeNull();
  });

  it('splitPrefecture finds no prefecture', () => {
    expect(splitPrefecture(text).prefecture).toBeNull();
  });
});

describe('sensible results on hostile input', () => {
  it('matching keys drop control and invisible characters', () => {
    expect(normalizeKana('\u0000ヤマダ\u200B\u0007タロウ')).toBe('やまだたろう');
    expect(normalizeName('\u0000山田\u0007 太郎 様')).toBe('山田 太郎');
  });

  it('phone numbers ignore emoji and decorations around the digits', () => {
    expect(normalizePhone('📞090-1234-5678')).toBe('09012345678');
  });

  it('non-string input counts as empty text', () => {
    expect(normalizeWidth(undefined as unknown as string)).toBe('');
    expect(splitPrefecture(null as unknown as string)).toEqual({ prefecture: null, rest: '' });
  });

  it('handles 100,000-character input in linear time', () => {
    const big = ' '.repeat(50_000) + 'ヤマダ'.repeat(16_000) + ' 様';
    const started = performance.now();
    normalizeName(big);
    normalizeKana(big);
    stripHonorifics(big);
    toHiragana(big);
    // Not a benchmark: a quadratic regex would take minutes here, linear code takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
