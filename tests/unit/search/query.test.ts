import { describe, expect, it } from 'vitest';
import {
  emailKey,
  identityKeys,
  namePostalKey,
  namesAgree,
  phoneKey,
} from '../../../shared/domain/customers/identity';
import { codePointLength, personKey, searchKey } from '../../../shared/domain/search/key';
import { MAX_SUBSTRING_QUERY, parseQuery } from '../../../shared/domain/search/query';

describe('searchKey: stored text and queries meet however they were typed', () => {
  it.each([
    ['ヤマダ ハナコ', 'やまだはなこ'],
    ['ﾔﾏﾀﾞ ﾊﾅｺ', 'やまだはなこ'],
    ['やまだ\u3000はなこ', 'やまだはなこ'],
    ['山田・花子', '山田花子'],
    ['Ｙａｍａｄａ＠Ｅｘａｍｐｌｅ．ｃｏｍ', 'yamada@example.com'],
    ['２５０－１２３４５６７', '2501234567'],
    ['T-シャツ', 'tしゃつ'],
    ['ローソン', 'ろーそん'],
    ['X1234-5678', 'x12345678'],
    ['山\u200B田', '山田'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it.each([
    ['山田 花子 様', '山田花子'],
    ['ヤマダ ハナコ さま', 'やまだはなこ'],
    ['鵜殿', '鵜殿'],
    [null, ''],
  ])('personKey(%j) drops honorifics: %j', (input, expected) => {
    expect(personKey(input)).toBe(expected);
  });

  it('counts an emoji as one character', () => {
    expect(codePointLength('🙂🙂')).toBe(2);
  });
});

describe('identity keys', () => {
  it.each([
    [' Hanako.Yamada@Example.COM ', 'hanako.yamada@example.com'],
    ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'hanako@example.jp'],
    ['not an email', null],
    ['a@b@c', null],
    ['', null],
  ])('emailKey(%j) = %j', (input, expected) => {
    expect(emailKey(input)).toBe(expected);
  });

  it.each([
    ['090-1234-5678', '09012345678'],
    ['０９０ー１２３４ー５６７８', '09012345678'],
    ['+81 90 1234 5678', '09012345678'],
    ['(03) 1234-5678', '0312345678'],
    ['5678', null],
    ['', null],
  ])('phoneKey(%j) = %j', (input, expected) => {
    expect(phoneKey(input)).toBe(expected);
  });

  it('keys a name with its postal code, in any format', () => {
    expect(namePostalKey('〒154-0015', '山田 花子 様')).toBe('1540015:山田花子');
    expect(namePostalKey('１５４００１５', 'ﾔﾏﾀﾞ ﾊﾅｺ')).toBe('1540015:やまだはなこ');
    expect(namePostalKey('154-001', '山田')).toBeNull();
  });

  it('takes a platform id only where it is an account id (Yahoo!), not a nickname', () => {
    expect(identityKeys({ marketplace: 'yahoo_auction', platformId: 'Hanako_Y123' })).toEqual([
      { kind: 'platform', marketplace: 'yahoo_auction', value: 'hanako_y123' },
    ]);
    expect(identityKeys({ marketplace: 'mercari', platformId: 'はなこ' })).toEqual([]);
  });

  it('lists every identity, strongest first, with the reading as a second name key', () => {
    const keys = identityKeys({
      name: '山田 花子',
      kana: 'ヤマダ ハナコ',
      email: 'H@X.JP',
      phone: '090-1234-5678',
      postalCode: '154-0015',
    });
    expect(keys.map((k) => `${k.kind}=${k.value}`)).toEqual([
      'email=h@x.jp',
      'phone=09012345678',
      'name_postal=1540015:山田花子',
      'name_postal=1540015:やまだはなこ',
    ]);
  });

  it.each([
    [{ name: '山田 花子' }, { name: '山田花子' }, true],
    [{ name: 'やまだ はなこ' }, { name: '山田 花子', kana: 'ヤマダ ハナコ' }, true],
    [{ name: '山田 花子', kana: 'ﾔﾏﾀﾞ ﾊﾅｺ' }, { name: '山田 華子', kana: 'やまだはなこ' }, true],
    [{ name: '山田 太郎' }, { name: '山田 花子', kana: 'ヤマダ ハナコ' }, false],
    [{ name: '' }, { name: '' }, false],
  ])('namesAgree(%j, %j) = %j', (a, b, expected) => {
    expect(namesAgree(a, b)).toBe(expected);
  });
});

describe('parseQuery', () => {
  it('reads a phone number in any format as a phone identity', () => {
    for (const text of ['090-1234-5678', '０９０（１２３４）５６７８', '+81 90-1234-5678', '09012345678']) {
      expect(parseQuery(text).phones, text).toEqual(['09012345678']);
    }
  });

  it('reads an e-mail, a postal code, and a postal code with a name', () => {
    expect(parseQuery(' Hanako@Example.jp ').emails).toEqual(['hanako@example.jp']);
    expect(parseQuery('〒154-0015').postalCodes).toEqual(['1540015']);
    const q = parseQuery('〒154-0015 山田 花子 様');
    expect(q.namePostal).toEqual(['1540015:山田花子']);
    expect(parseQuery('ヤマダ ハナコ 1540015').namePostal).toEqual(['1540015:やまだはなこ']);
  });

  it('keeps an order number as typed and in both cases for the exact lookup', () => {
    expect(parseQuery('x123456789').orderNumbers).toEqual(['x123456789', 'X123456789']);
    expect(parseQuery('250-1234567-1234567').key).toBe('25012345671234567');
  });

  it('splits words for the multi-word fallback', () => {
    expect(parseQuery('山田 マフラー').terms).toEqual(['山田', 'まふらー']);
    expect(parseQuery('山田 マフラー').key).toBe('山田まふらー');
  });

  it('keeps every word, each once and in order, however many were typed', () => {
    const words = Array.from({ length: 14 }, (_, i) => `語${i}`);
    expect(parseQuery([...words, '語0'].join(' ')).terms).toEqual(words);
    expect(parseQuery('ﾔﾏ　赤 ﾏﾌﾗｰ').terms).toEqual(['やま', '赤', 'まふらー']);
  });

  it.each([
    '"',
    '*',
    'NEAR(a b)',
    ')',
    'AND',
    'OR',
    '^',
    ':',
    'a" OR "b',
    "'; DROP TABLE deals; --",
    '🙂',
    '\u0000\u0007',
    'x'.repeat(10_000),
    '🙂'.repeat(10_000),
  ])('never throws on %j', (text) => {
    expect(() => parseQuery(text)).not.toThrow();
  });

  it('scans a long pasted message for identifiers instead of searching it as text', () => {
    const message = `${'まだ届きません。'.repeat(20)}注文番号 x123456789 の件です。連絡先 hanako@example.jp / 090-1234-5678 〒154-0015`;
    expect(message.length).toBeGreaterThan(MAX_SUBSTRING_QUERY);
    const q = parseQuery(message);
    expect(q.scanned).toBe(true);
    expect(q.key).toBe('');
    expect(q.orderNumbers).toContain('x123456789');
    expect(q.emails).toEqual(['hanako@example.jp']);
    expect(q.phones).toEqual(['09012345678']);
    expect(q.postalCodes).toEqual(['1540015']);
  });

  it('scans 20,000 characters without an identifier quickly', () => {
    const started = performance.now();
    const q = parseQuery('a'.repeat(20_000));
    expect(q.scanned).toBe(true);
    expect(q.orderNumbers).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
