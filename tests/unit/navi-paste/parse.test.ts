import { describe, expect, it } from 'vitest';
import { NAVI_PASTE_MAX_CHARS, parseNaviPaste } from '../../../shared/domain/navi-paste';
import type { NaviPasteFields } from '../../../shared/domain/navi-paste';

const NOW = new Date('2025-12-28T12:00:00+09:00');
const parse = (text: string, now: Date = NOW) => parseNaviPaste(text, now);

describe('labels in every wording', () => {
  it.each<[string, Partial<NaviPasteFields>]>([
    ['氏名：山田 太郎', { buyerName: '山田 太郎' }],
    ['お名前：山田 太郎', { buyerName: '山田 太郎' }],
    ['名前：山田 太郎', { buyerName: '山田 太郎' }],
    ['落札者氏名：山田 太郎', { buyerName: '山田 太郎' }],
    ['お届け先氏名：山田 太郎 様', { buyerName: '山田 太郎' }],
    ['住所：〒154-0015 東京都世田谷区桜丘3-12-5', { postalCode: '1540015', address1: '世田谷区桜丘3-12-5' }],
    ['お届け先住所：〒154-0015 東京都世田谷区桜丘3-12-5', { postalCode: '1540015' }],
    ['お届け先：〒154-0015 東京都世田谷区桜丘3-12-5', { postalCode: '1540015' }],
    ['郵便番号：154-0015', { postalCode: '1540015' }],
    ['電話番号：090-1234-5678', { phone: '09012345678' }],
    ['電話：090-1234-5678', { phone: '09012345678' }],
    ['TEL：090-1234-5678', { phone: '09012345678' }],
    ['tel 090-1234-5678', { phone: '09012345678' }],
    ['携帯電話：090-1234-5678', { phone: '09012345678' }],
    ['お届け方法：ゆうパック', { deliveryMethod: 'ゆうパック' }],
    ['配送方法：ゆうパック', { deliveryMethod: 'ゆうパック' }],
    ['発送方法：ゆうパック', { deliveryMethod: 'ゆうパック' }],
    ['取引の状況：支払い完了', { status: 'paid' }],
    ['取引状況：支払い完了', { status: 'paid' }],
    ['取引ステータス：支払い完了', { status: 'paid' }],
    ['落札価格：1,500円', { price: 1500 }],
    ['落札金額：1,500円', { price: 1500 }],
    ['金額：1,500円', { price: 1500 }],
    ['オークションID：x123456789', { auctionId: 'x123456789' }],
    ['商品ID：x123456789', { auctionId: 'x123456789' }],
    ['商品名：がま口ポーチ', { title: 'がま口ポーチ' }],
    ['タイトル：がま口ポーチ', { title: 'がま口ポーチ' }],
    ['落札者：taro_yamada', { buyerId: 'taro_yamada' }],
    ['落札者ID：taro_yamada', { buyerId: 'taro_yamada' }],
    ['終了日時：12月26日 21時 3分', { endedAt: '2025-12-26T12:03:00.000Z' }],
    ['落札日時：12月26日 21時 3分', { endedAt: '2025-12-26T12:03:00.000Z' }],
    ['フリガナ：ヤマダ タロウ', { buyerKana: 'ヤマダ タロウ' }],
    ['氏名（フリガナ）：やまだ たろう', { buyerKana: 'ヤマダ タロウ' }],
    ['送料：500円', { shippingFee: 500 }],
  ])('%j', (text, expected) => {
    expect(parse(text).fields).toMatchObject(expected);
  });
});

