import { marketplaces, type Marketplace } from '../marketplaces';
import type { CsvTable } from './csv';
import { dateFormats, parseDate, type DateFormat } from './dates';
import type { DraftDeal } from './draft';
import { readLineItems } from './lines';
import type { ReadContext } from './preset';
import { headerIndex, joinParts, type ColumnSpec } from './reader';
import {
  headerKey,
  parseCarrier,
  parseEmail,
  parsePhone,
  parsePostal,
  parseYen,
  splitAddress,
} from './values';

/** Fields a column of an unknown CSV can be mapped to. */
export const mappingFields = [
  'externalId',
  'orderedAt',
  'lineKey',
  'itemName',
  'sku',
  'quantity',
  'unitPrice',
  'lineTotal',
  'shippingFee',
  'fee',
  'buyerName',
  'buyerKana',
  'buyerEmail',
  'buyerPhone',
  'buyerHandle',
  'shipName',
  'shipKana',
  'shipPostalCode',
  'shipPrefecture',
  'shipAddress1',
  'shipAddress2',
  'shipPhone',
  'deliveryMethod',
  'notes',
  'paidAt',
  'shippedAt',
  'carrier',
  'trackingNumber',
  'status',
] as const;
export type MappingField = (typeof mappingFields)[number];

export const requiredMappingFields: readonly MappingField[] = ['externalId', 'orderedAt', 'itemName'];

export interface GenericMapping {
  marketplace: Marketplace;
  /** Mapped field → the header name of its column, as written in the file. */
  columns: Partial<Record<MappingField, string>>;
  dateFormat: DateFormat;
}

/** Identifies "the same header" for re-using a saved mapping: loose names, in order. */
export function headerSignature(header: string[]): string {
  return header.map(headerKey).join('\u001f');
}

/** Required fields the mapping leaves out, and mapped columns the header does not have. */
export function mappingProblems(
  mapping: GenericMapping,
  header: string[],
): { unmapped: MappingField[]; absent: string[] } {
  const index = headerIndex(header);
  return {
    unmapped: requiredMappingFields.filter((f) => !mapping.columns[f]),
    absent: Object.values(mapping.columns).filter(
      (name): name is string => !!name && !index.has(headerKey(name)),
    ),
  };
}

/** Reads rows with a user's column mapping; rows sharing an order number become one deal. */
export function readWithMapping(tables: CsvTable[], mapping: GenericMapping, ctx: ReadContext): DraftDeal[] {
  const columns = Object.fromEntries(
    mappingFields.map((f) => [f, mapping.columns[f] ? [mapping.columns[f]] : []]),
  ) as unknown as ColumnSpec<MappingField>;
  const deals = readLineItems(
    tables,
    {
      marketplace: mapping.marketplace,
      columns,
      keyColumn: 'externalId',
      key: (row) => row.text('externalId', 100) ?? null,
      order(row, d) {
        d.orderedAt = row.require('orderedAt', row.date('orderedAt'));
        d.buyer = {
          name: row.person('buyerName'),
          kana: row.person('buyerKana'),
          email: row.email('buyerEmail'),
          phone: row.phone('buyerPhone'),
          handle: row.text('buyerHandle', 100),
        };
        const address1 = row.person('shipAddress1', 200);
        const prefecture = row.person('shipPrefecture', 10);
        // A one-column address often starts with the prefecture; split it when there is no column for it.
        const split = prefecture === undefined && address1 ? splitAddress(address1) : undefined;
        d.shipTo = {
          name: row.person('shipName'),
          kana: row.person('shipKana'),
          postalCode: row.postal('shipPostalCode') ?? split?.postal,
          prefecture: prefecture ?? split?.prefecture,
          address1: split ? split.rest || null : address1,
          address2: row.person('shipAddress2', 200),
          phone: row.phone('shipPhone'),
        };
        d.shippingFee = row.yen('shippingFee');
        d.fee = row.yen('fee');
        d.deliveryMethod = row.text('deliveryMethod', 100);
        d.notes = row.notes('notes');
        d.paidAt = row.date('paidAt');
        const shippedAt = row.date('shippedAt');
        const tracking = row.text('trackingNumber', 40);
        if (shippedAt !== undefined || tracking !== undefined) {
          d.shipped =
            shippedAt || tracking
              ? {
                  at: shippedAt ?? null,
                  carrier: parseCarrier(row.raw('carrier') ?? ''),
                  trackingNumber: tracking ?? null,
                }
              : null;
        }
        const status = row.raw('status');
        if (status !== undefined) d.cancelled = /キャンセル|取消|cancel/i.test(status);
      },
      item(row, _d, occurrence) {
        const name = row.require('itemName', row.text('itemName'));
        const quantity = row.quantity('quantity') ?? 1;
        const unit = row.yen('unitPrice');
        const total = row.yen('lineTotal');
        if (!name) return null;
        const sku = row.text('sku', 100) ?? null;
        return {
          lineKey: row.text('lineKey', 60) ?? occurrence(joinParts('|', sku, name)!),
          name,
          sku,
          quantity,
          unitPrice: unit ?? (typeof total === 'number' ? Math.round(total / quantity) : null),
        };
      },
    },
    ctx,
  );
  return deals;
}

