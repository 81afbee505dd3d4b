import type { Language } from '../../../shared/contract';

/** Times are stored in UTC; the family lives and ships in Japan, so they are always shown in Japan time. */
const TOKYO = 'Asia/Tokyo';

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatTokyoDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: TOKYO,
      year: 'numeric',
      month: language === 'ja' ? '2-digit' : 'short',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(date);
}

export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
}
