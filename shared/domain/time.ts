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
