import { describe, expect, it } from 'vitest';
import {
  formatDue,
  formatItems,
  formatTokyoDate,
  formatYen,
  fromTokyoInput,
  toTokyoInput,
  tokyoDayStart,
} from './deal-format';
import { tEn, tJa } from './testing';

describe('deal screens show money and Japan time whatever the PC zone', () => {
  it.each([
    [0, '¥0'],
    [1234, '¥1,234'],
    [1_000_000_000, '¥1,000,000,000'],
  ])('yen %d → %s', (n, text) => expect(formatYen(n)).toBe(text));

  it('dates are the Tokyo calendar day, not UTC', () => {
    // 2024-12-31 20:00 UTC is already New Year's Day in Japan.
    expect(formatTokyoDate('2024-12-31T20:00:00.000Z')).toBe('2025/01/01');
  });

  it('datetime-local values are read and written as Japan time', () => {
    expect(toTokyoInput('2024-11-03T13:15:00.000Z')).toBe('2024-11-03T22:15');
    expect(fromTokyoInput('2024-11-03T22:15')).toBe('2024-11-03T13:15:00.000Z');
    expect(fromTokyoInput(toTokyoInput('2025-06-30T23:59:00.000Z'))).toBe('2025-06-30T23:59:00.000Z');
  });

  it.each(['', 'tomorrow', '2024-13-45T99:99', '2024-11-03'])('refuses %j as a date-time', (value) =>
    expect(fromTokyoInput(value)).toBeNull(),
  );

  it('a date filter covers whole Japan days', () => {
    expect(tokyoDayStart('2024-11-03')).toBe('2024-11-02T15:00:00.000Z');
    expect(tokyoDayStart('2024-11-03', 1)).toBe('2024-11-03T15:00:00.000Z');
    expect(tokyoDayStart('3 Nov')).toBeNull();
  });

  it('due times leave the year out only within the current year', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(formatDue('2024-11-05T09:00:00.000Z', 'ja', now)).toBe('11/05(火) 18:00');
    expect(formatDue('2023-11-05T09:00:00.000Z', 'ja', now)).toMatch(/^2023\/11\/05/);
    expect(formatDue('2024-11-05T09:00:00.000Z', 'en', now)).toBe('Tue 5 Nov, 18:00');
  });
});

describe("a deal's items in one line, in the reader's language", () => {
  it('"他N点" in Japanese, "and N more" in English, the name alone for one line, nothing for none', () => {
    const three = { firstItemName: '有田焼 豆皿', itemCount: 3 };
    expect(formatItems(three, tJa)).toBe('有田焼 豆皿 他2点');
    expect(formatItems(three, tEn)).toBe('有田焼 豆皿 and 2 more');
    expect(formatItems({ firstItemName: 'コースター', itemCount: 1 }, tEn)).toBe('コースター');
    expect(formatItems({ firstItemName: null, itemCount: 0 }, tJa)).toBe('');
  });
});
