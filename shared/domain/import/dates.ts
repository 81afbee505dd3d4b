import { isoOfTime } from '../time';
import type { Parsed } from './values';

/** How the generic mapper reads dates. Marketplace presets all use `auto` (year first). */
export const dateFormats = ['auto', 'ymd', 'mdy', 'dmy', 'epoch_s', 'epoch_ms'] as const;
export type DateFormat = (typeof dateFormats)[number];

/**
 * Japan has not used daylight saving time since 1951, so Asia/Tokyo is a fixed +09:00 for every date
 * an order can carry. A constant keeps parsing 100,000 rows cheap; @date-fns/tz would give the same.
 */
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const MIN_YEAR = 1980;
const MAX_YEAR = 2100;

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const JAPANESE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:(\d{1,2})(?:時|:)(\d{1,2})(?:分)?(?:(?::)?(\d{1,2})秒?)?)?$/;
const NUMERIC =
  /^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

const bad = (raw: string): Parsed<never> => ({
  ok: false,
  code: 'date_invalid',
  params: { value: raw.slice(0, 40) },
});

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** The shape nearly every export uses ("2024/01/05 13:04:05", "2024-01-05"): read without normalising. */
const COMMON = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Builds the UTC instant, refusing impossible parts (2月30日, 25時) instead of rolling them over. */
function build(
  raw: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ms = 0,
  offsetMs: number = TOKYO_OFFSET_MS,
): Parsed<string> {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return bad(raw);
  if (h > 23 || mi > 59 || s > 59) return bad(raw);
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMs;
  return { ok: true, value: isoOfTime(time) };
}

function offsetOf(zone: string | undefined): number | null {
  if (!zone) return TOKYO_OFFSET_MS;
  if (/^(z|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60) return null;
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** 午後 1:04 → 13:04. Windows Excel in Japanese writes these. */
function twelveHour(s: string): string {
  return s
    .replace(
      /(午前|午後|AM|PM)\s*(\d{1,2})(:\d{2}(?::\d{2})?)/i,
      (_m, half: string, hour: string, rest: string) => {
        let h = Number(hour) % 12;
        if (/午後|pm/i.test(half)) h += 12;
        return `${h}${rest}`;
      },
    )
    .replace(/(\d{1,2}:\d{2}(?::\d{2})?)\s*(AM|PM)/i, (_m, time: string, half: string) => {
      const [hour, ...rest] = time.split(':');
      let h = Number(hour) % 12;
      if (/pm/i.test(half)) h += 12;
      return [String(h), ...rest].join(':');
    });
}

/**
 * Reads every date shape the supported exports use and returns UTC ISO-8601:
 * 2024/01/05 13:04, 2024-01-05T13:04:00+09:00, 2021-10-19T17:36:10+00:00, 2024年12月12日 19:42,
 * 2025/7/1 12:53:41, 20240105, 2024/01/05(金), 午後 1:04. Without an offset the time is Tokyo time.
 */
export function parseDate(raw: string, format: DateFormat = 'auto'): Parsed<string | null> {
  if (format === 'auto' || format === 'ymd') {
    const common = COMMON.exec(raw);
    if (common) {
      return build(
        raw,
        +common[1]!,
        +common[2]!,
        +common[3]!,
        +(common[4] ?? 0),
        +(common[5] ?? 0),
        +(common[6] ?? 0),
      );
    }
  }
  let s = raw.normalize('NFKC').trim();
  if (s === '') return { ok: true, value: null };
  if (s.length > 60) return bad(raw);

  if (format === 'epoch_s' || format === 'epoch_ms') {
    if (!/^\d{1,15}$/.test(s)) return bad(raw);
    const ms = Number(s) * (format === 'epoch_s' ? 1000 : 1);
    const date = new Date(ms);
    // An out-of-range time gives an Invalid Date, whose toISOString() would throw.
    if (!Number.isFinite(date.getTime())) return bad(raw);
    const year = date.getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) return bad(raw);
    return { ok: true, value: date.toISOString() };
  }

  const iso = ISO.exec(s);
  if (iso) {
    const offset = offsetOf(iso[8]);
    if (offset === null) return bad(raw);
    const ms = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(raw, +iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0), ms, offset);
  }

  // Weekday marks and the spaces around time parts carry no information.
  s = twelveHour(s.replace(/\((?:[月火水木金土日]|mon|tue|wed|thu|fri|sat|sun)\)/gi, ' '));
  const japanese = JAPANESE.exec(s.replace(/\s+/g, ''));
  if (japanese) {
    return build(
      raw,
      +japanese[1]!,
      +japanese[2]!,
      +japanese[3]!,
      +(japanese[4] ?? 0),
      +(japanese[5] ?? 0),
      +(japanese[6] ?? 0),
    );
  }

  const parts = NUMERIC.exec(s.replace(/\s+/g, ' ').trim());
  if (parts) {
    const [a, b, c] = [parts[1]!, parts[2]!, parts[3]!];
    const time = [+(parts[4] ?? 0), +(parts[5] ?? 0), +(parts[6] ?? 0)] as const;
    if (a.length === 4 && (format === 'auto' || format === 'ymd')) return build(raw, +a, +b, +c, ...time);
    if (c.length === 4 && format === 'mdy') return build(raw, +c, +a, +b, ...time);
    if (c.length === 4 && format === 'dmy') return build(raw, +c, +b, +a, ...time);
    return bad(raw);
  }

  const compact = COMPACT.exec(s);
  if (compact && (format === 'auto' || format === 'ymd')) {
    return build(
      raw,
      +compact[1]!,
      +compact[2]!,
      +compact[3]!,
      +(compact[4] ?? 0),
      +(compact[5] ?? 0),
      +(compact[6] ?? 0),
    );
  }
  return bad(raw);
}
