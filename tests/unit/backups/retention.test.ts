import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../electron/backend/backups/retention';

const keep = { daily: 7, weekly: 4, monthly: 12 };
/** One backup a day at 03:00 UTC (12:00 in Japan) for `days` days ending on `end`. */
function daily(days: number, end = Date.UTC(2026, 10, 20, 3)) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(end - i * 86_400_000).toISOString();
    return { name: at, at };
  });
}

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps everything while there are fewer backups than slots', () => {
    const few = daily(5);
    expect(backupsToKeep(few, keep).size).toBe(5);
  });

  it('after two years of daily backups keeps the last 7 days, 4 weeks and 12 months', () => {
    const all = daily(730);
    const kept = [...backupsToKeep(all, keep)].sort().reverse();
    // The 7 newest days are all kept.
    expect(kept.slice(0, 7)).toEqual(all.slice(0, 7).map((b) => b.name));
    // One per month for 12 months: the oldest kept is within the 12th month back (Nov 2025 → Dec 2025 is the 12th).
    expect(kept.at(-1)!.slice(0, 7)).toBe('2025-12');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(new Set(kept.map((n) => n.slice(0, 7))).size).toBe(12);
  });

  it('counts days in Japan time: 23:30 and 00:30 JST are different days', () => {
    const late = { name: 'late', at: '2026-11-19T14:30:00.000Z' }; // 23:30 JST 19th
    const early = { name: 'early', at: '2026-11-19T15:30:00.000Z' }; // 00:30 JST 20th
    expect(backupsToKeep([late, early], { daily: 2, weekly: 0, monthly: 0 })).toEqual(
      new Set(['late', 'early']),
    );
    expect(backupsToKeep([late, early], { daily: 1, weekly: 0, monthly: 0 })).toEqual(new Set(['early']));
  });
});
