import { describe, expect, it } from 'vitest';
import { Random, WeightedPicker } from '../../../electron/backend/demo/random';

const draws = (seed: number, n = 20) => {
  const r = new Random(seed);
  return Array.from({ length: n }, () => r.uint32());
};

describe('Random', () => {
  it('repeats exactly for the same seed and differs for nearby seeds', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    expect(draws(0)).not.toEqual(draws(1));
  });

  it('keeps every helper within its bounds', () => {
    const r = new Random(7);
    const floats = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(new Set(Array.from({ length: 20_000 }, () => r.int(3, 5)))).toEqual(new Set([3, 4, 5]));
    const seen = new Set(Array.from({ length: 2_000 }, () => r.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('builds digit and character strings of the requested length', () => {
    const r = new Random(9);
    for (const length of [1, 4, 9, 10, 11, 18, 25]) {
      expect(r.digits(length)).toMatch(new RegExp(`^\\d{${length}}$`));
    }
    expect(r.chars('AB', 30)).toMatch(/^[AB]{30}$/);
    // Leading zeros are kept: over many draws some 9-digit strings start with 0.
    expect(Array.from({ length: 200 }, () => r.digits(9)).some((d) => d.startsWith('0'))).toBe(true);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });
});

describe('WeightedPicker', () => {
  it('follows the weights and never picks a zero weight', () => {
    const picker = new WeightedPicker([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ] as const);
    const r = new Random(5);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[picker.pick(r)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('rejects lists it cannot pick from', () => {
    expect(() => new WeightedPicker([])).toThrow(RangeError);
    expect(() => new WeightedPicker([['x', 0]])).toThrow(RangeError);
    expect(() => new WeightedPicker([['x', -1]])).toThrow(RangeError);
  });
});
