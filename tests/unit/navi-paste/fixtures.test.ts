import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNaviPaste } from '../../../shared/domain/navi-paste';
import type { NaviPasteFields } from '../../../shared/domain/navi-paste';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/navi-paste/${name}`, import.meta.url)), 'utf8');

interface FixtureCase {
  file: string;
  what: string;
  /** Asia/Tokyo wall-clock time of the paste. */
  now: string;
  fields: NaviPasteFields;
  missing: string[];
  warnings: string[];
}

const cases: FixtureCase[] = [
  {
    file: 'full-page.txt',
    what: 'a select-all copy of a finished deal, menus, history and messages included',
    now: '2025-12-28T12:00:00+09:00',
    fields: {
      buyerName: '山田 太郎',
      postalCode: '1540015',
      prefecture: '東京都',
      address1: '世田谷区桜丘3-12-5',
      address2: 'コーポ桜201',
      phone: '09012345678',
      deliveryMethod: 'ゆうパック(おてがる版)',
      shippingFee: 1200,
      auctionId: 'x1123456789',
      title: '【美品】SONY ワイヤレスイヤホン WF-1000XM4 ブラック 動作確認済み',
      price: 12800,
      buyerId: 'taro_yamada1234',
      endedAt: '2025-12-26T12:03:00.000Z',
      status: 'received',
      events: [
        { kind: 'address_sent', at: '2025-12-26T12:30:00.000Z' },
        { kind: 'paid', at: '2025-12-26T13:40:00.000Z' },
        { kind: 'shipped', at: '2025-12-27T01:05:00.000Z' },
        { kind: 'received', at: '2025-12-28T00:14:00.000Z' },
      ],
    },
    missing: [],
    warnings: [],
  },
  {
    file: 'otodoke-box.txt',
    what: 'only the お届け先 box, no labels but TEL',
    now: '2025-12-28T12:00:00+09:00',
    fields: {
      buyerName: '山本 由美',
      postalCode: '6570027',
      prefecture: '兵庫県',
      address1: '神戸市灘区永手町5丁目2-8',
      address2: 'グランドハイツ六甲 402',
      phone: '0787654321',
    },
    missing: ['deliveryMethod', 'status'],
    warnings: [],
  },
  {
    file: 'otodoke-box-no-honorific.txt',
    what: 'the お届け先 box with the name under the address and no 様: read, and flagged as a guess',
    now: '2025-12-28T12:00:00+09:00',
    fields: {
      buyerName: '山田 太郎',
      postalCode: '1540015',
      prefecture: '東京都',
      address1: '世田谷区桜丘3-12-5',
      address2: 'コーポ桜201',
      phone: '09012345678',
    },
    missing: ['deliveryMethod', 'status'],
    warnings: ['氏名の欄が見つからないため「山田 太郎」を氏名としました。確認してください'],
  },
  {
    file: 'full-width.txt',
    what: 'full-width digits and colons, ideographic spaces, half-width kana, (フリガナ) label',
    now: '2025-12-28T12:00:00+09:00',
    fields: {
      buyerName: '佐藤 花子',
      buyerKana: 'サトウ ハナコ',
      postalCode: '5300001',
      prefecture: '大阪府',
      address1: '大阪市北区梅田1-2-3',
      address2: '梅田レジデンス 1502号室',
      phone: '0612345678',
      deliveryMethod: 'クリックポスト',
      shippingFee: 185,
      title: 'ハンドメイド がま口ポーチ 花柄',
      price: 3480,
      status: 'paid',
    },
    missing: [],
    warnings: [],
  },
  {
    file: 'cancelled.txt',
    what: 'a deal the seller cancelled after the buyer sent the address',
    now: '2025-11-20T10:00:00+09:00',
    fields: {
      buyerName: '鈴木 一郎',
      postalCode: '0600042',
      prefecture: '北海道',
      address1: '札幌市中央区大通西4丁目1番地',
      phone: '0112223333',
      deliveryMethod: 'ヤマト運輸 宅急便',
      shippingFee: 1500,
      auctionId: 'c1098765432',
      title: '木製 スツール 北欧風 アンティーク調',
      price: 4500,
      buyerId: 'hanako_s',
      endedAt: '2025-11-03T13:15:00.000Z',
      status: 'cancelled',
      events: [
        { kind: 'address_sent', at: '2025-11-03T22:30:00.000Z' },
        { kind: 'cancelled', at: '2025-11-10T09:02:00.000Z' },
      ],
    },
    missing: [],
    warnings: [],
  },
  {
    file: 'december-in-january.txt',
    what: 'December dates pasted in January belong to the previous year',
    now: '2026-01-05T10:00:00+09:00',
    fields: {
      buyerName: '高橋 美咲',
      postalCode: '9800021',
      prefecture: '宮城県',
      address1: '仙台市青葉区中央2-1-7',
      address2: 'ライオンズマンション仙台201',
      phone: '0221234567',
      deliveryMethod: 'ゆうパケットポスト',
      shippingFee: 230,
      auctionId: 'k1187654321',
      endedAt: '2025-12-30T14:59:00.000Z',
      status: 'paid',
      events: [
        { kind: 'address_sent', at: '2025-12-30T23:00:00.000Z' },
        { kind: 'paid', at: '2026-01-02T15:12:00.000Z' },
      ],
    },
    missing: [],
    warnings: ['日付の年を推定しました（2025年）'],
  },
  {
    file: 'no-phone-no-postal.txt',
    what: 'an address without 〒 and no phone number',
    now: '2025-12-28T12:00:00+09:00',
    fields: {
      buyerName: '伊藤 健太',
      prefecture: '神奈川県',
      address1: '横浜市港北区日吉本町1-2-3',
      deliveryMethod: '定形外郵便',
      status: 'address_sent',
    },
    missing: ['postalCode', 'phone'],
    warnings: [],
  },
  {
    file: 'table-with-seller-box.txt',
    what: 'TAB-separated table cells, the seller’s own box first, 〒 glued to the address',
    now: '2025-12-03T12:00:00+09:00',
    fields: {
      buyerName: '小林 直樹',
      buyerKana: 'コバヤシ ナオキ',
      postalCode: '4600008',
      prefecture: '愛知県',
      address1: '名古屋市中区栄3丁目4番5号',
      address2: 'サカエビル8F',
      phone: '0521112222',
      deliveryMethod: '佐川急便',
      shippingFee: 0,
      status: 'shipped',
      events: [{ kind: 'shipped', at: '2025-12-01T00:00:00.000Z' }],
    },
    missing: [],
    warnings: [],
  },
  {
    file: 'crlf.txt',
    what: 'CRLF line ends mixed with a bare LF, TAB between label and value',
    now: '2025-10-05T12:00:00+09:00',
    fields: {
      buyerName: '中村 さくら',
      postalCode: '8120011',
      prefecture: '福岡県',
      address1: '福岡市博多区博多駅前3-4-5',
      address2: '博多ハイツ305',
      phone: '08098765432',
      deliveryMethod: 'ゆうパック',
      shippingFee: 1100,
      title: 'レトロ 喫茶 グラス 4客セット',
      price: 6000,
      status: 'paid',
      events: [{ kind: 'paid', at: '2025-10-02T10:45:00.000Z' }],
    },
    missing: [],
    warnings: [],
  },
];

describe('parseNaviPaste on realistic pastes', () => {
  it.each(cases)('$file: $what', ({ file, now, fields, missing, warnings }) => {
    const result = parseNaviPaste(fixture(file), new Date(now));
    expect(result.fields).toEqual(fields);
    expect(result.missing).toEqual(missing);
    expect(result.warnings).toEqual(warnings);
    expect(new Set(result.recognised)).toEqual(new Set(Object.keys(fields)));
  });

  it('keeps the CRLF fixture’s line ends (it is the point of that fixture)', () => {
    expect(fixture('crlf.txt')).toContain('\r\n');
  });

  it.each(cases)('$file reads the same with CRLF, CR or LF line ends', ({ file, now }) => {
    const lf = fixture(file).replace(/\r\n?/g, '\n');
    const expected = parseNaviPaste(lf, new Date(now));
    for (const ending of ['\r\n', '\r']) {
      expect(parseNaviPaste(lf.replace(/\n/g, ending), new Date(now))).toEqual(expected);
    }
  });

  it('reads the full page the same with blank lines doubled and a mix of line ends', () => {
    const now = new Date('2025-12-28T12:00:00+09:00');
    const text = fixture('full-page.txt');
    const lines = text.split('\n');
    const mixed = lines.map((l, i) => l + ['\r\n', '\n', '\r', '\n\n\r\n'][i % 4]).join('');
    expect(parseNaviPaste(mixed, now)).toEqual(parseNaviPaste(text, now));
  });
});
