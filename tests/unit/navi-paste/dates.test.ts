import { describe, expect, it } from 'vitest';
import { findDateParts, resolveDate } from '../../../shared/domain/navi-paste';
import type { DateParts } from '../../../shared/domain/navi-paste';

describe('findDateParts', () => {
  it.each([
    ['12月26日 13時 21分', { month: 12, day: 26, hour: 13, minute: 21 }],
    ['12月26日 13時21分', { month: 12, day: 26, hour: 13, minute: 21 }],
    ['12月26日(木) 13:21', { month: 12, day: 26, hour: 13, minute: 21 }],
    ['12 月 26 日 9 時 5 分', { month: 12, day: 26, hour: 9, minute: 5 }],
    ['12/26 13:21', { month: 12, day: 26, hour: 13, minute: 21 }],
    ['12月26日', { month: 12, day: 26, hour: 0, minute: 0 }],
    ['12月26日 13時', { month: 12, day: 26, hour: 13, minute: 0 }],
    ['終了日時:12月26日 21時 3分', { month: 12, day: 26, hour: 21, minute: 3 }],
    ['・発送の連絡がありました。 1月3日 0時 12分', { month: 1, day: 3, hour: 0, minute: 12 }],
    ['2024年12月26日 13時21分', { year: 2024, month: 12, day: 26, hour: 13, minute: 21 }],
    ['2024/12/26 13:21', { year: 2024, month: 12, day: 26, hour: 13, minute: 21 }],
  ])('%j', (text, expected) => {
    expect(findDateParts(text)).toMatchObject(expected);
  });

  it('leaves the year out when the text has none', () => {
    expect(findDateParts('12月26日 13時 21分')).not.toHaveProperty('year');
  });

  it.each(['', '本日', '3/4インチ', '12-26', 'サイズ 60', '1500円'])('finds no date in %j', (text) => {
    expect(findDateParts(text)).toBeNull();
  });
});

const tokyo = (wallClock: string): Date => new Date(`${wallClock}+09:00`);
const parts = (month: number, day: number, hour = 0, minute = 0, year?: number): DateParts => ({
  ...(year === undefined ? {} : { year }),
  month,
  day,
  hour,
  minute,
  text: `${month}月${day}日`,
});

describe('resolveDate: the year of a date shown without one', () => {
  it.each([
    // [what, now (Tokyo), date parts, expected UTC ISO]
    ['same day, earlier', '2025-12-28T12:00:00', parts(12, 28, 9, 14), '2025-12-28T00:14:00.000Z'],
    ['exactly now', '2025-06-15T12:00:00', parts(6, 15, 12, 0), '2025-06-15T03:00:00.000Z'],
    ['December seen in January', '2026-01-05T10:00:00', parts(12, 26, 13, 21), '2025-12-26T04:21:00.000Z'],
    [
      '31 Dec 23:59 seen one minute into the new year',
      '2026-01-01T00:01:00',
      parts(12, 31, 23, 59),
      '2025-12-31T14:59:00.000Z',
    ],
    ['1 January seen on 5 January', '2026-01-05T10:00:00', parts(1, 3, 0, 12), '2026-01-02T15:12:00.000Z'],
    ['a month ahead is last year', '2025-11-20T10:00:00', parts(12, 20), '2024-12-19T15:00:00.000Z'],
    ['two days ahead is last year', '2025-06-15T12:00:00', parts(6, 17, 12, 1), '2024-06-17T03:01:00.000Z'],
    // Clock-skew allowance: up to a day ahead of the PC clock is still "now", not a year ago.
    [
      '23 hours ahead (slow PC clock)',
      '2025-06-15T12:00:00',
      parts(6, 16, 11, 0),
      '2025-06-16T02:00:00.000Z',
    ],
    [
      'new year’s minute seen a few minutes early',
      '2025-12-31T23:50:00',
      parts(1, 1, 0, 5),
      '2025-12-31T15:05:00.000Z',
    ],
    // The Tokyo calendar decides, not UTC: 00:30 on 1 Jan in Tokyo is still 31 Dec in UTC.
    [
      'Tokyo new year while UTC is still in the old one',
      '2026-01-01T00:30:00',
      parts(12, 31, 23, 0),
      '2025-12-31T14:00:00.000Z',
    ],
  ])('%s', (_what, now, p, iso) => {
    const resolved = resolveDate(p, tokyo(now));
    expect(resolved).toMatchObject({ ok: true, iso, inferred: true, distant: false });
  });

  describe('29 February', () => {
    it.each([
      ['in a leap year, after the day', '2028-03-01T12:00:00', '2028-02-29T11:00:00.000Z', 2028, false],
      [
        'in a leap year, on the day, 10 h early',
        '2028-02-29T10:00:00',
        '2028-02-29T11:00:00.000Z',
        2028,
        false,
      ],
      ['early in the year after a leap year', '2025-01-10T12:00:00', '2024-02-29T11:00:00.000Z', 2024, false],
      [
        'mid-way through a common year: last leap year, flagged',
        '2025-06-01T12:00:00',
        '2024-02-29T11:00:00.000Z',
        2024,
        true,
      ],
      [
        'the day before, in a leap year: four years back, flagged',
        '2028-02-28T12:00:00',
        '2024-02-29T11:00:00.000Z',
        2024,
        true,
      ],
      [
        '2100 is not a leap year: back to 2096',
        '2100-03-01T12:00:00',
        '2096-02-29T11:00:00.000Z',
        2096,
        true,
      ],
    ])('%s', (_what, now, iso, year, distant) => {
      expect(resolveDate(parts(2, 29, 20, 0), tokyo(now))).toEqual({
        ok: true,
        iso,
        year,
        inferred: true,
        distant,
      });
    });
  });

  it('uses a year written in the text as it is', () => {
    expect(resolveDate(parts(12, 26, 13, 21, 2023), tokyo('2026-01-05T10:00:00'))).toEqual({
      ok: true,
      iso: '2023-12-26T04:21:00.000Z',
      year: 2023,
      inferred: false,
      distant: false,
    });
  });

  it.each([
    ['30 February', parts(2, 30)],
    ['31 April', parts(4, 31)],
    ['month 13', parts(13, 1)],
    ['month 0', parts(0, 1)],
    ['day 0', parts(12, 0)],
    ['day 32', parts(1, 32)],
    ['25 o’clock', parts(1, 1, 25, 0)],
    ['minute 60', parts(1, 1, 10, 60)],
    ['29 February 2023 (written year)', parts(2, 29, 0, 0, 2023)],
    ['year 10000', parts(1, 1, 0, 0, 10000)],
  ])('refuses %s', (_what, p) => {
    expect(resolveDate(p, tokyo('2025-06-01T12:00:00'))).toEqual({ ok: false });
  });

  it('refuses to infer a year from an invalid "now"', () => {
    expect(resolveDate(parts(12, 26), new Date(Number.NaN))).toEqual({ ok: false });
  });
});
