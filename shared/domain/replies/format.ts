import { TZDate } from '@date-fns/tz';
import type { Carrier } from '../steps';
import { SHOP_TIME_ZONE } from '../time';

const yenFormat = new Intl.NumberFormat('ja-JP');

/** "1,500円": how amounts are written in a Japanese message (not "¥1500"). */
export function formatYenJa(amount: number): string {
  return `${yenFormat.format(amount)}円`;
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'] as const;

/**
 * "11月25日（水）" in Japan time. A plain "2026-11-25" is a calendar date and is kept as written;
 * a timestamp is converted to the Tokyo day. The year is added only when it differs from `now`'s,
 * so a promise for next January is never read as this January.
 */
export function formatDateJa(value: string | Date, now?: Date): string | null {
  let year: number;
  let month: number;
  let day: number;
  const plain = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (plain) {
    [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  } else {
    const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
    if (!Number.isFinite(time)) return null;
    const tokyo = new TZDate(time, SHOP_TIME_ZONE);
    [year, month, day] = [tokyo.getFullYear(), tokyo.getMonth() + 1, tokyo.getDate()];
  }
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const thisYear = now ? new TZDate(now.getTime(), SHOP_TIME_ZONE).getFullYear() : year;
  return `${year !== thisYear ? `${year}年` : ''}${month}月${day}日（${weekday}）`;
}

export const carrierNamesJa: Record<Carrier, string> = {
  yamato: 'ヤマト運輸',
  japanpost: '日本郵便',
  sagawa: '佐川急便',
  other: '配送業者',
};

/** The carriers' public tracking pages take the number without hyphens. */
const trackingPages: Partial<Record<Carrier, { label: string; url: (digits: string) => string }>> = {
  yamato: {
    label: 'ヤマト運輸 荷物お問い合わせ',
    url: (n) => `https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=${n}`,
  },
  japanpost: {
    label: '日本郵便 郵便追跡サービス',
    url: (n) => `https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=${n}`,
  },
  sagawa: {
    label: '佐川急便 お問い合わせサービス',
    url: (n) => `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${n}`,
  },
};

/**
 * The line that tells the buyer where to follow the parcel. Unknown carriers get a sentence
 * without a link rather than a guessed address.
 */
export function trackingLinkText(carrier: Carrier | null | undefined, trackingNumber: string): string | null {
  const digits = trackingNumber.normalize('NFKC').replace(/[^0-9A-Za-z]/g, '');
  if (!digits || !carrier) return null;
  const page = trackingPages[carrier];
  if (!page) return `配送状況は、${carrierNamesJa[carrier]}のホームページで追跡番号からご確認いただけます。`;
  return `配送状況はこちらからご確認いただけます（${page.label}）：\n${page.url(digits)}`;
}
