import type { TFunction } from 'i18next';

/** "45分" / "3時間" / "2日" for a span of minutes; the largest unit that reads naturally. */
export function formatMinutes(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  if (m < 60) return t('complaints.stats.minutes', { n: m });
  if (m < 48 * 60) return t('complaints.stats.hours', { n: Math.round((m / 60) * 10) / 10 });
  return t('complaints.stats.days', { n: Math.round((m / 1440) * 10) / 10 });
}

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export const minutesBetween = (from: string | Date, to: string | Date): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
