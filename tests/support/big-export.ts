/**
 * A large, realistic 楽天ペイ-style export (25 columns, CP932, quoted commas, quotes and line breaks)
 * for the import benchmark and the kill test. Deterministic for a given seed.
 */
import { encodeCp932 } from './cp932';
import { seeded } from './random';

export const BIG_EXPORT_HEADER = [
  '注文番号',
  'ステータス',
  '注文日時',
  '配送方法',
  '複数送付先フラグ',
  '送料合計',
  '注文者姓',
  '注文者名',
  '注文者メールアドレス',
  '注文者電話番号1',
  '注文者電話番号2',
  '注文者電話番号3',
  '送付先ID',
  '送付先郵便番号1',
  '送付先郵便番号2',
  '送付先住所都道府県',
  '送付先住所郡市区',
  '送付先住所それ以降の住所',
  '送付先姓',
  '送付先名',
  '商品明細ID',
  '商品名',
  '単価',
  '個数',
  'コメント',
];
const SEI = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
];
const MEI = [
  '美咲',
  '健太',
  '陽菜',
  '翔',
  '結衣',
  '大輔',
  '花子',
  '蓮',
  '葵',
  '誠',
  '由美',
  '直美',
  '拓也',
  '千尋',
  '春香',
];
const PLACES: [string, string, string][] = [
  ['東京都', '世田谷区', '15'],
  ['大阪府', '大阪市北区', '53'],
  ['愛知県', '名古屋市中区', '46'],
  ['福岡県', '福岡市博多区', '81'],
  ['北海道', '札幌市中央区', '06'],
  ['宮城県', '仙台市青葉区', '98'],
];
const ITEMS: [string, number][] = [
  ['有田焼 マグカップ 藍', 2980],
  ['手ぬぐい 富士山', 1100],
  ['南部鉄器 急須', 8800],
  ['曲げわっぱ 弁当箱', 5500],
  ['今治タオル フェイスタオル 3枚セット', 2980],
  ['九谷焼 豆皿', 1650],
];
const COMMENTS = [
  '',
  '',
  '',
  '「のし」は不要です。',
  '配達は夕方以降、できれば "19時頃" でお願いします, よろしく',
  'ギフト用です。\r\n金額の分かるものは入れないでください',
  '不在時は宅配ボックスへ, 無理なら置き配で',
];

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** `rows` item rows (1–3 per order) from about rows/4 repeat buyers. */
export function bigExport(rows: number, seed = 42): Buffer {
  const r = seeded(seed);
  const buyers = Math.max(10, Math.floor(rows / 4));
  const lines = [BIG_EXPORT_HEADER.join(',')];
  let order = 0;
  let written = 0;
  while (written < rows) {
    order++;
    const buyer = r.int(buyers);
    const [prefecture, city, postalHead] = PLACES[buyer % PLACES.length]!;
    const sei = SEI[buyer % SEI.length]!;
    const mei = MEI[Math.floor(buyer / SEI.length) % MEI.length]!;
    const day = 1 + (order % 28);
    const count = Math.min(rows - written, r.chance(0.6) ? 1 : r.chance(0.7) ? 2 : 3);
    const shipped = r.chance(0.5);
    const comment = r.pick(COMMENTS);
    for (let line = 1; line <= count; line++) {
      const [item, price] = r.pick(ITEMS);
      lines.push(
        [
          `338012-202410${String(day).padStart(2, '0')}-${String(order).padStart(10, '0')}`,
          shipped ? '発送済' : '発送待ち',
          `2024/10/${String(day).padStart(2, '0')} ${String(order % 24).padStart(2, '0')}:${String(order % 60).padStart(2, '0')}`,
          '宅配便',
          '0',
          '700',
          sei,
          mei,
          `buyer${buyer}@pc.fw.rakuten.ne.jp`,
          '090',
          String(1000 + (buyer % 9000)),
          String(1000 + (Math.floor(buyer / 9000) % 9000)),
          '1',
          `${postalHead}${buyer % 10}`,
          String(buyer % 10000).padStart(4, '0'),
          prefecture,
          city,
          `桜新町${1 + (buyer % 9)}-${1 + (buyer % 20)}-${1 + (buyer % 30)}, コーポ${sei}${100 + (buyer % 900)}号`,
          sei,
          mei,
          String(order * 10 + line),
          item,
          price.toLocaleString('en'),
          String(1 + r.int(3)),
          comment,
        ]
          .map(quote)
          .join(','),
      );
      written++;
    }
  }
  return encodeCp932(`${lines.join('\r\n')}\r\n`);
}
