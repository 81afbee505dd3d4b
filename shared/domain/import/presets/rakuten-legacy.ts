import type { FormatPreset } from '../preset';
import type { Row } from '../reader';
import { parseCarrier } from '../values';
import { rakutenPreset, readRakutenItem, readRakutenParties } from './rakuten-common';

const columns = {
  orderId: ['受注番号'],
  status: ['受注ステータス'],
  paidOn: ['入金日'],
  shippedOn: ['配送日'],
  orderedAt: ['注文日時'],
  orderDate: ['注文日'],
  orderTime: ['注文時間'],
  comment: ['コメント'],
  shipping: ['送料(-99999=無効値)', '送料'],
  destinationShipping: ['送付先送料'],
  buyerPostal1: ['注文者郵便番号１'],
  buyerPostal2: ['注文者郵便番号２'],
  buyerLast: ['注文者名字'],
  buyerFirst: ['注文者名前'],
  buyerLastKana: ['注文者名字フリガナ'],
  buyerFirstKana: ['注文者名前フリガナ'],
  buyerPhone1: ['注文者電話番号１'],
  buyerPhone2: ['注文者電話番号２'],
  buyerPhone3: ['注文者電話番号３'],
  buyerEmail: ['メールアドレス'],
  deliveryMethod: ['配送方法'],
  trackingNumber: ['お荷物伝票番号'],
  shipPostal1: ['送付先郵便番号１'],
  shipPostal2: ['送付先郵便番号２'],
  shipPrefecture: ['送付先住所：都道府県'],
  shipCity: ['送付先住所：都市区'],
  shipStreet: ['送付先住所：町以降'],
  shipLast: ['送付先名字'],
  shipFirst: ['送付先名前'],
  shipLastKana: ['送付先名字フリガナ'],
  shipFirstKana: ['送付先名前フリガナ'],
  shipPhone1: ['送付先電話番号１'],
  shipPhone2: ['送付先電話番号２'],
  shipPhone3: ['送付先電話番号３'],
  productId: ['商品ID'],
  productName: ['商品名'],
  productNumber: ['商品番号'],
  unitPrice: ['単価'],
  quantity: ['個数'],
  options: ['項目・選択肢'],
  carrier: ['配送会社'],
} as const;
type Key = keyof typeof columns;

/** RMS writes -99999 for "no value" in its amount columns. */
function amount(row: Row<Key>, key: Key): number | null | undefined {
  if (row.raw(key)?.trim() === '-99999') return null;
  return row.yen(key);
}

/**
 * 楽天 RMS legacy 受注CSV ("受注番号" layout, 全カラムダウンロード): one row per item line, no line ids,
 * so a line is keyed by its product number and options.
 */
export const rakutenLegacy: FormatPreset = rakutenPreset(
  {
    id: 'rakuten_legacy',
    name: { ja: '楽天 受注CSV（旧RMS）', en: 'Rakuten order CSV (legacy RMS)' },
    groupedBy: '受注番号',
    fingerprint: ['受注番号', '受注ステータス', '商品名', '個数'],
  },
  {
    columns,
    keyColumn: 'orderId',
    key: (row) => row.text('orderId', 100) ?? null,
    order(row, d) {
      readRakutenParties(row, d);
      d.shippingFee = row.has('destinationShipping')
        ? amount(row, 'destinationShipping')
        : amount(row, 'shipping');
      d.deliveryMethod = row.text('deliveryMethod', 100);
      d.notes = row.notes('comment');
      d.paidAt = row.date('paidOn');
      const status = row.raw('status');
      if (status !== undefined) d.cancelled = status.includes('キャンセル');
      const tracking = row.text('trackingNumber', 40);
      const shippedOn = row.date('shippedOn');
      if (tracking !== undefined || shippedOn !== undefined) {
        d.shipped =
          tracking || shippedOn
            ? {
                at: shippedOn ?? null,
                carrier: parseCarrier(row.raw('carrier') ?? ''),
                trackingNumber: tracking ?? null,
              }
            : null;
      }
    },
    item(row, _d, occurrence) {
      const sku = () => row.text('productNumber', 100) ?? row.text('productId', 100) ?? null;
      return readRakutenItem(row, sku, occurrence);
    },
  },
);
