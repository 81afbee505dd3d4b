import type { DraftDeal } from '../draft';
import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';
import { joinParts, type Row } from '../reader';
import { parseCarrier } from '../values';

const columns = {
  orderId: ['注文ID'],
  orderedAt: ['注文日時'],
  billLast: ['氏(請求先)'],
  billFirst: ['名(請求先)'],
  billPhone: ['電話番号(請求先)'],
  billEmail: ['メールアドレス(請求先)'],
  shipLast: ['氏(配送先)'],
  shipFirst: ['名(配送先)'],
  shipPostal: ['郵便番号(配送先)'],
  shipPrefecture: ['都道府県(配送先)'],
  shipAddress1: ['住所(配送先)'],
  shipAddress2: ['住所2(配送先)'],
  shipPhone: ['電話番号(配送先)'],
  remarks: ['備考'],
  productName: ['商品名'],
  variation: ['バリエーション'],
  price: ['価格'],
  quantity: ['数量'],
  shipping: ['送料'],
  status: ['発送状況'],
  productId: ['商品ID'],
  variantId: ['種類ID'],
  productCode: ['商品コード'],
  carrier: ['配送業者ID', '配送業者'],
  tracking: ['伝票番号'],
} as const;
type Key = keyof typeof columns;

/** The 発送用 CSV writes this instead of repeating the order id on an order's later rows. */
const SAME_AS_ABOVE = /^-+\s*同上\s*-+$/;
/** Option rows: 商品名 "商品オプション「ギフト包装」" with no 商品ID; they belong to the row above. */
const OPTION_ROW = /^商品オプション「/;

/**
 * BASE 注文CSV (CP932): one row per item, plus option rows that belong to the item above. BASE
 * exports paid orders only, so payment is done as of the order time. The 発送用 CSV variant (with
 * 配送業者 and 伝票番号) is read by the same preset.
 */
export const base: FormatPreset = {
  id: 'base',
  name: { ja: 'BASE 注文CSV', en: 'BASE order CSV' },
  marketplace: 'base',
  encoding: 'cp932',
  delimiter: ',',
  groupedBy: '注文ID',
  files: [{ role: 'main', fingerprint: ['注文ID', '氏(配送先)', '商品名'] }],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'base',
        columns,
        keyColumn: 'orderId',
        key(row, previous) {
          const id = row.text('orderId', 100);
          if (id && SAME_AS_ABOVE.test(id)) return previous;
          return id ?? null;
        },
        order(row, d) {
          d.orderedAt = row.require('orderedAt', row.date('orderedAt'));
          d.paidAt = d.orderedAt;
          d.buyer = {
            name: joinParts(' ', row.person('billLast'), row.person('billFirst')),
            email: row.email('billEmail'),
            phone: row.phone('billPhone'),
          };
          d.shipTo = {
            name: joinParts(' ', row.person('shipLast'), row.person('shipFirst')),
            postalCode: row.postal('shipPostal'),
            prefecture: row.person('shipPrefecture', 10),
            address1: row.person('shipAddress1', 200),
            address2: row.person('shipAddress2', 200),
            phone: row.phone('shipPhone'),
          };
          d.shippingFee = row.yen('shipping');
          d.notes = row.notes('remarks');
          readStatus(row, d);
        },
        item(row, _d, occurrence) {
          const name = row.require('productName', row.text('productName'));
          const variation = row.text('variation');
          const quantity = row.quantity('quantity');
          const price = row.yen('price');
          if (!name) return null;
          const productId = row.text('productId', 100);
          if (OPTION_ROW.test(name) && !productId) {
            // Kept as its own line (price or ¥0) so totals match and overlapping files line up again.
            const label = (variation ? `${name}: ${variation}` : name).slice(0, 200);
            return {
              lineKey: occurrence(label),
              name: label,
              sku: null,
              quantity: quantity ?? 1,
              unitPrice: price ?? 0,
            };
          }
          const sku = row.text('productCode', 100) ?? productId ?? null;
          return {
            lineKey: occurrence([productId ?? name, row.text('variantId', 100)].filter(Boolean).join(':')),
            name: variation ? `${name}（${variation}）`.slice(0, 200) : name,
            sku,
            quantity: quantity ?? 1,
            unitPrice: price ?? null,
          };
        },
      },
      ctx,
    ),
};

function readStatus(row: Row<Key>, d: DraftDeal): void {
  const status = row.raw('status');
  const tracking = row.text('tracking', 40);
  if (status !== undefined) d.cancelled = status.includes('キャンセル');
  if (status === undefined && tracking === undefined) return;
  const shipped = (status?.includes('発送済') ?? false) || !!tracking;
  d.shipped = shipped
    ? { at: null, carrier: parseCarrier(row.raw('carrier') ?? ''), trackingNumber: tracking ?? null }
    : null;
}
