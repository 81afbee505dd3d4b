import type { DraftDeal, DraftItem } from '../draft';
import { readLineItems, type LineItemHooks } from '../lines';
import type { FormatPreset } from '../preset';
import { joinParts, type Row } from '../reader';

/**
 * What the two 楽天 RMS order exports (楽天ペイ受注CSV and the legacy 受注CSV) share: the order time (one column,
 * or a date and a time), the buyer and ship-to as surname / given name / katakana and three-part phone numbers,
 * and item lines of product name + 項目・選択肢. Their headers differ; each preset maps its own headers to
 * these keys.
 */
export type RakutenPartyKey =
  | 'orderedAt'
  | 'orderDate'
  | 'orderTime'
  | 'buyerLast'
  | 'buyerFirst'
  | 'buyerLastKana'
  | 'buyerFirstKana'
  | 'buyerEmail'
  | 'buyerPhone1'
  | 'buyerPhone2'
  | 'buyerPhone3'
  | 'shipLast'
  | 'shipFirst'
  | 'shipLastKana'
  | 'shipFirstKana'
  | 'shipPostal1'
  | 'shipPostal2'
  | 'shipPrefecture'
  | 'shipCity'
  | 'shipStreet'
  | 'shipPhone1'
  | 'shipPhone2'
  | 'shipPhone3';

/** Order time, buyer and ship-to of a 楽天 order row. */
export function readRakutenParties(row: Row<RakutenPartyKey>, d: DraftDeal): void {
  d.orderedAt = row.require('orderedAt', row.date('orderedAt') ?? row.dateTime('orderDate', 'orderTime'));
  d.buyer = {
    name: joinParts(' ', row.person('buyerLast'), row.person('buyerFirst')),
    kana: joinParts(' ', row.person('buyerLastKana'), row.person('buyerFirstKana')),
    email: row.email('buyerEmail'),
    phone: row.phoneParts('buyerPhone1', 'buyerPhone2', 'buyerPhone3'),
  };
  d.shipTo = {
    name: joinParts(' ', row.person('shipLast'), row.person('shipFirst')),
    kana: joinParts(' ', row.person('shipLastKana'), row.person('shipFirstKana')),
    postalCode: row.postalParts('shipPostal1', 'shipPostal2'),
    prefecture: row.person('shipPrefecture', 10),
    address1: joinParts('', row.person('shipCity', 100), row.person('shipStreet', 100)),
    phone: row.phoneParts('shipPhone1', 'shipPhone2', 'shipPhone3'),
  };
}

export type RakutenItemKey = 'productName' | 'options' | 'quantity' | 'unitPrice';

/**
 * A 楽天 item line: the chosen options (項目・選択肢) are part of the name, as the buyer saw them. `readSku` and
 * `lineKey` (the export's own line id, or one made from the SKU or name and the options) are read only for a
 * row that has a product name, so a broken row reports its problems once, in column order.
 */
export function readRakutenItem(
  row: Row<RakutenItemKey>,
  readSku: () => string | null,
  lineKey: (base: string) => string,
): DraftItem | null {
  const name = row.require('productName', row.text('productName'));
  const options = row.text('options');
  const quantity = row.quantity('quantity');
  const unitPrice = row.yen('unitPrice');
  if (!name) return null;
  const sku = readSku();
  return {
    lineKey: lineKey(`${sku ?? name}|${options ?? ''}`),
    name: options ? `${name}（${options}）`.slice(0, 200) : name,
    sku,
    quantity: quantity ?? 1,
    unitPrice: unitPrice ?? null,
  };
}

/** A 楽天 RMS export: Shift_JIS, comma-separated, one file, one row per item line. */
export function rakutenPreset<K extends string>(
  meta: Pick<FormatPreset, 'id' | 'name' | 'groupedBy'> & { fingerprint: readonly string[] },
  hooks: Omit<LineItemHooks<K>, 'marketplace'>,
): FormatPreset {
  const { fingerprint, ...rest } = meta;
  return {
    ...rest,
    marketplace: 'rakuten',
    encoding: 'cp932',
    delimiter: ',',
    files: [{ role: 'main', fingerprint }],
    read: (tables, ctx) => readLineItems(tables[0] ?? [], { marketplace: 'rakuten', ...hooks }, ctx),
  };
}
