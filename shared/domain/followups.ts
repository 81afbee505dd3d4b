import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay, startOfISOWeek } from 'date-fns';
import { SHOP_TIME_ZONE } from './time';

/** Everything due, in one model: the kinds of follow-up and where each comes from. */
export const followupKinds = [
  'promise',
  'first_response',
  'aftercare',
  'custom',
  'deal_step',
  'wish',
] as const;
export type FollowupKind = (typeof followupKinds)[number];

/** Follow-ups kept in the followups table; deal steps and wishes live with their deal and customer. */
export const ownFollowupKinds = ['promise', 'first_response', 'aftercare', 'custom'] as const;

export const followupBuckets = ['overdue', 'today', 'week', 'later'] as const;
export type FollowupBucket = (typeof followupBuckets)[number];

/** The Tokyo boundaries the follow-ups page groups by: end of today and end of this ISO week (Sunday). */
export function bucketBounds(now: Date): { todayEnd: string; weekEnd: string } {
  const local = new TZDate(now.getTime(), SHOP_TIME_ZONE);
  const todayEnd = addDays(startOfDay(local), 1);
  const weekEnd = addDays(startOfISOWeek(local), 7);
  return {
    todayEnd: new Date(todayEnd.getTime()).toISOString(),
    weekEnd: new Date(weekEnd.getTime()).toISOString(),
  };
}

/** A follow-up without a due time (a wish waiting for stock) belongs to "later". */
export function bucketOf(
  dueAt: string | null,
  nowIso: string,
  bounds: { todayEnd: string; weekEnd: string },
): FollowupBucket {
  if (dueAt === null) return 'later';
  if (dueAt < nowIso) return 'overdue';
  if (dueAt < bounds.todayEnd) return 'today';
  if (dueAt < bounds.weekEnd) return 'week';
  return 'later';
}

/** Stable identity of a follow-up across its sources, used by the UI, the reminder state and the CLI. */
export type FollowupKey = `f${number}` | `s${number}` | `w${number}`;
export function parseFollowupKey(key: string): { source: 'f' | 's' | 'w'; id: number } | null {
  const m = /^([fsw])([1-9]\d{0,15})$/.exec(key);
  if (!m) return null;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) ? { source: m[1] as 'f' | 's' | 'w', id } : null;
}