describe('where the value sits', () => {
  it.each([
    '氏名 山田 太郎',
    '氏名\t山田 太郎',
    '氏名:山田 太郎',
    '氏名：山田 太郎',
    '氏名 ： 山田 太郎',
    '氏名　　：　山田　太郎',
    '【氏名】山田 太郎',
    '【氏名】 山田 太郎',
    '■氏名：山田 太郎',
    '・氏名 山田 太郎',
    '氏名\n山田 太郎',
    '氏名:\n山田 太郎',
    '氏名\n\n\n山田 太郎',
    '氏名\nコピー\n山田 太郎',
    '  氏名  \r\n  山田   太郎  ',
  ])('%j', (text) => {
    expect(parse(text).fields.buyerName).toBe('山田 太郎');
  });

  it.each([
    '住所変更はこちら\n東京都世田谷区',
    'お届け方法を変更する',
    '名前を入力してください',
    '電話でのお問い合わせ',
  ])('a word that merely starts with a label is no label: %j', (text) => {
    expect(parse(text).recognised).toEqual([]);
  });

  it('takes no value from the next line when that line is another label', () => {
    const { fields, missing } = parse('氏名\n住所\n〒154-0015\n東京都世田谷区桜丘3-12-5');
    expect(fields.buyerName).toBeUndefined();
    expect(fields.postalCode).toBe('1540015');
    expect(missing).toContain('buyerName');
  });

  it('prefers the more specific label when a field is labelled twice', () => {
    const text = '金額：300円\n落札価格：1,500円';
    expect(parse(text).fields.price).toBe(1500);
  });
});

describe('names and readings', () => {
  it.each<[string, Partial<NaviPasteFields>]>([
    ['氏名：山田 太郎（ヤマダ タロウ）', { buyerName: '山田 太郎', buyerKana: 'ヤマダ タロウ' }],
    ['氏名：山田 太郎（ヤマダ タロウ） 様', { buyerName: '山田 太郎', buyerKana: 'ヤマダ タロウ' }],
    ['氏名\n山田 太郎\n(ヤマダ タロウ)', { buyerName: '山田 太郎', buyerKana: 'ヤマダ タロウ' }],
    ['氏名：ﾔﾏﾀﾞ ﾀﾛｳ', { buyerName: 'ヤマダ タロウ' }],
    ['氏名：株式会社トリヒキ 御中', { buyerName: '株式会社トリヒキ' }],
    ['氏名：山田 太郎(東京)', { buyerName: '山田 太郎(東京)' }],
  ])('%j', (text, expected) => {
    expect(parse(text).fields).toMatchObject(expected);
  });

  it('does not take a reading that is not kana', () => {
    expect(parse('フリガナ：Yamada Taro').fields.buyerKana).toBeUndefined();
  });
});

