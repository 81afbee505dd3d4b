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

/** A UTC ISO time as toISOString() writes it, with an hour that needs no carrying (00–23). */
const CANONICAL_ISO = /^[0-8]\d{3}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** "YYYY-MM-DD" + whole days → the shifted day, memoised: due times of a large import share few days. */
const shiftedDays = new Map<string, string>();

/**
 * `iso` plus `hours`, as toISOString() of that instant. Whole days added to a canonical UTC time keep
 * its time of day, so only the date part is computed, once per day and offset: an import of 100,000
 * orders would otherwise parse and format two Dates per step (the costliest part of planning steps).
 * Anything else takes the Date path, and invalid input throws as it always did.
 */
export function isoPlusHours(iso: string, hours: number): string {
  if (hours % 24 !== 0 || !CANONICAL_ISO.test(iso)) {
    return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
  }
  const day = iso.slice(0, 10);
  const key = `${day}|${hours}`;
  let shifted = shiftedDays.get(key);
  if (shifted === undefined) {
    const midnight = new Date(Date.parse(`${day}T00:00:00.000Z`) + hours * 3_600_000).toISOString();
    // Years past 9999 or before 0 are written with a sign and six digits: no fixed-width date part.
    if (midnight.length !== 24) return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
    shifted = midnight.slice(0, 10);
    if (shiftedDays.size >= 10_000) shiftedDays.clear();
    shiftedDays.set(key, shifted);
  }
  return shifted + iso.slice(10);
}
