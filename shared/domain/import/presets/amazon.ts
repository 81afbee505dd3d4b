import type { DraftDeal } from '../draft';
import { readLineItems } from '../lines';
import type { FormatPreset, ReadContext } from '../preset';
import { joinParts } from '../reader';
import type { CsvTable } from '../csv';

const columns = {
  orderId: ['order-id'],
  itemId: ['order-item-id'],
  purchaseDate: ['purchase-date'],
  paymentsDate: ['payments-date'],
  buyerEmail: ['buyer-email'],
  buyerName: ['buyer-name'],
  buyerPhone: ['buyer-phone-number'],
  sku: ['sku'],
  productName: ['product-name'],
  quantity: ['quantity-purchased'],
  itemPrice: ['item-price'],
  shippingPrice: ['shipping-price'],
  serviceLevel: ['ship-service-level'],
  recipient: ['recipient-name'],
  address1: ['ship-address-1'],
  address2: ['ship-address-2'],
  address3: ['ship-address-3'],
  city: ['ship-city'],
  state: ['ship-state'],
  postal: ['ship-postal-code'],
  shipPhone: ['ship-phone-number'],
} as const;

/**
 * Amazon flat-file reports (TAB; Shift_JIS before 2021-11, UTF-8 since): one row per order item.
 * item-price is the line total, so the unit price is item-price ÷ quantity. Shipping is summed over
 * the order's lines. The 未出荷 report has no prices: its deals keep the prices they already have.
 */
function read(tables: CsvTable[], ctx: ReadContext): DraftDeal[] {
  // Per line, so a line read twice from overlapping reports is not charged twice.
  const shippingByLine = new Map<DraftDeal, Map<string, number>>();
  const deals = readLineItems(
    tables,
    {
      marketplace: 'amazon',
      columns,
      keyColumn: 'orderId',
      key: (row) => row.text('orderId', 100) ?? null,
      order(row, d) {
        d.orderedAt = row.require('purchaseDate', row.date('purchaseDate'));
        d.paidAt = row.date('paymentsDate');
        d.buyer = {
          name: row.person('buyerName'),
          email: row.email('buyerEmail'),
          phone: row.phone('buyerPhone'),
        };
        d.shipTo = {
          name: row.person('recipient'),
          postalCode: row.postal('postal'),
          prefecture: row.person('state', 10),
          address1: joinParts('', row.person('city', 100), row.person('address1', 100)),
          address2: joinParts(' ', row.person('address2', 100), row.person('address3', 100)),
          phone: row.phone('shipPhone'),
        };
        d.deliveryMethod = row.text('serviceLevel', 100);
      },
      item(row, d, occurrence) {
        const name = row.require('productName', row.text('productName'));
        const quantity = row.quantity('quantity') ?? 1;
        const linePrice = row.yen('itemPrice');
        const shipping = row.yen('shippingPrice');
        if (!name) return null;
        const sku = row.text('sku', 100) ?? null;
        const lineKey = row.text('itemId', 60) ?? occurrence(sku ?? name);
        if (shipping !== undefined) {
          const lines = shippingByLine.get(d) ?? new Map<string, number>();
          lines.set(lineKey, shipping ?? 0);
          shippingByLine.set(d, lines);
        }
        return {
          lineKey,
          name,
          sku,
          quantity,
          unitPrice: unitPrice(linePrice, quantity),
        };
      },
    },
    ctx,
  );
  for (const d of deals) {
    const lines = shippingByLine.get(d);
    if (lines) d.shippingFee = [...lines.values()].reduce((a, b) => a + b, 0);
  }
  return deals;
}

function unitPrice(linePrice: number | null | undefined, quantity: number): number | null {
  if (linePrice === null || linePrice === undefined) return null;
  return Math.round(linePrice / quantity);
}

export const amazonOrders: FormatPreset = {
  id: 'amazon_orders',
  name: { ja: 'Amazon 注文レポート', en: 'Amazon order report' },
  marketplace: 'amazon',
  encoding: 'cp932 or utf-8',
  delimiter: '\t',
  groupedBy: 'order-id',
  files: [{ role: 'main', fingerprint: ['order-id', 'order-item-id', 'purchase-date', 'item-price'] }],
  read: (tables, ctx) => read(tables[0] ?? [], ctx),
};

export const amazonUnshipped: FormatPreset = {
  id: 'amazon_unshipped',
  name: { ja: 'Amazon 未出荷注文レポート', en: 'Amazon unshipped orders report' },
  marketplace: 'amazon',
  encoding: 'cp932 or utf-8',
  delimiter: '\t',
  groupedBy: 'order-id',
  files: [{ role: 'main', fingerprint: ['order-id', 'order-item-id', 'purchase-date', 'quantity-to-ship'] }],
  read: (tables, ctx) => read(tables[0] ?? [], ctx),
};