describe('addresses', () => {
  it.each<[string, Partial<NaviPasteFields>]>([
    [
      '住所：〒154-0015 東京都世田谷区桜丘3-12-5 コーポ桜201',
      {
        postalCode: '1540015',
        prefecture: '東京都',
        address1: '世田谷区桜丘3-12-5',
        address2: 'コーポ桜201',
      },
    ],
    [
      '住所\n〒154-0015\n東京都世田谷区桜丘3-12-5\nコーポ桜201',
      {
        postalCode: '1540015',
        prefecture: '東京都',
        address1: '世田谷区桜丘3-12-5',
        address2: 'コーポ桜201',
      },
    ],
    [
      '住所：〒1540015東京都世田谷区桜丘3-12-5コーポ桜201',
      {
        postalCode: '1540015',
        prefecture: '東京都',
        address1: '世田谷区桜丘3-12-5',
        address2: 'コーポ桜201',
      },
    ],
    ['住所：154-0015 東京都世田谷区桜丘3-12-5', { postalCode: '1540015', address1: '世田谷区桜丘3-12-5' }],
    [
      '住所：〒154ー0015 東京都世田谷区桜丘3ー12ー5',
      { postalCode: '1540015', address1: '世田谷区桜丘3-12-5' },
    ],
    [
      '住所：〒１５４－００１５　東京都世田谷区桜丘３－１２－５',
      { postalCode: '1540015', address1: '世田谷区桜丘3-12-5' },
    ],
    [
      '住所\n〒154-0015\n東京都世田谷区\n桜丘3-12-5\nコーポ桜201',
      { postalCode: '1540015', address1: '世田谷区桜丘3-12-5', address2: 'コーポ桜201' },
    ],
    [
      '住所：〒100-0014 東京都千代田区永田町1丁目7番1号',
      { prefecture: '東京都', address1: '千代田区永田町1丁目7番1号' },
    ],
    [
      '住所：〒460-0008 愛知県名古屋市中区栄3丁目4番5号サカエビル8F',
      { address1: '名古屋市中区栄3丁目4番5号', address2: 'サカエビル8F' },
    ],
    ['住所：〒154-0015 東京都世田谷区桜丘3-12-5-201', { address1: '世田谷区桜丘3-12-5-201' }],
    [
      '住所：〒530-0001 大阪府大阪市北区梅田1-2-3 201号室',
      { address1: '大阪市北区梅田1-2-3', address2: '201号室' },
    ],
    ['住所：〒600-8001 京都府京都市下京区四条通', { prefecture: '京都府', address1: '京都市下京区四条通' }],
    ['住所\n〒154-0015\n東京都世田谷区桜丘3-12-5\n地図を見る', { address1: '世田谷区桜丘3-12-5' }],
  ])('%j', (text, expected) => {
    const { fields } = parse(text);
    expect(fields).toMatchObject(expected);
    if (!('address2' in expected)) expect(fields.address2).toBeUndefined();
  });

  it('stops at the next label: the phone number is not the building', () => {
    const { fields } = parse(
      '住所\n〒154-0015\n東京都世田谷区桜丘3-12-5\n090-1234-5678\n電話番号\n090-1234-5678',
    );
    expect(fields.address2).toBeUndefined();
    expect(fields.phone).toBe('09012345678');
  });

  it('warns when the 〒 code is not 7 digits, and still reads the address', () => {
    const result = parse('住所：〒154-001 東京都世田谷区桜丘3-12-5');
    expect(result.fields.postalCode).toBeUndefined();
    expect(result.fields.address1).toBe('世田谷区桜丘3-12-5');
    expect(result.missing).toContain('postalCode');
    expect(result.warnings).toEqual(['郵便番号が7桁ではありません（「154-001」）']);
  });

  it('does not warn about a bad 〒 when a 郵便番号 line gives the code', () => {
    const result = parse('住所：〒154-001 東京都世田谷区桜丘3-12-5\n郵便番号：154-0015');
    expect(result.fields.postalCode).toBe('1540015');
    expect(result.warnings).toEqual([]);
  });

  it('warns about a bad 〒 code even when nothing else of the address could be read', () => {
    const result = parse('住所：〒154-001');
    expect(result.recognised).toEqual([]);
    expect(result.warnings).toEqual(['郵便番号が7桁ではありません（「154-001」）']);
  });

  it('does not take a date line after the address for the building', () => {
    const { fields } = parse('住所\n〒154-0015\n東京都世田谷区桜丘3-12-5\n12月26日 21時 30分');
    expect(fields.address2).toBeUndefined();
  });

  it('warns about a 郵便番号 line with the wrong digit count', () => {
    expect(parse('郵便番号：1234').warnings).toEqual(['郵便番号が7桁ではありません（「1234」）']);
  });

  it('reads an address without a prefecture and says so', () => {
    const result = parse('住所：〒154-0015 世田谷区桜丘3-12-5');
    expect(result.fields).toMatchObject({ postalCode: '1540015', address1: '世田谷区桜丘3-12-5' });
    expect(result.fields.prefecture).toBeUndefined();
    expect(result.warnings).toEqual(['住所に都道府県が見つかりません。住所を確認してください']);
  });

  it.each(['お届け情報', '支払い完了', '取引ナビ', 'お届け先情報', '住所をコピー'])(
    'does not take %j above the 〒 line for the name',
    (line) => {
      expect(parse(`${line}\n〒154-0015\n東京都世田谷区桜丘3-12-5`).fields.buyerName).toBeUndefined();
    },
  );

  it('flags an unlabelled name without 様 as a guess', () => {
    const result = parse('〒154-0015\n東京都世田谷区桜丘3-12-5\n山田 太郎');
    expect(result.fields.buyerName).toBe('山田 太郎');
    expect(result.warnings).toEqual([
      '氏名の欄が見つからないため「山田 太郎」を氏名としました。確認してください',
    ]);
  });

  it('ignores the seller’s own box', () => {
    const text = [
      '出品者情報',
      '氏名：出品 太郎',
      '住所：〒100-0001 東京都千代田区千代田1-1',
      '電話番号：03-0000-0000',
      'お届け情報',
      '氏名：山田 太郎',
      '住所：〒154-0015 東京都世田谷区桜丘3-12-5',
      '電話番号：090-1234-5678',
    ].join('\n');
    expect(parse(text).fields).toMatchObject({
      buyerName: '山田 太郎',
      postalCode: '1540015',
      phone: '09012345678',
    });
  });

  it('does not open a seller section for a menu link that mentions it', () => {
    const text = '出品者情報を見る\n氏名：山田 太郎';
    expect(parse(text).fields.buyerName).toBe('山田 太郎');
  });
});

