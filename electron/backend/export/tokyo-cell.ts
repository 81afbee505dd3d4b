import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { isoOfTime, SHOP_TIME_ZONE } from '../../../shared/domain/time';

const HOUR_MS = 3_600_000;
/** Before this, Tokyo kept local mean time (+09:18:59), which TZDate's offset rounds to minutes. */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1900, 0, 1);
const PATTERN = 'yyyy/MM/dd HH:mm';
/** UTC hour → the shop zone's offset from UTC in that hour, in ms (zones only change offset on the hour). */
const offsets = new Map<number, number>();

const viaDateFns = (ms: number): string => format(new TZDate(ms, SHOP_TIME_ZONE), PATTERN);

/**
 * A stored UTC time as Japan time, "yyyy/MM/dd HH:mm", the form Excel recognises as a date; '' when absent.
 * A deals file has three times a row, and date-fns with TZDate took about 15 µs each — most of the time of
 * a large export. So the zone's offset comes from TZDate once per hour of the ledger, and the text from
 * isoOfTime's per-day cache. The text is date-fns's own (a test compares them over centuries); anything
 * unusual (an invalid time, a time before 1900 or after 9999) takes the date-fns path.
 */
export function tokyoCell(iso: string | null): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < WHOLE_MINUTE_OFFSETS_FROM) return viaDateFns(ms);
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(ms, SHOP_TIME_ZONE).getTimezoneOffset() * 60_000;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  const local = isoOfTime(ms + offset);
  if (local.length !== 24) return viaDateFns(ms);
  return `${local.slice(0, 4)}/${local.slice(5, 7)}/${local.slice(8, 10)} ${local.slice(11, 16)}`;
}
