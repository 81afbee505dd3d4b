import { TZDate } from '@date-fns/tz';

export const TOKYO = 'Asia/Tokyo';

export interface DateParts {
  /** Present only when the text showed a year. */
  year?: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The matched text, for warnings. */
  text: string;
}

// "12月26日 13時 21分", "12月26日(木) 13:21", "12/26 13:21", "2024年12月26日", "2024/12/26 13時21分".
// Every quantifier is bounded or separated by a literal, so a long line is scanned in linear time.
const DATE =
  /(?:(\d{4})\s*[年/.]\s*)?(\d{1,2})\s*(?:月|\/)\s*(\d{1,2})\s*日?(?:\s*\([^)\s]{1,3}\))?(?:\s*(\d{1,2})\s*(?:時|:)\s*(?:(\d{1,2})\s*分?)?)?/;

/** The first date-like text in a line (already NFKC-normalised), or null. Range checks come later. */
export function findDateParts(line: string): DateParts | null {
  const m = DATE.exec(line);
  if (!m) return null;
  const [text, year, month, day, hour, minute] = m;
  // A bare "3/4" is too often a fraction or a size to be a date.
  if (!text.includes('月') && year === undefined && hour === undefined) return null;
  return {
    ...(year === undefined ? {} : { year: Number(year) }),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
    text: text.trim(),
  };
}

function existsInYear(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function tokyoInstant(year: number, p: DateParts): number {
  return new TZDate(year, p.month - 1, p.day, p.hour, p.minute, TOKYO).getTime();
}

/**
 * A date a little ahead of `now` is this year's, not last year's: the PC clock may be a few minutes slow, or the
 * page's clock fast, and a year-old 取引ナビ page no longer exists (it is kept about 120 days). So "not in the
 * future" is read as "not more than one day ahead".
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export type ResolvedDate =
  | {
      ok: true;
      /** UTC ISO-8601. */
      iso: string;
      year: number;
      /** The year came from `now`, not from the text. */
      inferred: boolean;
      /** Inferred more than a year before `now`: only 2月29日 can do that, jumping back to the last leap year. */
      distant: boolean;
    }
  | { ok: false };

/**
 * Turns date parts shown in Asia/Tokyo into a UTC instant. Without a year, the year is the one that makes the date
 * the most recent moment not later than `now` (plus {@link CLOCK_SKEW_MS}): December seen in January is last
 * year's, and 2月29日 seen in a common year is the last leap year's. Impossible dates (2月30日, 13月1日,
 * 25時) give { ok: false }.
 */
export function resolveDate(parts: DateParts, now: Date): ResolvedDate {
  const { month, day, hour, minute } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { ok: false };
  if (parts.year !== undefined) {
    if (parts.year < 1900 || parts.year > 2200 || !existsInYear(parts.year, month, day)) return { ok: false };
    const iso = new Date(tokyoInstant(parts.year, parts)).toISOString();
    return { ok: true, iso, year: parts.year, inferred: false, distant: false };
  }
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) return { ok: false };
  const nowYear = new TZDate(nowMs, TOKYO).getFullYear();
  // Eight years back always reaches a 29 February, even across a century year such as 2100.
  for (let year = nowYear + 1; year >= nowYear - 8; year -= 1) {
    if (!existsInYear(year, month, day)) continue;
    const at = tokyoInstant(year, parts);
    if (at > nowMs + CLOCK_SKEW_MS) continue;
    return { ok: true, iso: new Date(at).toISOString(), year, inferred: true, distant: nowMs - at > YEAR_MS };
  }
  return { ok: false };
}

/** The calendar year of `now` in Tokyo. */
export function tokyoYear(now: Date): number {
  return new TZDate(now.getTime(), TOKYO).getFullYear();
}