describe('phone numbers', () => {
  it.each([
    ['電話番号：090-1234-5678', '09012345678'],
    ['電話番号：０９０ー１２３４ー５６７８', '09012345678'],
    ['TEL09012345678', '09012345678'],
    ['電話番号：+81 90-1234-5678', '09012345678'],
    ['電話番号(日中)：03-1234-5678', '0312345678'],
    ['電話番号：(03)1234-5678', '0312345678'],
    ['電話番号：090-1234-5678（日中はこちら）', '09012345678'],
    ['電話番号\n090 1234 5678', '09012345678'],
  ])('%j → %s', (text, phone) => {
    expect(parse(text).fields.phone).toBe(phone);
  });

  it('warns about a number with the wrong digit count and leaves the field empty', () => {
    const result = parse('電話番号：090-1234-567');
    expect(result.fields.phone).toBeUndefined();
    expect(result.warnings).toEqual(['電話番号の桁数が正しくありません（「090-1234-567」）']);
  });

  it('does not take a phone number far from any address when it is unlabelled', () => {
    expect(parse('お問い合わせ\n0570-000-000').fields.phone).toBeUndefined();
  });
});

describe('delivery method and shipping fee', () => {
  it.each<[string, string | undefined, number | undefined]>([
    ['お届け方法：ゆうパック（おてがる版） 送料：1,200円', 'ゆうパック(おてがる版)', 1200],
    ['配送方法：クリックポスト(送料:185円)', 'クリックポスト', 185],
    ['発送方法：ゆうパケット（送料込み）', 'ゆうパケット', 0],
    ['お届け方法：ネコポス 送料無料', 'ネコポス', 0],
    ['お届け方法：ゆうパック 送料 出品者負担', 'ゆうパック', 0],
    ['お届け方法：レターパックプラス 520円', 'レターパックプラス', 520],
    ['お届け方法：定形外郵便（送料：落札者負担）', '定形外郵便', undefined],
    ['お届け方法：ゆうパック 着払い', 'ゆうパック 着払い', undefined],
    ['お届け方法\nゆうパケット\n送料\n230円', 'ゆうパケット', 230],
    ['お届け方法：宅急便コンパクト\n送料：¥1,000', '宅急便コンパクト', 1000],
    ['送料：1,000円', undefined, 1000],
    ['送料：1,000円（税込）', undefined, 1000],
    ['お届け方法：ゆうパック 送料：1,000円(税込)', 'ゆうパック', 1000],
    ['送料：込み', undefined, 0],
    ['送料：未定', undefined, undefined],
    ['送料：230円（落札者負担）', undefined, 230],
    ['送料：着払い', undefined, undefined],
  ])('%j', (text, method, fee) => {
    const { fields } = parse(text);
    expect(fields.deliveryMethod).toBe(method);
    expect(fields.shippingFee).toBe(fee);
  });
});

describe('deal details', () => {
  it.each<[string, Partial<NaviPasteFields>]>([
    ['落札価格：12,800円（税 0 円）', { price: 12800 }],
    ['落札金額：￥３，４８０', { price: 3480 }],
    ['落札価格(税込)：1,650円', { price: 1650 }],
    ['金額: 1500', { price: 1500 }],
    ['落札者：taro_yamada1234 （評価 128）', { buyerId: 'taro_yamada1234' }],
    ['落札者ID: abc-123 さん', { buyerId: 'abc-123' }],
    ['オークションID：X1123456789', { auctionId: 'x1123456789' }],
    ['オークションID：1123456789', { auctionId: '1123456789' }],
    [
      'https://contact.auctions.yahoo.co.jp/seller/top?aid=x1123456789&syid=me&bid=you',
      { auctionId: 'x1123456789' },
    ],
    ['終了日時：2024年12月26日 21時3分', { endedAt: '2024-12-26T12:03:00.000Z' }],
    ['終了日時：12/26 21:03', { endedAt: '2025-12-26T12:03:00.000Z' }],
    [
      'がま口ポーチ 花柄 ハンドメイド\nオークションID：x1123456789',
      { title: 'がま口ポーチ 花柄 ハンドメイド' },
    ],
  ])('%j', (text, expected) => {
    expect(parse(text).fields).toMatchObject(expected);
  });

  it.each([
    ['落札者：山田さん', 'buyerId'],
    ['落札価格：未定', 'price'],
    ['取引ナビ\nオークションID：x1123456789', 'title'],
    ['オークションID：なし', 'auctionId'],
  ])('leaves a field empty rather than guess: %j', (text, field) => {
    expect(parse(text).recognised).not.toContain(field);
  });
});

