import type { DraftDeal } from '../draft';
import type { Row } from '../reader';

/** Column keys Creema and minne exports both have for an order's progress (their headers differ). */
export type HandmadeProgressKey = 'shipping' | 'method' | 'remarks' | 'paidAt' | 'shippedAt' | 'status';

/**
 * Shipping fee and method, the buyer's remarks, payment and shipping dates, and cancellation, as the
 * handmade marketplaces (Creema, minne) export them: a shipping date means shipped, with no carrier or
 * tracking number in the file; a status containing キャンセル means cancelled.
 */
export function readHandmadeProgress(row: Row<HandmadeProgressKey>, d: DraftDeal): void {
  d.shippingFee = row.yen('shipping');
  d.deliveryMethod = row.text('method', 100);
  d.notes = row.notes('remarks');
  d.paidAt = row.date('paidAt');
  const shippedAt = row.date('shippedAt');
  if (shippedAt !== undefined)
    d.shipped = shippedAt ? { at: shippedAt, carrier: null, trackingNumber: null } : null;
  const status = row.raw('status');
  if (status !== undefined) d.cancelled = status.includes('キャンセル');
}
