import { describe, expect, it } from 'vitest';
import {
  guessDateFormat,
  guessMapping,
  headerSignature,
  mappingProblems,
  parseCsv,
  readTables,
  type CsvTable,
  type GenericMapping,
} from '../../../shared/domain/import';

const table = (text: string, file = 'shop.csv'): CsvTable => {
  const t = parseCsv(text, file);
  if ('code' in t) throw new Error(t.message);
  return t;
};

/** A shop-system export no preset knows. */
const OWN_SHOP = [
  '受注日,オーダー番号,お名前,メール,〒,住所,電話,品名,数量,単価,送料,出荷日,お問い合わせ番号,備考',
  '05/01/2024 13:04,A-1001,青木 智子,tomoko@example.com,150-0001,東京都渋谷区神宮前1-1-1,03-1111-2222,藍染 ハンカチ,2,"1,650",370,,,',
  '05/01/2024 13:04,A-1001,青木 智子,tomoko@example.com,150-0001,東京都渋谷区神宮前1-1-1,03-1111-2222,藍染 ストール,1,"5,500",370,,,',
  '05/02/2024 09:30,A-1002,木村 光,hikari@example.net,530-0001,大阪府大阪市北区梅田1-1,06-2222-3333,藍染 ハンカチ,1,1650,370,05/03/2024,1234-5678-9012,"急ぎ, お願いします"',
].join('\r\n');

describe('generic column mapping', () => {
  it('guesses columns from header words and from values, and the date order', () => {
    const t = table(OWN_SHOP);
    const sample = [
      ['05/01/2024 13:04', 'A-1001', '青木 智子', 'tomoko@example.com', '150-0001'],
      ['05/02/2024 09:30', 'A-1002', '木村 光', 'hikari@example.net', '530-0001'],
    ];
    const { mapping, reasons } = guessMapping(t.header, sample);
    expect(mapping.columns).toMatchObject({
      externalId: 'オーダー番号',
      orderedAt: '受注日',
      buyerName: 'お名前',
      buyerEmail: 'メール',
      shipPostalCode: '〒',
      shipAddress1: '住所',
      itemName: '品名',
      quantity: '数量',
      unitPrice: '単価',
      shippingFee: '送料',
      shippedAt: '出荷日',
      trackingNumber: 'お問い合わせ番号',
      notes: '備考',
    });
    expect(reasons.externalId).toBe('header');
    expect(mapping.dateFormat).toBe('mdy');
  });

  it('guesses by values when header words say nothing', () => {
    const { mapping, reasons } = guessMapping(
      ['c1', 'c2', 'c3'],
      [
        ['x@example.com', '154-0015', '2024/01/05 10:00'],
        ['y@example.com', '530-0001', '2024/01/06 11:00'],
      ],
    );
    expect(mapping.columns).toEqual({ buyerEmail: 'c1', shipPostalCode: 'c2', orderedAt: 'c3' });
    expect(reasons).toEqual({ buyerEmail: 'values', shipPostalCode: 'values', orderedAt: 'values' });
  });

  it('asks for a mapping when no preset fits, with guesses and a sample', () => {
    const outcome = readTables([table(OWN_SHOP)], {});
    expect(outcome).toMatchObject({ status: 'needs_mapping', header: expect.arrayContaining(['品名']) });
    if (outcome.status === 'needs_mapping') expect(outcome.sample).toHaveLength(3);
  });

  it('reads rows with a mapping: grouping, one-column address, dates in the chosen order', () => {
    const t = table(OWN_SHOP);
    const mapping: GenericMapping = {
      ...guessMapping(t.header, []).mapping,
      marketplace: 'other',
      dateFormat: 'mdy',
    };
    const outcome = readTables([t], { mapping, mappingName: '自社カート' });
    if (outcome.status !== 'ready') throw new Error(JSON.stringify(outcome));
    expect(outcome.format).toEqual({ kind: 'mapping', mapping, name: '自社カート' });
    expect(outcome.deals).toHaveLength(2);
    expect(outcome.deals[0]).toMatchObject({
      marketplace: 'other',
      externalId: 'A-1001',
      orderedAt: '2024-05-01T04:04:00.000Z',
      shipTo: { postalCode: '1500001', prefecture: '東京都', address1: '渋谷区神宮前1-1-1' },
      shippingFee: 370,
    });
    expect(outcome.deals[0]!.items!.map((i) => [i.name, i.quantity, i.unitPrice])).toEqual([
      ['藍染 ハンカチ', 2, 1650],
      ['藍染 ストール', 1, 5500],
    ]);
    expect(outcome.deals[1]).toMatchObject({
      shipped: { at: '2024-05-02T15:00:00.000Z', trackingNumber: '1234-5678-9012' },
      notes: '急ぎ, お願いします',
    });
  });

  it('names what a mapping lacks', () => {
    const header = ['a', 'b'];
    expect(
      mappingProblems(
        { marketplace: 'other', columns: { externalId: 'a', itemName: 'zz' }, dateFormat: 'auto' },
        header,
      ),
    ).toEqual({
      unmapped: ['orderedAt'],
      absent: ['zz'],
    });
  });

  it('recognises the same header again regardless of width, case and spaces', () => {
    expect(headerSignature(['注文ID', 'ＳＫＵ', 'Order Date'])).toBe(
      headerSignature(['注文ＩＤ', 'sku', 'orderdate']),
    );
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });

  it('guesses year-first unless only another order reads', () => {
    expect(guessDateFormat(['2024/01/05'])).toBe('auto');
    expect(guessDateFormat(['13/01/2024'])).toBe('dmy');
    expect(guessDateFormat(['01/13/2024'])).toBe('mdy');
  });
});