describe('取引の状況 and its history', () => {
  it.each<[string, string | undefined]>([
    ['取引の状況：支払い完了', 'paid'],
    ['取引の状況\n・落札者からお届け情報が送信されました。', 'address_sent'],
    [
      '取引の状況\n・出品者から発送の連絡がありました。\n・落札者から支払い完了の連絡がありました。',
      'shipped',
    ],
    ['取引の状況\n・落札者から受け取り連絡がありました。', 'received'],
    ['取引ステータス：取引中止', 'cancelled'],
    ['取引の状況\n削除済み', 'cancelled'],
    [
      '取引の状況\n・出品者により取引を中止しました。\n・落札者から支払い完了の連絡がありました。',
      'cancelled',
    ],
    ['この取引は出品者により取引を中止しました。', 'cancelled'],
    ['取引がキャンセルされました', 'cancelled'],
    // A bare "削除" outside the status block is a button, not a deleted deal.
    ['メッセージを削除', undefined],
    // Without a date, a keyword outside the block may be a chat message: not a status.
    ['支払い完了しました、ありがとうございます', undefined],
  ])('%j → %s', (text, status) => {
    expect(parse(text).fields.status).toBe(status);
  });

  it('takes the furthest step, even when a later row is an earlier step (address changed after payment)', () => {
    const text = [
      '取引の状況',
      '・落札者からお届け情報が変更されました。 12月27日 9時 0分',
      '・落札者から支払い完了の連絡がありました。 12月26日 22時 40分',
      '・落札者からお届け情報が送信されました。 12月26日 21時 30分',
    ].join('\n');
    const { fields } = parse(text);
    expect(fields.status).toBe('paid');
    expect(fields.events).toEqual([
      { kind: 'address_sent', at: '2025-12-26T12:30:00.000Z' },
      { kind: 'paid', at: '2025-12-26T13:40:00.000Z' },
      { kind: 'address_sent', at: '2025-12-27T00:00:00.000Z' },
    ]);
  });

  it('pairs each row with its own date when the date cell comes first', () => {
    const text = [
      '取引の状況',
      '12月27日 10時 5分',
      '・出品者から発送の連絡がありました。',
      '12月26日 22時 40分',
      '・落札者から支払い完了の連絡がありました。',
    ].join('\n');
    expect(parse(text).fields.events).toEqual([
      { kind: 'paid', at: '2025-12-26T13:40:00.000Z' },
      { kind: 'shipped', at: '2025-12-27T01:05:00.000Z' },
    ]);
  });

  it('reads dated history rows even when the 取引の状況 label was not copied', () => {
    const text = '・落札者から支払い完了の連絡がありました。 12月26日 22時 40分';
    const { fields } = parse(text);
    expect(fields.status).toBe('paid');
    expect(fields.events).toEqual([{ kind: 'paid', at: '2025-12-26T13:40:00.000Z' }]);
  });

  it('says so when the status text means nothing it knows', () => {
    const result = parse('取引の状況：発送連絡');
    expect(result.fields.status).toBeUndefined();
    expect(result.missing).toContain('status');
    expect(result.warnings).toEqual(['取引の状況を読み取れませんでした（「発送連絡」）']);
  });
});

