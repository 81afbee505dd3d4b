import { readLineItems } from '../lines';
import type { FormatPreset } from '../preset';
import { splitAddress } from '../values';
import { readHandmadeProgress } from './handmade-common';

const columns = {
  orderId: ['注文ID'],
  orderedAt: ['購入日'],
  status: ['ステータス'],
  paidAt: ['支払い日'],
  shippedAt: ['発送日'],
  title: ['作品タイトル'],
  kind: ['種類'],
  unitPrice: ['作品単価'],
  price: ['作品価格'],
  option1: ['オプション1'],
  option2: ['オプション2'],
  option3: ['オプション3'],
  option4: ['オプション4'],
  option5: ['オプション5'],
  quantity: ['数量'],
  remarks: ['備考'],
  partner: ['取引相手'],
  method: ['配送方法'],
  shipping: ['配送料'],
  name: ['氏名'],
  postal: ['郵便番号'],
  address: ['住所'],
  phone: ['TEL', '電話番号'],
} as const;

/**
 * Creema 注文CSV: one row per item. 作品価格 includes the chosen options' prices, so it is the unit
 * price when present. 住所 is one column ("東京都…"); 取引相手 is the buyer's Creema name.
 */
export const creema: FormatPreset = {
  id: 'creema',
  name: { ja: 'Creema 注文CSV', en: 'Creema order CSV' },
  marketplace: 'creema',
  encoding: 'cp932 or utf-8',
  delimiter: ',',
  groupedBy: '注文ID',
  files: [{ role: 'main', fingerprint: ['注文ID', '作品タイトル', '取引相手'] }],
  read: (tables, ctx) =>
    readLineItems(
      tables[0] ?? [],
      {
        marketplace: 'creema',
        columns,
        keyColumn: 'orderId',
        key: (row) => row.text('orderId', 100) ?? null,
        order(row, d) {
          d.orderedAt = row.require('orderedAt', row.date('orderedAt'));
          const name = row.person('name');
          const phone = row.phone('phone');
          d.buyer = { name, phone, handle: row.text('partner', 100) };
          const address = row.person('address', 300);
          const split = address ? splitAddress(address) : undefined;
          d.shipTo = {
            name,
            postalCode: row.postal('postal') ?? split?.postal ?? (address === undefined ? undefined : null),
            prefecture: address === undefined ? undefined : (split?.prefecture ?? null),
            address1: address === undefined ? undefined : split?.rest.slice(0, 200) || null,
            phone,
          };
          readHandmadeProgress(row, d);
        },
        item(row, _d, occurrence) {
          const title = row.require('title', row.text('title'));
          const kind = row.text('kind');
          const options = (['option1', 'option2', 'option3', 'option4', 'option5'] as const)
            .map((k) => row.text(k))
            .filter(Boolean);
          const quantity = row.quantity('quantity');
          const price = row.has('price') ? row.yen('price') : row.yen('unitPrice');
          if (!title) return null;
          const detail = [kind, ...options].filter(Boolean).join(' / ');
          return {
            lineKey: occurrence(`${title}|${detail}`),
            name: detail ? `${title}（${detail}）`.slice(0, 200) : title,
            sku: null,
            quantity: quantity ?? 1,
            unitPrice: price ?? null,
          };
        },
      },
      ctx,
    ),
};