/** Header words that suggest a field (Japanese exports, English exports, common tools). */
const synonyms: Record<MappingField, readonly string[]> = {
  externalId: [
    '注文番号',
    '注文id',
    '受注番号',
    'オーダー番号',
    'オーダーid',
    '取引id',
    '取引番号',
    'order-id',
    'orderid',
    'order_id',
    'order number',
    'order no',
  ],
  orderedAt: [
    '注文日時',
    '注文日',
    '購入日時',
    '購入日',
    '受注日',
    '受注日時',
    'order date',
    'purchase-date',
    'purchase_date',
    'ordertime',
    'created_at',
    'date',
  ],
  lineKey: ['明細id', '明細番号', '行番号', 'order-item-id', 'line_id', 'lineid'],
  itemName: [
    '商品名',
    '品名',
    '作品名',
    'タイトル',
    'アイテム名',
    'product-name',
    'product_name',
    'item name',
    'title',
    'item',
  ],
  sku: ['商品番号', '商品コード', '品番', 'sku', '管理番号', '型番', 'product code'],
  quantity: ['数量', '個数', '注文数', 'quantity', 'qty', 'quantity-purchased'],
  unitPrice: ['単価', '価格', '販売価格', '商品価格', 'unit price', 'unitprice', 'price'],
  lineTotal: ['小計', '金額', '合計金額', 'item-price', 'subtotal', 'amount', 'total'],
  shippingFee: ['送料', '配送料', 'shipping', 'shipping-price', 'shipping fee', 'postage'],
  fee: ['手数料', '販売手数料', 'fee', 'commission'],
  buyerName: [
    '購入者名',
    '注文者名',
    '注文者氏名',
    '購入者',
    '氏名',
    'お名前',
    'buyer-name',
    'buyer name',
    'customer name',
    'name',
  ],
  buyerKana: ['フリガナ', 'ふりがな', 'カナ', '注文者カナ', 'kana'],
  buyerEmail: ['メールアドレス', 'メール', 'email', 'e-mail', 'mail', 'buyer-email'],
  buyerPhone: ['注文者電話番号', '購入者電話番号', '電話番号', '電話', 'tel', 'phone', 'buyer-phone-number'],
  buyerHandle: ['ユーザーid', '会員id', 'ニックネーム', '購入者id', 'user id', 'buyer id', 'handle'],
  shipName: [
    'お届け先氏名',
    '送付先氏名',
    '配送先氏名',
    '配送先の氏名',
    'お届け先名',
    '送付先名',
    'recipient-name',
    'ship name',
    'shipping name',
  ],
  shipKana: ['お届け先カナ', '送付先カナ', '配送先カナ'],
  shipPostalCode: [
    '郵便番号',
    '〒',
    'お届け先郵便番号',
    '送付先郵便番号',
    '配送先郵便番号',
    'postal code',
    'zip',
    'zipcode',
    'ship-postal-code',
  ],
  shipPrefecture: ['都道府県', 'お届け先都道府県', '送付先都道府県', 'prefecture', 'state', 'ship-state'],
  shipAddress1: [
    '住所',
    '住所1',
    'お届け先住所',
    '送付先住所',
    '配送先住所',
    'address',
    'address1',
    'ship-address-1',
  ],
  shipAddress2: ['住所2', '建物名', 'マンション名', 'address2', 'ship-address-2'],
  shipPhone: ['お届け先電話番号', '送付先電話番号', '配送先電話番号', 'ship-phone-number'],
  deliveryMethod: ['配送方法', '発送方法', 'お届け方法', 'shipping method', 'ship-service-level'],
  notes: ['備考', 'コメント', 'メモ', '要望', 'note', 'notes', 'comment'],
  paidAt: ['入金日', '支払日', '入金確認日', '支払い日', '決済日', 'payment date', 'paid', 'payments-date'],
  shippedAt: ['発送日', '出荷日', 'ship date', 'shipped', 'shipdate'],
  carrier: ['配送会社', '運送会社', '配送業者', 'carrier'],
  trackingNumber: [
    '伝票番号',
    'お問い合わせ番号',
    '追跡番号',
    'お荷物伝票番号',
    'tracking',
    'tracking number',
    'tracking-number',
  ],
  status: ['ステータス', '状態', '注文状況', 'status'],
};