describe('dates without a year', () => {
  it('warns once, naming the inferred year, when it is not the current one', () => {
    const now = new Date('2026-01-05T10:00:00+09:00');
    const result = parse('終了日時：12月30日 23時 59分\n取引の状況\n支払い完了 1月3日 0時 12分', now);
    expect(result.fields.endedAt).toBe('2025-12-30T14:59:00.000Z');
    expect(result.warnings).toEqual(['日付の年を推定しました（2025年）']);
  });

  it('does not warn for this year’s dates', () => {
    expect(parse('終了日時：12月26日 21時 3分').warnings).toEqual([]);
  });

  it('lists every inferred year', () => {
    const now = new Date('2026-01-05T10:00:00+09:00');
    const text = '終了日時：12月30日 23時 59分\n取引の状況\n支払い完了 2月29日 10時 0分';
    const result = parse(text, now);
    expect(result.warnings).toContain('日付の年を推定しました（2024年・2025年）');
    // The same warning as a code with its values, for a screen in English.
    expect(result.notes).toContainEqual({ code: 'year_inferred', years: [2024, 2025] });
  });

  it.each<[string, string, string[]]>([
    [
      '2025-06-01T12:00:00+09:00',
      '2024-02-29T11:00:00.000Z',
      [
        '2月29日は直近のうるう年（2024年）の日付として読み取りました。年を確認してください',
        '日付の年を推定しました（2024年）',
      ],
    ],
    ['2025-01-10T12:00:00+09:00', '2024-02-29T11:00:00.000Z', ['日付の年を推定しました（2024年）']],
    ['2028-03-01T12:00:00+09:00', '2028-02-29T11:00:00.000Z', []],
  ])('2月29日 pasted at %s → %s', (now, iso, warnings) => {
    const result = parse('終了日時：2月29日 20時 0分', new Date(now));
    expect(result.fields.endedAt).toBe(iso);
    expect(result.warnings).toEqual(warnings);
  });

  it('warns about an impossible date and leaves the field empty', () => {
    const result = parse('終了日時：2月30日 10時 0分');
    expect(result.fields.endedAt).toBeUndefined();
    expect(result.warnings).toEqual(['日付を読み取れませんでした（「2月30日 10時 0分」）']);
  });

  it('cannot infer a year from an invalid "now", and says so', () => {
    const result = parse('終了日時：12月26日 21時 3分\n氏名：山田 太郎', new Date(Number.NaN));
    expect(result.fields).toEqual({ buyerName: '山田 太郎' });
    expect(result.warnings).toEqual(['現在の日時が正しくないため、年のない日付を読み取れませんでした']);
  });
});

