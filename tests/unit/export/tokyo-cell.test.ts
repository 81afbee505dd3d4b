import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { tokyoCell } from '../../../electron/backend/export/tokyo-cell';
import { seeded } from '../../support/random';

const reference = (iso: string) =>
  format(new TZDate(new Date(iso).getTime(), 'Asia/Tokyo'), 'yyyy/MM/dd HH:mm');

describe('tokyoCell', () => {
  it('is date-fns’s text for the same instant, in this century and in others', () => {
    const random = seeded(11);
    const from = Date.UTC(1850, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const iso = new Date(Math.floor(from + random.next() * (to - from))).toISOString();
      expect(tokyoCell(iso), iso).toBe(reference(iso));
    }
  });

  it('gets the edges right: midnight in Tokyo, year ends, leap days, Japan’s summer time of 1948–1951', () => {
    for (const iso of [
      '2026-11-17T15:00:00.000Z',
      '2026-11-17T14:59:59.999Z',
      '2025-12-31T15:00:00.000Z',
      '2024-02-28T15:00:00.000Z',
      '1949-04-02T14:59:00.000Z',
      '1949-04-02T15:00:00.000Z',
      '1949-09-10T14:00:00.000Z',
      '1949-09-10T15:00:00.000Z',
      '0001-01-01T00:00:00.000Z',
      '1887-12-31T14:00:00.000Z',
      '9999-12-31T14:00:00.000Z',
    ]) {
      expect(tokyoCell(iso), iso).toBe(reference(iso));
    }
    expect(tokyoCell('2026-11-18T03:00:00.000Z')).toBe('2026/11/18 12:00');
    expect(tokyoCell(null)).toBe('');
    expect(tokyoCell('')).toBe('');
  });

  it('refuses an unreadable time as date-fns does, instead of writing a wrong date', () => {
    expect(() => tokyoCell('not a time')).toThrow(RangeError);
  });
});
