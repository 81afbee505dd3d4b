import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';
import { splitAddress } from '../values';

const columns = {
  auctionId: ['オークションID'],
  managementNo: ['管理番号'],
  title: ['タイトル', '商品名'],
  wonAt: ['落札日時', '終了日時'],
  buyerId: ['落札者ID', '落札者Yahoo! JAPAN ID', '落札者'],
  buyerName: ['落札者氏名', '落札者名'],
  buyerEmail: ['落札者メールアドレス', '落札者メール'],
  buyerPhone: ['落札者電話番号', '落札者電話'],
  quantity: ['落札個数', '個数'],
  price: ['落札金額（税込）', '落札金額', '落札価格'],
  shipping: ['送料'],
  shipName: ['お届け先氏名'],
  shipPostal: ['お届け先郵便番号'],
  shipAddress: ['お届け先住所'],
  shipPhone: ['お届け先電話番号', 'お届け先電話'],
  paidAt: ['支払日', '支払完了日', '入金日', '決済日'],
  shippedAt: ['発送日'],
  tracking: ['配送伝票番号', '伝票番号', '追跡番号'],
  method: ['配送方法', '発送方法'],
  status: ['ステータス', '取引ステータス'],
} as const;

/** "山田 花子（ヤマダ ハナコ）": 落札ナビ writes the reading in brackets after the name. */
function nameAndKana(value: string | null | undefined): {
  name: string | null | undefined;
  kana?: string | null;
} {
  if (!value) return { name: value };
  const m = /^(.*?)\s*[（(]([^）)]*)[）)]\s*$/.exec(value);
  return m ? { name: m[1] || null, kana: m[2] || null } : { name: value };
}

/**
 * ヤフオク!ストア 落札データ (落札ナビ → 落札データ一覧 → ダウンロード). No full header has been published, so
 * the columns are read by the names the store screens and known importers use. One row per win; a
 * deal is keyed by オークションID and the winner (one auction can have several winners).
 */
export const yahooAuctionStore: FormatPreset = {
  id: 'yahoo_auction_store',
  name: { ja: 'ヤフオク!ストア 落札データ', en: 'Yahoo! Auctions store: won items' },
  marketplace: 'yahoo_auction_store',
  encoding: 'cp932',
  delimiter: ',',
  groupedBy: 'オークションID + 落札者',
  files: [
    {
      role: 'main',
      fingerprint: [
        'オークションID',
        ['落札者メールアドレス', '落札者メール', '落札者ID'],
        ['落札個数', '落札日時'],
      ],
    },
  ],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'yahoo_auction_store',
        columns,
        keyColumn: 'auctionId',
        key(row) {
          const auction = row.text('auctionId', 40);
          if (!auction) return null;
          const buyer = row.text('buyerId', 50) ?? row.email('buyerEmail');
          return buyer ? `${auction}/${buyer}` : auction;
        },
        order(row, d) {
          d.orderedAt = row.require('wonAt', row.date('wonAt'));
          const ship = nameAndKana(row.person('shipName'));
          const address =
            row.raw('shipAddress') !== undefined ? splitAddress(row.raw('shipAddress')!) : undefined;
          d.buyer = {
            name: row.person('buyerName') ?? ship.name,
            email: row.email('buyerEmail'),
            phone: row.phone('buyerPhone'),
            handle: row.text('buyerId', 100),
          };
          d.shipTo = {
            name: ship.name,
            kana: ship.kana,
            postalCode: row.postal('shipPostal') ?? address?.postal ?? (address ? null : undefined),
            prefecture: address ? (address.prefecture ?? null) : undefined,
            address1: address ? address.rest.slice(0, 200) || null : undefined,
            phone: row.phone('shipPhone'),
          };
          d.shippingFee = row.yen('shipping');
          d.deliveryMethod = row.text('method', 100);
          d.paidAt = row.date('paidAt');
          const status = row.raw('status');
          if (status !== undefined) d.cancelled = /キャンセル|削除|中止/.test(status);
          const shippedAt = row.date('shippedAt');
          const tracking = row.text('tracking', 40);
          if (shippedAt !== undefined || tracking !== undefined) {
            d.shipped =
              shippedAt || tracking
                ? { at: shippedAt ?? null, carrier: null, trackingNumber: tracking ?? null }
                : null;
          }
        },
        item(row, _d, occurrence) {
          const title = row.require('title', row.text('title'));
          const quantity = row.quantity('quantity');
          const price = row.yen('price');
          if (!title) return null;
          const sku = row.text('managementNo', 100) ?? null;
          return {
            lineKey: occurrence(row.text('auctionId', 40) ?? title),
            name: title,
            sku,
            quantity: quantity ?? 1,
            unitPrice: price ?? null,
          };
        },
      },
      ctx,
    ),
};
