import { describe, expect, it } from 'vitest';
import {
  bareName,
  fillTemplate,
  formatDateJa,
  formatYenJa,
  trackingLinkText,
  unknownTokens,
} from '../../../shared/domain/replies';

describe('buyer name and 様', () => {
  it.each([
    ['山田 花子', '山田 花子様へ'],
    ['山田 花子様', '山田 花子様へ'],
    ['山田 花子 様', '山田 花子様へ'],
    ['山田花子さま', '山田花子様へ'],
    ['山田花子さん', '山田花子様へ'],
    ['ヤマダ　ハナコ　様', 'ヤマダ　ハナコ様へ'],
    ['株式会社はなまる 御中', '株式会社はなまる様へ'],
  ])('%j becomes exactly one 様', (name, expected) => {
    expect(fillTemplate('{{お客様名}}へ', { buyerName: name }).text).toBe(expected);
  });

  it('does not double 様 when the template writes it after the placeholder', () => {
    expect(fillTemplate('{{お客様名}}様\nこんにちは', { buyerName: '山田様' }).text).toBe(
      '山田様\nこんにちは',
    );
    expect(fillTemplate('{{お客様名}} 様、', { buyerName: '山田' }).text).toBe('山田様、');
  });

  it('keeps a missing name visible, still followed by 様, and reports it', () => {
    const result = fillTemplate('{{お客様名}}\n本文', { buyerName: '  様 ' });
    expect(result.text).toBe('【お客様名】様\n本文');
    expect(result.missing).toEqual([{ key: 'buyerName', start: 0, end: 6 }]);
  });

  it('strips only a trailing honorific', () => {
    expect(bareName('様田 一郎')).toBe('様田 一郎');
    expect(bareName('さま')).toBeNull();
  });
});

describe('fillTemplate', () => {
  it('fills order number, items, yen amounts, tracking and dates', () => {
    const { text, missing } = fillTemplate(
      '{{注文番号}} {{商品名}} {{お支払い金額}} {{配送業者}} {{追跡番号}} {{お届け予定日}}\n{{追跡案内}}',
      {
        orderNumber: '1234-5678',
        items: [
          { name: 'コースター', quantity: 2 },
          { name: 'ランチョンマット', quantity: 1 },
        ],
        total: 12345,
        carrier: 'yamato',
        trackingNumber: '4321-8765-0012',
        deliveryDate: '2026-11-30',
      },
    );
    expect(missing).toEqual([]);
    expect(text).toBe(
      '1234-5678 コースター ×2、ランチョンマット 12,345円 ヤマト運輸 4321-8765-0012 11月30日（月）\n' +
        '配送状況はこちらからご確認いただけます（ヤマト運輸 荷物お問い合わせ）：\n' +
        'https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=432187650012',
    );
  });

  it('writes the options as a numbered list', () => {
    expect(fillTemplate('{{ご提案内容}}', { options: ['交換', ' ', '返金'] }).text).toBe('1. 交換\n2. 返金');
  });

  it('lists every missing value with its position in the filled text', () => {
    const result = fillTemplate('{{ショップ名}}です。{{お届け予定日}}にお届けします。{{署名}}', {
      shopName: 'はなまる',
      signature: '',
    });
    expect(result.text).toBe('はなまるです。【お届け予定日】にお届けします。【署名】');
    expect(result.missing.map((m) => m.key)).toEqual(['deliveryDate', 'signature']);
    const first = result.missing[0]!;
    expect(result.text.slice(first.start, first.end)).toBe('【お届け予定日】');
  });

  it('treats a zero amount as a value and an invalid date as missing', () => {
    const result = fillTemplate('{{送料}}/{{発送予定日}}', { shippingFee: 0, shipDate: '2026-02-30' });
    expect(result.text).toBe('0円/【発送予定日】');
  });

  it('leaves unknown tokens as written and reports them', () => {
    const result = fillTemplate('{{お客さま名}}', { buyerName: '山田' });
    expect(result.text).toBe('{{お客さま名}}');
    expect(result.unknown).toEqual(['お客さま名']);
    expect(unknownTokens('{{注文番号}} {{ばんごう}} {{ばんごう}}')).toEqual(['ばんごう']);
  });

  it('survives hostile template text quickly', () => {
    const body = '{{'.repeat(50_000) + '}}'.repeat(10);
    const started = Date.now();
    const result = fillTemplate(body, {});
    expect(result.text).toBe(body);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('formatting', () => {
  it('writes dates with the weekday in Japan time and the year only when it differs', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(formatDateJa('2026-11-30', now)).toBe('11月30日（月）');
    expect(formatDateJa('2027-01-04', now)).toBe('2027年1月4日（月）');
    // 2026-11-25T16:00Z is already the 26th in Tokyo.
    expect(formatDateJa('2026-11-25T16:00:00Z', now)).toBe('11月26日（木）');
    expect(formatDateJa('not a date')).toBeNull();
  });

  it('writes yen the Japanese way', () => {
    expect(formatYenJa(1500)).toBe('1,500円');
    expect(formatYenJa(0)).toBe('0円');
  });

  it('links Japan Post and Sagawa tracking pages, and never guesses a link for other carriers', () => {
    expect(trackingLinkText('japanpost', '１２３４-5678-9012')).toContain('requestNo1=123456789012');
    expect(trackingLinkText('sagawa', '1234 5678 9012')).toContain('okurijoNo=123456789012');
    expect(trackingLinkText('other', '99')).not.toContain('http');
    expect(trackingLinkText(null, '99')).toBeNull();
  });
});
