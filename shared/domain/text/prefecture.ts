import { asText } from './clean';

/** The 47 prefectures in JIS X 0401 order (code = index + 1). */
export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

export type Prefecture = (typeof PREFECTURES)[number];

const PREFECTURE_SET: ReadonlySet<string> = new Set(PREFECTURES);

export function isPrefecture(s: string): s is Prefecture {
  return PREFECTURE_SET.has(s);
}

export interface PrefectureSplit {
  /** null when the address does not start with a full prefecture name. */
  prefecture: Prefecture | null;
  /** The rest of the address, trimmed; the whole trimmed address when no prefecture was found. */
  rest: string;
}

/**
 * Splits "東京都世田谷区桜丘3-12-5" into { prefecture: '東京都', rest: '世田谷区桜丘3-12-5' }. Only the full official
 * name counts: "東京 世田谷区" or "京都市…" give null rather than a guess (京都市 is in 京都府, but "大阪" alone
 * could as well start "大阪狭山市"). No prefecture name is a prefix of another, so the first match is the match.
 */
export function splitPrefecture(address: string): PrefectureSplit {
  const text = asText(address).trim();
  for (const prefecture of PREFECTURES) {
    if (text.startsWith(prefecture)) return { prefecture, rest: text.slice(prefecture.length).trim() };
  }
  return { prefecture: null, rest: text };
}
