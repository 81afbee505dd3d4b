import { describe, expect, it } from 'vitest';
import { HashedIdSet } from '../../../electron/backend/demo/id-set';
import { createIsoFormatter } from '../../../electron/backend/demo/iso';
import { toRomaji } from '../../../electron/backend/demo/kana';
import { Random } from '../../../electron/backend/demo/random';
import { GIVEN_NAMES, SURNAMES } from '../../../electron/backend/demo/vocabulary';

describe('createIsoFormatter', () => {
  it('gives exactly what Date#toISOString gives', () => {
    const iso = createIsoFormatter();
    const fixed = [
      0,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999), // leap day, last millisecond
      Date.UTC(2024, 2, 1),
      Date.UTC(2026, 11, 31, 23, 59, 59),
      Date.UTC(2026, 10, 20, 1, 0, 0, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      -1, // before 1970: falls back to Date
      1_700_000_000_123.9, // fractional milliseconds are truncated, as Date does
    ];
    const r = new Random(3);
    const random = Array.from({ length: 5_000 }, () => Math.floor(r.next() * 4_000_000_000_000));
    for (const ms of [...fixed, ...random]) expect(iso(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('toRomaji', () => {
  it.each([
    ['さとう', 'satou'],
    ['しゅんすけ', 'shunsuke'],
    ['ちなつ', 'chinatsu'],
    ['みづき', 'mizuki'],
    ['りゅうのすけ', 'ryuunosuke'],
    ['きっと', 'kitto'],
    ['まっちゃ', 'matcha'],
    ['じゅん', 'jun'],
  ])('%s → %s', (kana, roman) => {
    expect(toRomaji(kana)).toBe(roman);
  });

  it('romanises every reading in the vocabulary to plain lower-case letters', () => {
    for (const [, kana] of [...SURNAMES, ...GIVEN_NAMES]) expect(toRomaji(kana)).toMatch(/^[a-z]+$/);
  });

  it('says which character it does not know', () => {
    expect(() => toRomaji('やまだ太郎')).toThrow(/太/);
  });
});

describe('HashedIdSet', () => {
  it('accepts an id once per namespace', () => {
    const set = new HashedIdSet();
    expect(set.add(0, 'x1234567890')).toBe(true);
    expect(set.add(0, 'x1234567890')).toBe(false);
    expect(set.add(1, 'x1234567890')).toBe(true);
    expect(set.size).toBe(2);
  });

  it('keeps growing without losing what it holds', () => {
    const set = new HashedIdSet();
    for (let i = 0; i < 50_000; i++) set.add(2, `m${i}`);
    // A hash twin may refuse a new id (by design, rarely); an id already added is never accepted again.
    for (let i = 0; i < 50_000; i += 997) expect(set.add(2, `m${i}`)).toBe(false);
    expect(set.size).toBeGreaterThan(49_990);
  });
});
