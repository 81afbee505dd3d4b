import { TZDate } from '@date-fns/tz';
import { addDays, addHours, nextMonday, set } from 'date-fns';
import { SHOP_TIME_ZONE } from '../../../../shared/domain/time';

/** Snooze presets in Japan time: an hour from now, tomorrow 10:00, next Monday 10:00. */
export function snoozePresets(now: Date): { oneHour: string; tomorrow: string; nextWeek: string } {
  const local = new TZDate(now.getTime(), SHOP_TIME_ZONE);
  const morning = (d: Date) =>
    new Date(set(d, { hours: 10, minutes: 0, seconds: 0, milliseconds: 0 }).getTime()).toISOString();
  return {
    oneHour: new Date(addHours(local, 1).getTime()).toISOString(),
    tomorrow: morning(addDays(local, 1)),
    nextWeek: morning(nextMonday(local)),
  };
}