export interface MappingGuess {
  mapping: GenericMapping;
  /** How each guess was made: the header name, or the values in the column. */
  reasons: Partial<Record<MappingField, 'header' | 'values'>>;
}

const looks = {
  email: (v: string) => parseEmail(v).ok && v.includes('@'),
  postal: (v: string) => /^〒?\s*\d{3}-?\d{4}$/.test(v.normalize('NFKC').trim()) && parsePostal(v).ok,
  phone: (v: string) =>
    /^(\+81|0)\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v.normalize('NFKC').replace(/\s/g, '')) && parsePhone(v).ok,
  yen: (v: string) => /[¥￥円\d]/.test(v) && parseYen(v).ok,
};

/**
 * Suggests a mapping for an unknown CSV: first by header names (exact word, then containing word),
 * then by what the values look like (dates, e-mail addresses, postal codes, phone numbers). Every
 * guess is only a suggestion the user confirms in the column mapper.
 */
export function guessMapping(
  header: string[],
  sample: string[][],
  marketplace: Marketplace = 'other',
): MappingGuess {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const columns: Partial<Record<MappingField, string>> = {};
  const reasons: Partial<Record<MappingField, 'header' | 'values'>> = {};
  const assign = (field: MappingField, index: number, reason: 'header' | 'values') => {
    columns[field] = header[index]!;
    reasons[field] = reason;
    taken.add(index);
  };
  for (const exact of [true, false]) {
    for (const field of mappingFields) {
      if (columns[field]) continue;
      for (const word of synonyms[field]) {
        const w = headerKey(word);
        const index = keys.findIndex(
          (k, i) => !taken.has(i) && (exact ? k === w : w.length >= 2 && k.includes(w)),
        );
        if (index >= 0) {
          assign(field, index, 'header');
          break;
        }
      }
    }
  }
  const values = (index: number) => sample.map((r) => r[index] ?? '').filter((v) => v.trim() !== '');
  const byValues = (field: MappingField, test: (v: string) => boolean) => {
    if (columns[field]) return;
    const index = header.findIndex((_, i) => {
      const vs = values(i);
      return !taken.has(i) && vs.length > 0 && vs.every(test);
    });
    if (index >= 0) assign(field, index, 'values');
  };
  byValues('buyerEmail', looks.email);
  byValues('shipPostalCode', looks.postal);
  byValues('orderedAt', (v) => /\d/.test(v) && /[/\-年.]/.test(v) && parseDate(v).ok);
  byValues('shipPhone', looks.phone);

  const dateColumn = columns.orderedAt ? header.indexOf(columns.orderedAt) : -1;
  const dateFormat = dateColumn >= 0 ? guessDateFormat(values(dateColumn)) : 'auto';
  return { mapping: { marketplace, columns, dateFormat }, reasons };
}

/** Year-first unless the values only make sense month-first or day-first. */
export function guessDateFormat(values: string[]): DateFormat {
  for (const format of dateFormats) {
    if (values.length > 0 && values.every((v) => parseDate(v, format).ok)) return format;
  }
  return 'auto';
}

export const isMarketplace = (value: string): value is Marketplace =>
  (marketplaces as readonly string[]).includes(value);
