import type { FormatPreset } from '../preset';
import { rakutenPreset, readRakutenItem, readRakutenParties } from './rakuten-common';

const columns = {
  orderId: ['注文番号'],
  status: ['ステータス'],
  orderedAt: ['注文日時'],
  orderDate: ['注文日'],
  orderTime: ['注文時間'],
  confirmedAt: ['注文確定日時', '注文確認日時'],
  shippedAt: ['発送完了報告日時'],
  deliveryMethod: ['配送方法'],
  multipleDestinations: ['複数送付先フラグ'],
  shippingTotal: ['送料合計'],
  buyerLast: ['注文者姓'],
  buyerFirst: ['注文者名'],
  buyerLastKana: ['注文者姓カナ'],
  buyerFirstKana: ['注文者名カナ'],
  buyerPhone1: ['注文者電話番号1'],
  buyerPhone2: ['注文者電話番号2'],
  buyerPhone3: ['注文者電話番号3'],
  buyerEmail: ['注文者メールアドレス'],
  destinationId: ['送付先ID'],
  destinationShipping: ['送付先送料'],
  shipPostal1: ['送付先郵便番号1'],
  shipPostal2: ['送付先郵便番号2'],
  shipPrefecture: ['送付先住所都道府県'],
  shipCity: ['送付先住所郡市区'],
  shipStreet: ['送付先住所それ以降の住所'],
  shipLast: ['送付先姓'],
  shipFirst: ['送付先名'],
  shipLastKana: ['送付先姓カナ'],
  shipFirstKana: ['送付先名カナ'],
  shipPhone1: ['送付先電話番号1'],
  shipPhone2: ['送付先電話番号2'],
  shipPhone3: ['送付先電話番号3'],
  lineId: ['商品明細ID'],
  productId: ['商品ID'],
  productName: ['商品名'],
  productNumber: ['商品番号'],
  productCode: ['商品管理番号'],
  unitPrice: ['単価'],
  quantity: ['個数'],
  options: ['項目・選択肢'],
  comment: ['コメント'],
} as const;

/** 楽天ペイ statuses that mean Rakuten has confirmed the order and its payment. */
const PAID_STATUSES = ['発送待ち', '発送済', '支払手続き中', '支払手続き済'];

/**
 * 楽天ペイ受注 CSV (RMS, "注文番号" layout): one row per item line. An order shipped to several
 * addresses (複数送付先フラグ = 1) becomes one deal per 送付先ID, "注文番号#送付先ID".
 */
export const rakutenPay: FormatPreset = rakutenPreset(
  {
    id: 'rakuten_pay',
    name: { ja: '楽天ペイ受注CSV（RMS）', en: 'Rakuten Pay order CSV (RMS)' },
    groupedBy: '注文番号 + 送付先ID',
    fingerprint: ['注文番号', '送付先ID', '商品名', '個数'],
  },
  {
    columns,
    keyColumn: 'orderId',
    key(row) {
      const order = row.text('orderId', 90);
      if (!order) return null;
      const destination = row.text('destinationId', 9);
      const split = row.raw('multipleDestinations')?.trim() === '1';
      return split && destination ? `${order}#${destination}` : order;
    },
    order(row, d) {
      readRakutenParties(row, d);
      d.shippingFee = row.has('destinationShipping')
        ? row.yen('destinationShipping')
        : row.yen('shippingTotal');
      d.deliveryMethod = row.text('deliveryMethod', 100);
      d.notes = row.notes('comment');
      const status = row.raw('status');
      if (status !== undefined) {
        d.cancelled = status.includes('キャンセル');
        d.paidAt = PAID_STATUSES.some((s) => status.includes(s))
          ? (row.date('confirmedAt') ?? d.orderedAt ?? null)
          : null;
      }
      const shippedAt = row.date('shippedAt');
      if (shippedAt !== undefined || status !== undefined) {
        d.shipped =
          shippedAt || status?.includes('発送済')
            ? { at: shippedAt ?? null, carrier: null, trackingNumber: null }
            : null;
      }
    },
    item(row, _d, occurrence) {
      const sku = () =>
        row.text('productCode', 100) ?? row.text('productNumber', 100) ?? row.text('productId', 100) ?? null;
      // 商品明細ID identifies the line itself; exports without it fall back to product and options.
      return readRakutenItem(row, sku, (base) => row.text('lineId', 60) ?? occurrence(base));
    },
  },
);
