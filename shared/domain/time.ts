import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

/** The shop lives in Japan: "today" and day boundaries are Asia/Tokyo whatever the PC's zone. */
export const SHOP_TIME_ZONE = 'Asia/Tokyo';

/** Start (inclusive) and end (exclusive) of the Tokyo calendar day containing `now`, as UTC ISO strings. */
export function tokyoDay(now: Date): { start: string; end: string } {
  const start = startOfDay(new TZDate(now.getTime(), SHOP_TIME_ZONE));
  return {
    start: new Date(start.getTime()).toISOString(),
    end: new Date(addDays(start, 1).getTime()).toISOString(),
  };
}

/**
 * `iso` plus `hours`, as toISOString() of that instant (invalid input throws, as toISOString does).
 * An import of 100,000 orders computes two or three due times per order; see isoOfTime.
 */
export function isoPlusHours(iso: string, hours: number): string {
  return isoOfTime(Date.parse(iso) + hours * 3_600_000);
}

const DAY_MS = 86_400_000;
/** "00".."59" and "000".."999": the fixed-width parts of a time of day. */
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** UTC day number → "YYYY-MM-DD", memoised: the dates of one export fall on few days. */
const dayText = new Map<number, string>();

/**
 * new Date(ms).toISOString(), with the date part computed once per day: reading an export turns
 * every order's dates into ISO text, and formatting a Date each time was most of the date parsing.
 * Times outside years 0000–9999 (a signed, six-digit year) take the Date path.
 */
export function isoOfTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = dayText.get(day);
  if (date === undefined) {
    const full = new Date(day * DAY_MS).toISOString();
    if (full.length !== 24) return new Date(ms).toISOString();
    date = full.slice(0, 10);
    if (dayText.size >= 10_000) dayText.clear();
    dayText.set(day, date);
  }
  let rest = ms - day * DAY_MS;
  if (!Number.isInteger(rest)) return new Date(ms).toISOString();
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${date}T${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${THREE[milli]}Z`;
}