describe('row errors', () => {
  const rakuten = (rows: string[]) =>
    table(
      ['注文番号,送付先ID,注文日時,商品名,個数,単価,送付先郵便番号1,送付先郵便番号2', ...rows].join('\n'),
      'rakuten.csv',
    );

  it('give line, column, a stable code and a message; the deal is an error, the others are fine', () => {
    const outcome = readTables(
      [
        rakuten([
          'A-1,1,2024/02/30 10:00,品,1,100,154,0015',
          'A-2,1,2024/02/01 10:00,品,x,100,154,0015',
          'A-3,1,2024/02/01 10:00,品,1,1.5,154,0015',
          ',1,2024/02/01 10:00,品,1,100,154,0015',
          'A-4,1,2024/02/01 10:00,,1,100,154,0015',
          'A-5,1,2024/02/01 10:00,品,1,100,99,9',
          'A-6,1,2024/02/01 10:00,品,1,100,154,0015',
        ]),
      ],
      {},
    );
    if (outcome.status !== 'ready') throw new Error(JSON.stringify(outcome));
    const issues = (id: string) => outcome.deals.find((d) => d.externalId === id)!.issues;
    expect(issues('A-1')).toEqual([
      expect.objectContaining({
        code: 'date_invalid',
        line: 2,
        column: '注文日時',
        severity: 'error',
        file: 'rakuten.csv',
      }),
    ]);
    expect(issues('A-1')[0]!.message).toBe(
      'Line 2, column "注文日時": "2024/02/30 10:00" is not a date this importer can read (e.g. 2024/01/05 13:04).',
    );
    expect(issues('A-2')).toEqual([
      expect.objectContaining({ code: 'quantity_invalid', line: 3, column: '個数' }),
    ]);
    expect(issues('A-3')).toEqual([
      expect.objectContaining({ code: 'amount_fraction', line: 4, column: '単価' }),
    ]);
    expect(outcome.issues).toEqual([
      expect.objectContaining({ code: 'required', line: 5, column: '注文番号' }),
    ]);
    expect(issues('A-4')).toEqual([expect.objectContaining({ code: 'required', line: 6, column: '商品名' })]);
    // A contact detail the marketplace got wrong is a warning; the order still imports without it.
    expect(issues('A-5')).toEqual([
      expect.objectContaining({ code: 'postal_invalid', severity: 'warning', line: 7 }),
    ]);
    expect(outcome.deals.find((d) => d.externalId === 'A-5')!.shipTo.postalCode).toBeNull();
    expect(issues('A-6')).toEqual([]);
  });

  it('refuse a value longer than the ledger holds instead of cutting it', () => {
    const outcome = readTables([rakuten([`A-1,1,2024/02/01 10:00,${'長'.repeat(300)},1,100,154,0015`])], {});
    if (outcome.status !== 'ready') throw new Error();
    expect(outcome.deals[0]!.issues).toEqual([
      expect.objectContaining({ code: 'too_long', params: { length: 300, max: 200 } }),
    ]);
  });

  it('treat a broken quote as an error of the order it broke', () => {
    const outcome = readTables(
      [rakuten(['A-1,1,2024/02/01 10:00,品,1,100,154,0015', 'A-2,1,2024/02/01 10:00,"品,1,100,154,0015'])],
      {},
    );
    if (outcome.status !== 'ready') throw new Error();
    expect(outcome.deals.find((d) => d.externalId === 'A-2')!.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'quote_unclosed', line: 3 })]),
    );
    expect(outcome.deals.find((d) => d.externalId === 'A-1')!.issues).toEqual([]);
  });

  it('flag a row with more values than the header (a comma without quotes) but read short rows', () => {
    const outcome = readTables(
      [
        rakuten([
          'A-1,1,2024/02/01 10:00,品,1,100,154,0015,extra',
          'A-2,1,2024/02/01 10:00,品,1,100',
          'A-3,1,2024/02/01 10:00,品,1,100,154,0015,,',
        ]),
      ],
      {},
    );
    if (outcome.status !== 'ready') throw new Error();
    expect(outcome.deals.map((d) => d.issues.map((i) => i.code))).toEqual([['row_width'], [], []]);
    expect(outcome.deals[0]!.issues[0]!.params).toEqual({ expected: 8, actual: 9 });
  });

  it('reject a header with no rows under it', () => {
    expect(readTables([rakuten([])], {})).toMatchObject({
      status: 'rejected',
      issues: [expect.objectContaining({ code: 'header_only' })],
    });
  });
});
