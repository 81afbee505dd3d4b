import { describe, expect, it } from 'vitest';
import {
  headerKey,
  joinName,
  multiLine,
  parseCarrier,
  parseEmail,
  parsePhone,
  parsePostal,
  parseQuantity,
  parseYen,
  personText,
  singleLine,
  splitAddress,
} from '../../../shared/domain/import/values';

describe('parseYen', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['￥１，２３４', 1234],
    ['¥ 1,234', 1234],
    ['1234円', 1234],
    ['１２３４円', 1234],
    ['\\1,234', 1234],
    ['1234.00', 1234],
    ['0', 0],
    ['-500', -500],
    ['△500', -500],
    ['▲1,000', -1000],
    ['JPY 300', 300],
    ['  980  ', 980],
    ['1,000,000,000', 1_000_000_000],
  ])('%j → %d', (raw, value) => expect(parseYen(raw)).toEqual({ ok: true, value }));

  it('treats an empty cell as no value', () => expect(parseYen('  ')).toEqual({ ok: true, value: null }));

  it.each([
    ['abc', 'amount_invalid'],
    ['12a', 'amount_invalid'],
    ['1.5', 'amount_fraction'],
    ['1234.50', 'amount_fraction'],
    ['1,000,000,001', 'amount_too_large'],
    ['99999999999999999999999', 'amount_too_large'],
    ['1e9', 'amount_invalid'],
    ['--5', 'amount_invalid'],
  ])('refuses %j with %s', (raw, code) => expect(parseYen(raw)).toMatchObject({ ok: false, code }));
});

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['２', 2],
    ['3個', 3],
    ['4.0', 4],
    ['100000', 100000],
  ])('%j → %d', (raw, value) => expect(parseQuantity(raw)).toEqual({ ok: true, value }));
  it.each(['0', '-1', '1.5', '100001', 'x', '99999999999'])('refuses %j', (raw) =>
    expect(parseQuantity(raw)).toMatchObject({ ok: false, code: 'quantity_invalid' }),
  );
});

describe('postal codes, phones and e-mail addresses', () => {
  it.each(['1540015', '154-0015', '〒154-0015', '〒１５４－００１５', '154 0015'])('postal %j', (raw) =>
    expect(parsePostal(raw)).toEqual({ ok: true, value: '1540015' }),
  );
  it.each(['154-001', 'SW1A 1AA', '12345678'])('refuses postal %j', (raw) =>
    expect(parsePostal(raw)).toMatchObject({ ok: false, code: 'postal_invalid' }),
  );
  it.each([
    ['090-1234-5678', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['(03) 1234-5678', '0312345678'],
    ['+81 90-1234-5678', '09012345678'],
    ['+81-3-1234-5678', '0312345678'],
    ['+1 415 555 0100', '+14155550100'],
  ])('phone %j → %s', (raw, value) => expect(parsePhone(raw)).toEqual({ ok: true, value }));
  it.each(['12-34', 'abc', '090-1234-5678-9999-0000'])('refuses phone %j', (raw) =>
    expect(parsePhone(raw)).toMatchObject({ ok: false, code: 'phone_invalid' }),
  );
  it('lower-cases e-mail addresses and refuses what is not one', () => {
    expect(parseEmail(' Sakura.Tanaka@Example.COM ')).toEqual({
      ok: true,
      value: 'sakura.tanaka@example.com',
    });
    expect(parseEmail('not-an-address')).toMatchObject({ ok: false, code: 'email_invalid' });
    expect(parseEmail('')).toEqual({ ok: true, value: null });
  });
});

describe('text', () => {
  it('compares header names loosely', () => {
    expect(headerKey('\uFEFF注文者郵便番号１')).toBe(headerKey('注文者郵便番号1'));
    expect(headerKey('メール差込文 (お客様へのメッセージ)')).toBe(
      headerKey('メール差込文(お客様へのメッセージ)'),
    );
    expect(headerKey('OrderId')).toBe(headerKey('orderid'));
  });
  it('flattens single-line text and keeps line breaks in notes', () => {
    expect(singleLine(' カラー:藍色\r\nサイズ:M\t ')).toBe('カラー:藍色 サイズ:M');
    expect(singleLine('a\u0000b')).toBe('ab');
    expect(multiLine('一行目\r\n二行目\r三行目\u0007')).toBe('一行目\n二行目\n三行目');
  });
  it('normalises names (half-width kana, spaces) and joins 姓 and 名', () => {
    expect(personText('ｻﾄｳ　ﾐｻｷ')).toBe('サトウ ミサキ');
    expect(joinName('佐藤', '美咲')).toBe('佐藤 美咲');
    expect(joinName('佐藤', '')).toBe('佐藤');
  });
  it('splits one-column addresses into postal code, prefecture and the rest', () => {
    expect(splitAddress('〒 231-0023 神奈川県横浜市中区山下町1-2')).toEqual({
      postal: '2310023',
      prefecture: '神奈川県',
      rest: '横浜市中区山下町1-2',
    });
    expect(splitAddress('京都府京都市下京区')).toEqual({
      postal: undefined,
      prefecture: '京都府',
      rest: '京都市下京区',
    });
    expect(splitAddress('Somewhere 1')).toEqual({
      postal: undefined,
      prefecture: undefined,
      rest: 'Somewhere 1',
    });
  });
  it.each([
    ['ヤマト運輸', 'yamato'],
    ['1001', 'yamato'],
    ['佐川急便', 'sagawa'],
    ['日本郵便', 'japanpost'],
    ['ゆうパケット', 'japanpost'],
    ['西濃運輸', 'other'],
    ['', null],
  ])('carrier %j → %s', (raw, carrier) => expect(parseCarrier(raw)).toBe(carrier));
});
