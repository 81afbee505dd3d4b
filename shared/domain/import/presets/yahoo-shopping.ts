import type { CsvTable } from '../csv';
import type { DraftDeal } from '../draft';
import { issue, type ImportIssue } from '../issues';
import { addItem, readLineItems } from '../lines';
import type { FormatPreset, ReadContext } from '../preset';
import { joinParts, rowMessage, Sheet } from '../reader';

const orderColumns = {
  orderId: ['OrderId'],
  orderTime: ['OrderTime'],
  status: ['OrderStatus'],
  shipName: ['ShipName'],
  shipLast: ['ShipLastName'],
  shipFirst: ['ShipFirstName'],
  shipKana: ['ShipNameKana'],
  shipLastKana: ['ShipLastNameKana'],
  shipFirstKana: ['ShipFirstNameKana'],
  shipZip: ['ShipZipCode'],
  shipPrefecture: ['ShipPrefecture'],
  shipCity: ['ShipCity'],
  shipAddress1: ['ShipAddress1'],
  shipAddress2: ['ShipAddress2'],
  shipPhone: ['ShipPhoneNumber'],
  shipMethod: ['ShipMethodName', 'ShipMethod'],
  shipDate: ['ShipDate'],
  invoice: ['ShipInvoiceNumber1'],
  shipCompany: ['ShipCompanyCode'],
  billName: ['BillName'],
  billLast: ['BillLastName'],
  billFirst: ['BillFirstName'],
  billKana: ['BillNameKana'],
  billLastKana: ['BillLastNameKana'],
  billFirstKana: ['BillFirstNameKana'],
  billPhone: ['BillPhoneNumber'],
  billMail: ['BillMailAddress'],
  payDate: ['PayDate'],
  comments: ['BuyerComments'],
  shipCharge: ['ShipCharge'],
} as const;

const itemColumns = {
  orderId: ['OrderId'],
  lineId: ['LineId'],
  itemId: ['ItemId'],
  subCode: ['SubCode'],
  title: ['Title'],
  optionName: ['ItemOptionName'],
  optionValue: ['ItemOptionValue'],
  quantity: ['Quantity'],
  unitPrice: ['UnitPrice'],
} as const;

/** Orders and Items are two files the store downloads together; each order's lines come from Items. */
function read(tables: CsvTable[][], ctx: ReadContext): DraftDeal[] {
  const [orderTables = [], itemTables = []] = tables;
  const deals = readLineItems(
    orderTables,
    {
      marketplace: 'yahoo_shopping',
      columns: orderColumns,
      keyColumn: 'orderId',
      key: (row) => row.text('orderId', 100) ?? null,
      order(row, d) {
        d.orderedAt = row.require('orderTime', row.date('orderTime'));
        d.buyer = {
          name: row.person('billName') ?? joinParts(' ', row.person('billLast'), row.person('billFirst')),
          kana:
            row.person('billKana') ?? joinParts(' ', row.person('billLastKana'), row.person('billFirstKana')),
          email: row.email('billMail'),
          phone: row.phone('billPhone'),
        };
        d.shipTo = {
          name: row.person('shipName') ?? joinParts(' ', row.person('shipLast'), row.person('shipFirst')),
          kana:
            row.person('shipKana') ?? joinParts(' ', row.person('shipLastKana'), row.person('shipFirstKana')),
          postalCode: row.postal('shipZip'),
          prefecture: row.person('shipPrefecture', 10),
          address1: joinParts('', row.person('shipCity', 100), row.person('shipAddress1', 100)),
          address2: row.person('shipAddress2', 200),
          phone: row.phone('shipPhone'),
        };
        d.shippingFee = row.yen('shipCharge');
        d.deliveryMethod = row.text('shipMethod', 100);
        d.notes = row.notes('comments');
        d.paidAt = row.date('payDate');
        const status = row.raw('status');
        if (status !== undefined) d.cancelled = status.trim() === '4' || status.includes('キャンセル');
        const shipDate = row.date('shipDate');
        const invoice = row.text('invoice', 40);
        if (shipDate !== undefined || invoice !== undefined) {
          d.shipped =
            shipDate || invoice
              ? { at: shipDate ?? null, carrier: null, trackingNumber: invoice ?? null }
              : null;
        }
      },
      item: () => 'skip',
    },
    ctx,
  );

  const byOrder = new Map(deals.map((d) => [d.externalId, d]));
  for (const table of itemTables) {
    const sheet = new Sheet(table, itemColumns);
    table.forEachRow((record) => {
      const rowIssues: ImportIssue[] = [];
      const row = sheet.row(record, rowIssues, ctx.dateFormat);
      row.checkWidth();
      const orderId = row.text('orderId', 100);
      const deal = orderId ? byOrder.get(orderId) : undefined;
      if (!deal) {
        const column = sheet.names.orderId;
        ctx.issues.push(
          orderId
            ? issue(
                'order_conflict',
                `Line ${record.line}: order ${orderId} is not in the Orders file; import the Orders and Items files of the same download together.`,
                { file: table.file, line: record.line, column },
                { orderId },
              )
            : issue('required', rowMessage('required', column, record.line, {}), {
                file: table.file,
                line: record.line,
                column,
              }),
          ...rowIssues,
        );
        return;
      }
      const title = row.require('title', row.text('title'));
      const option = joinParts(':', row.text('optionName'), row.text('optionValue'));
      const quantity = row.quantity('quantity');
      const unitPrice = row.yen('unitPrice');
      const sku = row.text('subCode', 100) ?? row.text('itemId', 100) ?? null;
      const lineKey = row.text('lineId', 60) ?? `${sku ?? title}|${option ?? ''}`;
      deal.lines.push(record.line);
      deal.issues.push(...rowIssues);
      if (!title) return;
      addItem(
        deal,
        {
          lineKey,
          name: option ? `${title}（${option}）`.slice(0, 200) : title,
          sku,
          quantity: quantity ?? 1,
          unitPrice: unitPrice ?? null,
        },
        row,
      );
    });
  }
  return deals;
}

/**
 * Yahoo!ショッピング 注文データ (ストアクリエイターPro): an Orders file and an Items file joined on OrderId.
 * Each store picks its own columns, so everything but the keys is optional and read by name.
 */
export const yahooShopping: FormatPreset = {
  id: 'yahoo_shopping',
  name: {
    ja: 'Yahoo!ショッピング 注文データ（Orders + Items）',
    en: 'Yahoo! Shopping orders (Orders + Items)',
  },
  marketplace: 'yahoo_shopping',
  encoding: 'cp932 or utf-8',
  delimiter: ',',
  groupedBy: 'OrderId',
  files: [
    { role: 'orders', fingerprint: ['OrderId', 'OrderTime'] },
    { role: 'items', fingerprint: ['OrderId', ['Title', 'ItemId'], 'Quantity'] },
  ],
  read,
};
