import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';

const columns = {
  productId: ['商品ID'],
  title: ['商品名', '商品タイトル'],
  price: ['商品代金', '商品価格'],
  fee: ['販売手数料', '販売手数料（税込）'],
  completedAt: ['購入完了日'],
} as const;

/**
 * メルカリ 販売履歴 (mercari_sold_*.csv, UTF-8 with BOM): one row per sold item and no buyer data, since
 * メルカリ ships anonymously. A deal is keyed by 商品ID (m…). Only finished sales are listed, so the
 * deal's steps are marked done as of the purchase date. 配送料 is the seller's cost and is not part of
 * what the buyer paid, so it is not imported as a shipping fee.
 */
export const mercariSales: FormatPreset = {
  id: 'mercari_sales',
  name: { ja: 'メルカリ 販売履歴CSV', en: 'Mercari sales history CSV' },
  marketplace: 'mercari',
  encoding: 'utf-8-bom',
  delimiter: ',',
  groupedBy: '商品ID',
  files: [{ role: 'main', fingerprint: ['商品ID', ['商品名', '商品タイトル'], '購入完了日'] }],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'mercari',
        columns,
        keyColumn: 'productId',
        key: (row) => row.text('productId', 100) ?? null,
        order(row, d) {
          d.orderedAt = row.require('completedAt', row.date('completedAt'));
          d.completedAt = d.orderedAt;
          d.fee = row.yen('fee');
          d.shippingFee = 0;
        },
        item(row) {
          const title = row.require('title', row.text('title'));
          const price = row.yen('price');
          if (!title) return null;
          return {
            lineKey: row.text('productId', 100) ?? title,
            name: title,
            sku: null,
            quantity: 1,
            unitPrice: price ?? null,
          };
        },
      },
      ctx,
    ),
};
