import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  parseCsv,
  presetIds,
  presets,
  readTables,
  type CsvTable,
  type DraftDeal,
} from '../../../shared/domain/import';
import { fixtureDir, fixtures, render } from '../../support/import-fixtures';

function tables(...files: string[]): CsvTable[] {
  return files.map((file) => {
    const decoded = decodeText(fs.readFileSync(path.join(fixtureDir, file)), file);
    if ('code' in decoded) throw new Error(decoded.message);
    const table = parseCsv(decoded.text, file);
    if ('code' in table) throw new Error(table.message);
    return table;
  });
}

function read(...files: string[]) {
  const outcome = readTables(tables(...files), {});
  if (outcome.status !== 'ready') throw new Error(JSON.stringify(outcome).slice(0, 500));
  return outcome;
}

const byId = (deals: DraftDeal[], id: string) => {
  const d = deals.find((x) => x.externalId === id);
  if (!d) throw new Error(`no deal ${id} in ${deals.map((x) => x.externalId).join(', ')}`);
  return d;
};

describe('sample exports', () => {
  it('are exactly what tests/support/import-fixtures.ts writes', () => {
    for (const f of fixtures)
      expect(fs.readFileSync(path.join(fixtureDir, f.file)).equals(render(f)), f.file).toBe(true);
  });

  it('cover every preset, and the id list matches the registry', () => {
    expect(presets.map((p) => p.id)).toEqual([...presetIds]);
  });
});