describe('size limit', () => {
  const limit = NAVI_PASTE_MAX_CHARS.toLocaleString('en-US');
  const tooLong = `貼り付けた文章が長すぎます（先頭の${limit}文字だけを読み取りました）`;

  it('is 20,000 characters', () => {
    expect(NAVI_PASTE_MAX_CHARS).toBe(20_000);
  });

  it('reads a paste of exactly the limit without a warning', () => {
    const text = '氏名：山田 太郎\n' + 'x'.repeat(NAVI_PASTE_MAX_CHARS - '氏名：山田 太郎\n'.length);
    expect(text).toHaveLength(NAVI_PASTE_MAX_CHARS);
    expect(parse(text).warnings).toEqual([]);
  });

  it('reads the start of a 100,000-character paste fast and says it was cut', () => {
    const text =
      '氏名：山田 太郎\n電話番号：090-1234-5678\n' + 'ノイズ ノイズ 12月1日 取引 送料\n'.repeat(5_000);
    expect(text.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const result = parse(text);
    // Generous bound: the point is "no runaway", not a benchmark.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.fields).toMatchObject({ buyerName: '山田 太郎', phone: '09012345678' });
    expect(result.warnings).toContain(tooLong);
  });

  it('still says nothing was found when a long paste had nothing to read', () => {
    expect(parse('あ'.repeat(30_000)).warnings).toEqual([
      tooLong,
      '取引ナビの項目が見つかりませんでした。取引ナビのページを全選択してコピーし、貼り付けてください',
    ]);
  });

  it('drops the line the cut goes through instead of reading half of it', () => {
    const before = 'x\n'.repeat((NAVI_PASTE_MAX_CHARS - 20) / 2);
    const text = before + '住所：〒154-0015 東京都世田谷区桜丘3-12-5 コーポ桜201\n';
    expect(text.length).toBeGreaterThan(NAVI_PASTE_MAX_CHARS);
    const result = parse(text);
    expect(result.fields.address1).toBeUndefined();
    expect(result.warnings).toContain(tooLong);
  });

  it.each([
    ['one 100,000-character line', 'あ'.repeat(100_000)],
    ['100,000 characters of labels', '住所\n取引の状況\n'.repeat(10_000)],
    ['100,000 characters of status rows', '・支払い完了 12月26日 13時 21分\n'.repeat(4_000)],
    ['100,000 characters of digits and dashes', '1-'.repeat(50_000)],
    ['100,000 characters of 〒', '〒'.repeat(100_000)],
    ['100,000 opening brackets', '氏名 ' + '('.repeat(100_000)],
  ])('finishes fast on %s', (_what, text) => {
    const started = performance.now();
    const result = parse(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.warnings).toContain(tooLong);
  });
});

describe('hostile and unknown input', () => {
  const allMissing = ['buyerName', 'postalCode', 'address1', 'phone', 'deliveryMethod', 'status'];

  it('says an empty paste is empty', () => {
    for (const text of ['', ' \n\t\u3000\r\n']) {
      expect(parse(text)).toEqual({
        fields: {},
        recognised: [],
        missing: allMissing,
        warnings: ['貼り付けた文章が空です'],
        notes: [{ code: 'empty' }],
      });
    }
  });

  it('says when nothing was recognised', () => {
    expect(parse('Lorem ipsum dolor sit amet\nこんにちは')).toEqual({
      fields: {},
      recognised: [],
      missing: allMissing,
      warnings: [
        '取引ナビの項目が見つかりませんでした。取引ナビのページを全選択してコピーし、貼り付けてください',
      ],
      notes: [{ code: 'nothing_found' }],
    });
  });

  it.each([
    ['emoji', '氏名 😀山田 太郎👨‍👩‍👧\n住所 〒154-0015 東京都世田谷区桜丘3-12-5', '😀山田 太郎👨👩👧'],
    [
      'control characters',
      '氏名\u0000 山田\u0007 太郎\u001b\n住所 〒154-0015 東京都世田谷区桜丘3-12-5',
      '山田 太郎',
    ],
    [
      'zero-width characters',
      '氏\u200B名 山田\u200B 太郎\n住所 〒154-0015 東京都世田谷区桜丘3-12-5',
      '山田 太郎',
    ],
    [
      'lone surrogates',
      '氏名 山田\uD800 太郎\n住所 〒154-0015 東京都世田谷区桜丘3-12-5\uDC00',
      '山田\uFFFD 太郎',
    ],
  ])('reads around %s', (_what, text, name) => {
    const { fields } = parse(text);
    expect(fields.buyerName).toBe(name);
    expect(fields.postalCode).toBe('1540015');
  });

  it('accepts input of the wrong type from an untyped caller', () => {
    expect(() => parseNaviPaste(undefined as unknown as string, undefined as unknown as Date)).not.toThrow();
    expect(parseNaviPaste(42 as unknown as string, NOW).warnings).toEqual(['貼り付けた文章が空です']);
  });

  it('never throws and keeps its promises on random text (seeded)', () => {
    // Fragments of real pages shuffled together: the parser must stay consistent whatever the order.
    const pieces = [
      '氏名',
      '住所',
      '電話番号',
      'お届け方法',
      '取引の状況',
      '落札価格',
      'オークションID',
      '終了日時',
      '送料',
      '〒',
      '154-0015',
      '東京都',
      '世田谷区',
      '3-12-5',
      'コーポ',
      '様',
      '山田',
      '090-1234-5678',
      '12月26日',
      '13時',
      '21分',
      '2月29日',
      '支払い完了',
      '発送の連絡',
      '取引を中止しました',
      '削除',
      '円',
      '1,500',
      '：',
      ':',
      ' ',
      '\u3000',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '(',
      ')',
      '【',
      '】',
      '😀',
      '\uD800',
      '\u0000',
      'ｰ',
      '０',
    ];
    let seed = 20251228;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 500; round += 1) {
      const length = Math.floor(random() * 60);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const result = parseNaviPaste(text, NOW);
      const { fields } = result;
      expect(result.recognised.filter((f) => result.missing.includes(f))).toEqual([]);
      if (fields.postalCode !== undefined) expect(fields.postalCode).toMatch(/^\d{7}$/);
      if (fields.phone !== undefined) expect(fields.phone).toMatch(/^0\d{9,10}$/);
      if (fields.endedAt !== undefined) expect(new Date(fields.endedAt).toISOString()).toBe(fields.endedAt);
      for (const e of fields.events ?? []) expect(new Date(e.at).toISOString()).toBe(e.at);
      for (const value of Object.values(fields)) expect(value).not.toBe('');
    }
  });
});
