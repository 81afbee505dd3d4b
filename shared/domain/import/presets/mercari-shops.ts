import type { DraftDeal } from '../draft';
import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';
import { joinParts, type Row } from '../reader';
import { parseCarrier } from '../values';

const columns = {
  type: ['type'],
  orderId: ['order_id'],
  purchaseDate: ['purchase_date'],
  paymentDate: ['payment_date'],
  buyerName: ['buyer_name'],
  productId: ['original_product_id', 'product_id'],
  variantId: ['variant_id'],
  productName: ['product_name'],
  quantity: ['quantity'],
  productPrice: ['product_price'],
  shippingPrice: ['shipping_price'],
  shippingMethod: ['shipping_method'],
  carrier: ['shipping_carrier'],
  tracking: ['shipping_tracking_info'],
  postal: ['shipping_postal_code'],
  state: ['shipping_state'],
  city: ['shipping_city'],
  address1: ['shipping_address_1'],
  address2: ['shipping_address_2'],
  shipName: ['shipping_name'],
  shipPhone: ['shipping_phone_number'],
} as const;
type Key = keyof typeof columns;

/** Ship-to fields; in the two-row shape they are only on the product rows. */
function readShipTo(row: Row<Key>, d: DraftDeal): void {
  if (!row.filled('shipName') && !row.filled('address1') && d.shipTo.name !== undefined) return;
  d.shipTo = {
    name: row.person('shipName'),
    postalCode: row.postal('postal'),
    prefecture: row.person('state', 10),
    address1: joinParts('', row.person('city', 100), row.person('address1', 100)),
    address2: row.person('address2', 200),
    phone: row.phone('shipPhone'),
  };
}

/**
 * メルカリShops 注文CSV (CP932). Older files: one row per order line. Newer files: per order one
 * `type`=order row (number, buyer, amounts) and `type`=product rows (item, quantity, ship-to).
 * Both group on order_id. Dates look like "2024年12月12日 19:42".
 */
export const mercariShops: FormatPreset = {
  id: 'mercari_shops',
  name: { ja: 'メルカリShops 注文CSV', en: 'Mercari Shops order CSV' },
  marketplace: 'mercari_shops',
  encoding: 'cp932',
  delimiter: ',',
  groupedBy: 'order_id',
  files: [{ role: 'main', fingerprint: ['order_id', 'buyer_name', 'product_name'] }],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'mercari_shops',
        columns,
        keyColumn: 'orderId',
        key: (row) => row.text('orderId', 100) ?? null,
        order(row, d) {
          const productRow = row.raw('type')?.trim() === 'product';
          // A file may start an order with its product row; the order row then fills in the rest.
          d.orderedAt = productRow
            ? row.date('purchaseDate')
            : row.require('purchaseDate', row.date('purchaseDate'));
          d.paidAt = row.date('paymentDate');
          d.buyer = { name: row.person('buyerName') };
          d.shippingFee = row.yen('shippingPrice');
          d.deliveryMethod = row.text('shippingMethod', 100);
          readShipTo(row, d);
          readShipment(row, d);
        },
        item(row, d, occurrence) {
          const type = row.raw('type')?.trim();
          // order() has already read the first row of the order; read later rows' parts here.
          const later = d.lines.length > 1;
          if (type === 'order') {
            // The order row of the two-row shape: order-level facts, no item.
            if (later) {
              d.orderedAt = row.require('purchaseDate', row.date('purchaseDate'));
              d.paidAt = row.date('paymentDate');
              d.buyer.name = row.person('buyerName');
              d.shippingFee = row.yen('shippingPrice');
              readShipment(row, d);
            }
            return 'skip';
          }
          if (type === 'product' && later) readShipTo(row, d);
          const name = row.require('productName', row.text('productName'));
          const quantity = row.quantity('quantity');
          const price = row.yen('productPrice');
          if (!name) return null;
          const sku = row.text('productId', 100) ?? null;
          const variant = row.text('variantId', 100);
          return {
            lineKey: occurrence([sku ?? name, variant].filter(Boolean).join(':')),
            name,
            sku,
            quantity: quantity ?? 1,
            unitPrice: price ?? null,
          };
        },
      },
      ctx,
    ),
};

function readShipment(row: Row<Key>, d: DraftDeal): void {
  const tracking = row.text('tracking', 40);
  if (tracking === undefined) return;
  if (tracking)
    d.shipped = { at: null, carrier: parseCarrier(row.raw('carrier') ?? ''), trackingNumber: tracking };
  else d.shipped ??= null;
}
