import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/contract';

/**
 * Money, dates and times for the deal screens. Amounts are integer yen; times are stored in UTC and
 * always shown in Japan time, whatever the PC's own time zone (the family ships from Japan).
 */
const TOKYO = 'Asia/Tokyo';
/** Japan has no daylight saving time, so a fixed offset converts form inputs exactly. */
const TOKYO_OFFSET = '+09:00';

const yenFormat = new Intl.NumberFormat('ja-JP');

/** "¥1,234" in both languages: yen is written the same way for everyone. */
export function formatYen(amount: number): string {
  return `¥${yenFormat.format(amount)}`;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function format(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TOKYO, ...options });
    cache.set(key, f);
  }
  return f;
}

function tokyoParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = format('parts', 'en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

const valid = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** "2024/11/03": unambiguous in both languages and narrow enough for a table column. */
export function formatTokyoDate(iso: string): string {
  const d = valid(iso);
  if (!d) return iso;
  const p = tokyoParts(d);
  return `${p.year}/${p.month}/${p.day}`;
}

/** "2024/11/03 22:15". */
export function formatTokyoDateTimeShort(iso: string): string {
  const d = valid(iso);
  if (!d) return iso;
  const p = tokyoParts(d);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}

/** A due time: "11/05(火) 18:00" / "Tue 5 Nov 18:00"; the year only when it is not this year. */
export function formatDue(iso: string, language: Language, now = new Date()): string {
  const d = valid(iso);
  if (!d) return iso;
  const sameYear = tokyoParts(d).year === tokyoParts(now).year;
  const f =
    language === 'ja'
      ? format(`due-ja-${sameYear}`, 'ja-JP', {
          ...(sameYear ? {} : { year: 'numeric' }),
          month: '2-digit',
          day: '2-digit',
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
      : format(`due-en-${sameYear}`, 'en-GB', {
          ...(sameYear ? {} : { year: 'numeric' }),
          month: 'short',
          day: 'numeric',
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
  return f.format(d);
}

/** A due time in a narrow table column: "11/05(火) 18:00" / "5 Nov, 18:00". */
export function formatDueShort(iso: string, language: Language, now = new Date()): string {
  if (language === 'ja') return formatDue(iso, language, now);
  const d = valid(iso);
  if (!d) return iso;
  const sameYear = tokyoParts(d).year === tokyoParts(now).year;
  return format(`due-short-en-${sameYear}`, 'en-GB', {
    ...(sameYear ? {} : { year: '2-digit' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** "11/18 17:52" (the year too when it is not this year): compact, for "done at" notes. */
export function formatShortDateTime(iso: string, now = new Date()): string {
  const d = valid(iso);
  if (!d) return iso;
  const p = tokyoParts(d);
  const day = `${p.month}/${p.day} ${p.hour}:${p.minute}`;
  return p.year === tokyoParts(now).year ? day : `${p.year}/${day}`;
}

/** The value of an `<input type="datetime-local">` showing this instant in Japan time. */
export function toTokyoInput(iso: string | null | undefined): string {
  const d = valid(iso);
  if (!d) return '';
  const p = tokyoParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** An `<input type="datetime-local">` value read as Japan time, as a UTC ISO string; null when empty or invalid. */
export function fromTokyoInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const d = new Date(`${withSeconds}${TOKYO_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Start of a Japan calendar day given as "YYYY-MM-DD" (an `<input type="date">`), as UTC ISO; null if invalid. */
export function tokyoDayStart(date: string, addDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T00:00:00${TOKYO_OFFSET}`);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + addDays * 86_400_000).toISOString();
}

/** Whole days (rounded down, at least 1) between a past due time and now, for "3日超過". */
export function daysLate(iso: string, now = new Date()): number {
  const d = valid(iso);
  if (!d) return 0;
  return Math.max(1, Math.floor((now.getTime() - d.getTime()) / 86_400_000));
}

/** Hours late, when less than a day, for "5時間超過". */
export function hoursLate(iso: string, now = new Date()): number {
  const d = valid(iso);
  if (!d) return 0;
  return Math.max(1, Math.floor((now.getTime() - d.getTime()) / 3_600_000));
}

/** "名前 他2点" / "name and 2 more": a deal's items in one line, in the reader's language. */
export function formatItems(deal: { firstItemName: string | null; itemCount: number }, t: TFunction): string {
  if (deal.firstItemName === null) return '';
  return deal.itemCount > 1
    ? t('dealList.itemsMore', { first: deal.firstItemName, n: deal.itemCount - 1 })
    : deal.firstItemName;
}
