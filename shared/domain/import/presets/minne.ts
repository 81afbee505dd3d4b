import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';
import { splitAddress } from '../values';
import { readHandmadeProgress } from './handmade-common';

const columns = {
  orderId: ['注文ID'],
  orderedAt: ['注文日'],
  status: ['注文状況'],
  paidAt: ['入金確認日'],
  shippedAt: ['発送日'],
  title: ['作品名'],
  method: ['配送方法'],
  price: ['販売価格'],
  quantity: ['数量'],
  remarks: ['備考'],
  shipping: ['注文の送料'],
  buyerId: ['注文者のユーザーID'],
  buyerNickname: ['注文者のニックネーム'],
  buyerName: ['注文者の氏名'],
  buyerPhone: ['注文者の電話番号'],
  shipPostal: ['配送先の郵便番号'],
  shipAddress1: ['配送先の住所1'],
  shipAddress2: ['配送先の住所2'],
  shipName: ['配送先の氏名'],
  shipPhone: ['配送先の電話番号'],
  productCode: ['作品管理番号'],
} as const;

/** minne 注文CSV: one row per item; 配送先の住所1 starts with the prefecture. */
export const minne: FormatPreset = {
  id: 'minne',
  name: { ja: 'minne 注文CSV', en: 'minne order CSV' },
  marketplace: 'minne',
  encoding: 'cp932 or utf-8',
  delimiter: ',',
  groupedBy: '注文ID',
  files: [{ role: 'main', fingerprint: ['注文ID', '作品名', '配送先の氏名'] }],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'minne',
        columns,
        keyColumn: 'orderId',
        key: (row) => row.text('orderId', 100) ?? null,
        order(row, d) {
          d.orderedAt = row.require('orderedAt', row.date('orderedAt'));
          d.buyer = {
            name: row.person('buyerName'),
            phone: row.phone('buyerPhone'),
            handle: row.text('buyerId', 100),
          };
          const address = row.person('shipAddress1', 200);
          const split = address ? splitAddress(address) : undefined;
          d.shipTo = {
            name: row.person('shipName'),
            postalCode: row.postal('shipPostal'),
            prefecture: address === undefined ? undefined : (split?.prefecture ?? null),
            address1: address === undefined ? undefined : split?.rest || null,
            address2: row.person('shipAddress2', 200),
            phone: row.phone('shipPhone'),
          };
          readHandmadeProgress(row, d);
        },
        item(row, _d, occurrence) {
          const title = row.require('title', row.text('title'));
          const quantity = row.quantity('quantity');
          const price = row.yen('price');
          if (!title) return null;
          const sku = row.text('productCode', 100) ?? null;
          return {
            lineKey: occurrence(sku ?? title),
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