describe('presets read the real export shapes', () => {
  it('楽天ペイ受注: one row per item, several destinations, options, comments, cancellation', () => {
    const { format, deals, issues } = read('rakuten-pay.csv');
    expect(format).toMatchObject({ kind: 'preset', preset: { id: 'rakuten_pay' } });
    expect(issues).toEqual([]);
    expect(deals.map((d) => d.externalId)).toEqual([
      '338012-20241105-0012345678',
      '338012-20241107-0012349999',
      '338012-20241108-0012350001#1',
      '338012-20241108-0012350001#2',
      '338012-20241109-0012350777',
    ]);
    const first = byId(deals, '338012-20241105-0012345678');
    expect(first).toMatchObject({
      marketplace: 'rakuten',
      orderedAt: '2024-11-05T04:04:21.000Z',
      buyer: {
        name: '佐藤 美咲',
        kana: 'サトウ ミサキ',
        email: '815db15ff6ee7c02@pc.fw.rakuten.ne.jp',
        phone: '09012345678',
      },
      shipTo: {
        name: '佐藤 美咲',
        postalCode: '1540015',
        prefecture: '東京都',
        address1: '世田谷区桜新町1-2-3 コーポ桜201',
        phone: '09012345678',
      },
      shippingFee: 0,
      paidAt: '2024-11-05T05:00:00.000Z',
      shipped: { at: '2024-11-06T01:15:00.000Z', carrier: null, trackingNumber: null },
      cancelled: false,
      lines: [2, 3],
    });
    expect(first.items).toEqual([
      { lineKey: '1001', name: '有田焼 マグカップ 藍', sku: 'arita-mug-ai', quantity: 2, unitPrice: 2980 },
      { lineKey: '1002', name: '箸置き 五枚組', sku: 'hashioki-5', quantity: 1, unitPrice: 1200 },
    ]);
    const second = byId(deals, '338012-20241107-0012349999');
    expect(second.buyer.kana).toBe('タカハシ ケンタ');
    expect(second.shippingFee).toBe(370);
    expect(second.items![0]!.name).toBe('手ぬぐい 富士山（カラー:藍色 ラッピング:希望する）');
    expect(second.notes).toBe(
      '「のし」は不要です。\n配達は夕方以降、できれば "19時頃" でお願いします, よろしく',
    );
    expect(second.shipped).toBeNull();
    expect(byId(deals, '338012-20241108-0012350001#2').shipTo).toMatchObject({
      name: '佐藤 和子',
      prefecture: '愛知県',
    });
    expect(byId(deals, '338012-20241109-0012350777')).toMatchObject({
      cancelled: true,
      paidAt: null,
      orderedAt: '2024-11-08T23:05:00.000Z',
    });
  });

  it('楽天 legacy 受注CSV: -99999 means no value, 注文日 + 注文時間, tracking and carrier code', () => {
    const { format, deals } = read('rakuten-legacy.csv');
    expect(format).toMatchObject({ preset: { id: 'rakuten_legacy' } });
    const first = byId(deals, '338012-20190312-00001234');
    expect(first).toMatchObject({
      shippingFee: 600,
      paidAt: '2019-03-11T15:00:00.000Z',
      shipped: { at: '2019-03-12T15:00:00.000Z', carrier: 'yamato', trackingNumber: '4321-8765-0987' },
      buyer: { name: '渡辺 直美', email: 'naomi.w@example.jp', phone: '0921112222' },
    });
    // No line ids in this layout: the same product with other options is another line.
    expect(first.items!.map((i) => [i.lineKey, i.name, i.quantity])).toEqual([
      ['kutani-mame|柄:松竹梅', '九谷焼 豆皿（柄:松竹梅）', 4],
      ['kutani-mame|柄:鶴', '九谷焼 豆皿（柄:鶴）', 1],
    ]);
    expect(byId(deals, '338012-20190314-00001301')).toMatchObject({
      orderedAt: '2019-03-14T14:59:59.000Z',
      paidAt: null,
    });
  });

  it('Amazon 注文レポート in Shift_JIS (before 2021-11) and UTF-8: unit price from the line total, shipping summed', () => {
    const sjis = read('amazon-orders-sjis.txt');
    expect(sjis.format).toMatchObject({ preset: { id: 'amazon_orders' } });
    const order = byId(sjis.deals, '249-1234567-1234567');
    expect(order).toMatchObject({
      orderedAt: '2021-10-19T17:36:10.000Z',
      shippingFee: 500,
      buyer: { name: '林 大地', phone: '09033334444', email: 'x7y8z9abcdef@marketplace.amazon.co.jp' },
      shipTo: {
        prefecture: '愛知県',
        address1: '名古屋市中区栄町1-2-3',
        address2: 'グランドメゾン栄 1001号室',
        postalCode: '4600008',
      },
    });
    expect(order.items!.map((i) => [i.lineKey, i.quantity, i.unitPrice])).toEqual([
      ['11111111111111', 2, 2980],
      ['22222222222222', 1, 880],
    ]);
    expect(read('amazon-orders-utf8.txt').deals[0]!.items![0]!.unitPrice).toBe(3300);
  });

  it('Amazon 未出荷注文レポート has no prices: they stay unknown', () => {
    const { format, deals } = read('amazon-unshipped.txt');
    expect(format).toMatchObject({ preset: { id: 'amazon_unshipped' } });
    expect(deals[0]!.items![0]!.unitPrice).toBeNull();
    expect(deals[0]!.shippingFee).toBeUndefined();
  });

  it('Yahoo!ショッピング: Orders and Items joined on OrderId, store-chosen columns', () => {
    const { format, deals } = read('yahoo-items.csv', 'yahoo-orders.csv');
    expect(format).toMatchObject({ preset: { id: 'yahoo_shopping' } });
    expect(byId(deals, 'kotobukiya-10000123')).toMatchObject({
      paidAt: '2024-06-01T00:20:00.000Z',
      shipped: { trackingNumber: '6789-0123-4567' },
      buyer: { name: '石井 花', email: 'hana.ishii@example.co.jp' },
      cancelled: false,
    });
    const second = byId(deals, 'kotobukiya-10000124');
    expect(second.items!.map((i) => [i.name, i.sku, i.quantity, i.unitPrice])).toEqual([
      ['羊羹 2本入り（味:栗）', 'yokan-01-kuri', 2, 2160],
      ['深蒸し茶 100g', 'tea-01', 1, 1080],
    ]);
    // Columns this store did not choose are not provided at all (an update leaves them alone).
    expect(second.shipTo.kana).toBeUndefined();
    expect(second.notes).toBe('不在時は宅配ボックスへ');
  });

  it('Yahoo!ショッピング refuses an Items file without its Orders file', () => {
    expect(readTables(tables('yahoo-items.csv'), {})).toMatchObject({
      status: 'rejected',
      issues: [expect.objectContaining({ code: 'files_incomplete' })],
    });
  });

  it('ヤフオク!ストア 落札データ: one deal per auction and winner; reading in brackets; 〒 in the address', () => {
    const { deals } = read('yahoo-auction-store.csv');
    expect(byId(deals, 'x1087654321/sakura_tanaka77')).toMatchObject({
      buyer: { name: '田中 さくら', email: 'sakura.tanaka@example.com', handle: 'sakura_tanaka77' },
      shipTo: {
        name: '田中 さくら',
        kana: 'タナカ サクラ',
        postalCode: '2310023',
        prefecture: '神奈川県',
        address1: '横浜市中区山下町1-2 ベイタワー805',
      },
      shipped: { trackingNumber: '123456789012' },
    });
    expect(byId(deals, 'p1122334455/retro_lover').items![0]).toMatchObject({ quantity: 2, unitPrice: 3200 });
  });

  it('メルカリShops: the one-row shape and the order/product two-row shape', () => {
    const one = read('mercari-shops-one-row.csv');
    expect(byId(one.deals, 'ms-ord-3Kx9aB2')).toMatchObject({
      orderedAt: '2024-12-12T10:42:00.000Z',
      shipTo: {
        postalCode: '1182061',
        prefecture: '北海道',
        address1: '函館市元町1-2-3',
        phone: '0138223344',
      },
      shipped: null,
    });
    expect(byId(one.deals, 'ms-ord-7Pq1zZ0')).toMatchObject({
      shipTo: { postalCode: '6008216', phone: '0753614401', address2: 'メゾン京都302' },
      shipped: { carrier: 'japanpost', trackingNumber: '5555-6666-7777' },
    });
    const two = read('mercari-shops-two-row.csv');
    expect(two.deals).toHaveLength(1);
    expect(two.deals[0]).toMatchObject({
      externalId: 'ms-ord-A1',
      orderedAt: '2025-01-20T03:00:00.000Z',
      buyer: { name: '松本 結衣' },
      shipTo: { name: '松本 結衣', postalCode: '3200802', address1: '宇都宮市江野町5-5' },
      lines: [2, 3, 4],
    });
    expect(two.deals[0]!.items!.map((i) => i.lineKey)).toEqual(['prod-501:v-gold', 'prod-502:v-silver']);
  });

  it('メルカリ 販売履歴: deals keyed by 商品ID with no buyer, finished as of the purchase', () => {
    const { format, deals } = read('mercari-sales.csv');
    expect(format).toMatchObject({ preset: { id: 'mercari_sales' } });
    expect(byId(deals, 'm30098765432')).toMatchObject({
      buyer: {},
      fee: 180,
      shippingFee: 0,
      completedAt: '2025-07-24T12:10:00.000Z',
      items: [{ name: '無印良品 収納ケース 2個セット', quantity: 1, unitPrice: 1800 }],
    });
  });

  it('BASE 注文CSV: option rows belong to the order; paid orders only', () => {
    const { deals } = read('base-orders.csv');
    const first = byId(deals, 'B7F3A21C9D');
    expect(first.items!.map((i) => [i.name, i.unitPrice])).toEqual([
      ['ドライフラワー スワッグ（ホワイト）', 4400],
      ['商品オプション「ラッピング」: リボン付き', 0],
    ]);
    expect(first).toMatchObject({
      paidAt: first.orderedAt,
      shipped: null,
      shippingFee: 880,
      notes: 'ギフト用に包装をお願いします',
    });
    expect(byId(deals, 'C00D4E5F6A').shipped).toEqual({ at: null, carrier: null, trackingNumber: null });
  });

  it('BASE 発送用 CSV: "--- 同上 ---" rows continue the order above', () => {
    const { deals } = read('base-shipping.csv');
    expect(deals).toHaveLength(1);
    expect(deals[0]!.items!.map((i) => [i.sku, i.quantity])).toEqual([
      ['candle-rose', 1],
      ['candle-yuzu', 2],
    ]);
    expect(deals[0]!.shipped).toEqual({ at: null, carrier: 'yamato', trackingNumber: '1111-2222-3333' });
  });

  it('minne and Creema: one-column addresses, platform ids', () => {
    expect(read('minne.csv').deals[0]).toMatchObject({
      buyer: { name: '清水 春香', handle: 'minne_user_8812' },
      shipTo: { postalCode: '4200851', prefecture: '静岡県', address1: '静岡市葵区黒金町1-1' },
      shipped: { at: '2024-09-16T15:00:00.000Z' },
      shippingFee: 185,
    });
    expect(read('creema.csv').deals[0]).toMatchObject({
      buyer: { handle: 'yuki_creema' },
      shipTo: { postalCode: '9500087', prefecture: '新潟県', address1: '新潟市中央区東大通1-1-1' },
      items: [{ name: '真鍮リング 槌目（11号 / 刻印あり）', unitPrice: 4300 }],
      notes: '刻印は「H&Y」でお願いします',
    });
  });

  it('reads two overlapping exports of one format once per line', () => {
    const { deals } = read('rakuten-pay.csv', 'rakuten-pay.csv');
    expect(deals).toHaveLength(5);
    const first = byId(deals, '338012-20241105-0012345678');
    expect(first.items).toHaveLength(2);
    expect(first.issues.filter((i) => i.code === 'line_duplicate')).toHaveLength(2);
  });

  it('refuses exports of different formats imported together', () => {
    expect(readTables(tables('minne.csv', 'creema.csv'), {})).toMatchObject({
      status: 'rejected',
      issues: [expect.objectContaining({ code: 'formats_mixed' })],
    });
  });

  it('checks a preset chosen by hand against the header and names the missing columns', () => {
    expect(readTables(tables('minne.csv'), { presetId: 'rakuten_pay' })).toMatchObject({
      status: 'rejected',
      issues: [
        expect.objectContaining({
          code: 'columns_missing',
          params: expect.objectContaining({ columns: expect.stringContaining('注文番号') }),
        }),
      ],
    });
    expect(read('amazon-orders-utf8.txt').format).toMatchObject({ preset: { id: 'amazon_orders' } });
  });
});
