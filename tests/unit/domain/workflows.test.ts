import { describe, expect, it } from 'vitest';
import { marketplaces } from '../../../shared/domain/marketplaces';
import { stepKinds } from '../../../shared/domain/steps';
import { isoOfTime, isoPlusHours, tokyoDay } from '../../../shared/domain/time';
import { completeWorkflow, defaultWorkflows, dueAt, type Workflow } from '../../../shared/domain/workflows';

const ordered = '2026-11-18T03:00:00.000Z';
const wf = defaultWorkflows.yahoo_auction;
const rule = (workflow: Workflow, kind: string) => workflow.find((s) => s.kind === kind)!;

describe('default workflows', () => {
  it.each(marketplaces)(
    '%s lists every step kind once, in order, never anchored on itself or a later step',
    (m) => {
      const workflow = defaultWorkflows[m];
      expect(workflow.map((s) => s.kind)).toEqual([...stepKinds]);
      for (const s of workflow) {
        if (s.anchor !== 'ordered')
          expect(stepKinds.indexOf(s.anchor)).toBeLessThan(stepKinds.indexOf(s.kind));
        if (s.enabled && s.dueHours !== null) expect(s.dueHours).toBeGreaterThan(0);
      }
    },
  );

  it('encodes the field practice: ヤフオク! contact in 24 h, payment in 3 days; メルカリ has no payment step', () => {
    expect(rule(wf, 'contact')).toMatchObject({ dueHours: 24, anchor: 'ordered' });
    expect(rule(wf, 'payment')).toMatchObject({ dueHours: 72, anchor: 'ordered' });
    expect(rule(defaultWorkflows.mercari, 'payment').enabled).toBe(false);
    expect(rule(defaultWorkflows.amazon, 'contact').enabled).toBe(false);
  });
});

describe('dueAt', () => {
  it.each([
    ['contact', {}, '2026-11-19T03:00:00.000Z'],
    ['payment', {}, '2026-11-21T03:00:00.000Z'],
    ['shipping', {}, null],
    ['shipping', { payment: '2026-11-20T10:00:00.000Z' }, '2026-11-22T10:00:00.000Z'],
    ['receipt', { payment: '2026-11-20T10:00:00.000Z' }, null],
    ['receipt', { shipping: '2026-11-22T00:00:00.000Z' }, '2026-11-29T00:00:00.000Z'],
  ] as const)('%s with %j done → %s', (kind, done, expected) => {
    expect(dueAt(rule(wf, kind), ordered, done, wf)).toBe(expected);
  });

  it('falls back to the order time when the anchor step is not part of the workflow', () => {
    const noPayment = wf.map((s) => (s.kind === 'payment' ? { ...s, enabled: false } : s));
    expect(dueAt(rule(noPayment, 'shipping'), ordered, {}, noPayment)).toBe('2026-11-20T03:00:00.000Z');
  });

  it('has no due time for a step without a deadline', () => {
    expect(dueAt({ ...rule(wf, 'contact'), dueHours: null }, ordered, {}, wf)).toBeNull();
  });
});

describe('completeWorkflow', () => {
  it('orders stored steps and fills kinds missing from an older saved copy', () => {
    const stored = [
      { kind: 'shipping' as const, dueHours: 12 },
      { kind: 'contact' as const, enabled: false },
    ];
    const result = completeWorkflow(stored, wf);
    expect(result.map((s) => s.kind)).toEqual([...stepKinds]);
    expect(rule(result, 'shipping').dueHours).toBe(12);
    expect(rule(result, 'contact').enabled).toBe(false);
    expect(rule(result, 'payment')).toEqual(rule(wf, 'payment'));
  });
});

describe('tokyoDay', () => {
  it.each([
    ['2026-11-20T01:00:00Z', '2026-11-19T15:00:00.000Z', '2026-11-20T15:00:00.000Z'],
    ['2026-11-20T14:59:59Z', '2026-11-19T15:00:00.000Z', '2026-11-20T15:00:00.000Z'],
    ['2026-11-20T15:00:00Z', '2026-11-20T15:00:00.000Z', '2026-11-21T15:00:00.000Z'],
    ['2026-12-31T16:00:00Z', '2026-12-31T15:00:00.000Z', '2027-01-01T15:00:00.000Z'],
  ])('the Tokyo day of %s runs %s – %s', (now, start, end) => {
    expect(tokyoDay(new Date(now))).toEqual({ start, end });
  });
});

describe('isoPlusHours', () => {
  const viaDate = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

  it('gives what two Dates give for every time of a leap year and the due offsets in use', () => {
    const offsets = [24, 48, 72, 120, 168, 240, 12, 36, 1, -24, 0];
    const times: string[] = [];
    // 2024-01-01 to 2025-01-02 in steps of 7 h 13 min 17.123 s: every hour, minute and second sort.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 2); t += 25_997_123)
      times.push(new Date(t).toISOString());
    for (const iso of times) for (const h of offsets) expect(isoPlusHours(iso, h)).toBe(viaDate(iso, h));
  });

  it('crosses month, year and leap-day boundaries like Date does', () => {
    expect(isoPlusHours('2024-02-28T23:59:59.999Z', 24)).toBe('2024-02-29T23:59:59.999Z');
    expect(isoPlusHours('2023-02-28T10:00:00.000Z', 24)).toBe('2023-03-01T10:00:00.000Z');
    expect(isoPlusHours('2026-12-31T15:00:00.000Z', 72)).toBe('2027-01-03T15:00:00.000Z');
    expect(isoPlusHours('2026-03-01T00:00:00.000Z', -24)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('reads non-canonical and out-of-range times as Date does', () => {
    for (const [iso, h] of [
      ['2024-01-05T13:04:00+09:00', 24],
      ['2024-01-05T24:00:00.000Z', 24],
      ['2024-02-30T10:00:00.000Z', 24],
      ['2024-01-05T13:04:00Z', 48],
      ['8999-12-31T00:00:00.000Z', 24 * 400_000],
      ['0000-01-01T00:00:00.000Z', -24],
    ] as const)
      expect(isoPlusHours(iso, h)).toBe(viaDate(iso, h));
  });

  it('throws on a time Date cannot read, as before', () => {
    expect(() => isoPlusHours('not a time', 24)).toThrow(RangeError);
    expect(() => isoPlusHours('2024-13-01T00:00:00.000Z', 24)).toThrow(RangeError);
    expect(() => isoPlusHours('2024-01-05T10:00:00.000Z', Number.NaN)).toThrow(RangeError);
  });
});

describe('isoOfTime', () => {
  it('writes what toISOString writes, across days, years, before 1970 and at the year limits', () => {
    const times = [
      0,
      -1,
      -86_400_001,
      Date.UTC(1979, 11, 31, 15, 0, 0, 1),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 0, 1),
    ];
    for (let t = Date.UTC(1980, 0, 1); t < Date.UTC(2101, 0, 1); t += 3_600_000 * 997 + 61_001) times.push(t);
    for (const t of times) expect(isoOfTime(t)).toBe(new Date(t).toISOString());
  });

  it('rounds a fractional millisecond as Date does, and throws on an invalid time', () => {
    expect(isoOfTime(1_700_000_000_000.7)).toBe(new Date(1_700_000_000_000.7).toISOString());
    expect(() => isoOfTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoOfTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
