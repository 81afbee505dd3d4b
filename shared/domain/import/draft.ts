import type { Marketplace } from '../marketplaces';
import type { Carrier } from '../steps';
import type { ImportIssue } from './issues';

/**
 * One deal as a file describes it, before it meets the database. Every source field is optional:
 * `undefined` means the file has no such column (Yahoo!ショッピング stores choose their columns; the
 * Amazon unshipped report has no prices), so an update leaves that field alone; `null` means the
 * column is there but empty for this order.
 */
export interface DraftItem {
  /** Stable per line within the order (Amazon order-item-id, 楽天 商品明細ID, …) so re-imports line up. */
  lineKey: string;
  name: string;
  sku: string | null;
  quantity: number;
  /** null when the file has no price (Amazon 未出荷注文レポート); an existing price is then kept. */
  unitPrice: number | null;
}

export interface DraftBuyer {
  name?: string | null;
  kana?: string | null;
  email?: string | null;
  phone?: string | null;
  /** The buyer's id on the platform (ヤフオク! ID, minne user id): the strongest customer match. */
  handle?: string | null;
}

export interface DraftShipTo {
  name?: string | null;
  kana?: string | null;
  postalCode?: string | null;
  prefecture?: string | null;
  address1?: string | null;
  address2?: string | null;
  phone?: string | null;
}

export interface DraftShipment {
  /** null when the file says "shipped" without a date (BASE 発送状況); the import time is used. */
  at: string | null;
  carrier: Carrier | null;
  trackingNumber: string | null;
}

export interface DraftDeal {
  marketplace: Marketplace;
  externalId: string;
  /** Where the order came from, for messages and the preview list. */
  file: string;
  lines: number[];
  orderedAt?: string | null;
  buyer: DraftBuyer;
  shipTo: DraftShipTo;
  items?: DraftItem[];
  shippingFee?: number | null;
  fee?: number | null;
  deliveryMethod?: string | null;
  notes?: string | null;
  /** Facts that advance steps. */
  paidAt?: string | null;
  shipped?: DraftShipment | null;
  /** The whole deal is finished (メルカリ 販売履歴 lists completed sales only). */
  completedAt?: string | null;
  cancelled?: boolean;
  issues: ImportIssue[];
}

export const newDraft = (marketplace: Marketplace, externalId: string, file: string): DraftDeal => ({
  marketplace,
  externalId,
  file,
  lines: [],
  buyer: {},
  shipTo: {},
  issues: [],
});
