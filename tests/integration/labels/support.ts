import Papa from 'papaparse';
import type { Backend } from '../../../electron/backend';
import type { InputOf } from '../../../shared/contract';
import { createDeal, value } from '../../support/deals';

export const shopProfile: InputOf<'shop.update'> = {
  name: '手づくり雑貨 こもれび',
  postalCode: '150-0001',
  address1: '東京都渋谷区神宮前1-2-3',
  address2: 'こもれびビル2F',
  phone: '03-1234-5678',
  yamatoCustomerCode: '0123456789',
  yamatoFreightNo: '01',
};

export async function setUpShop(backend: Backend): Promise<void> {
  await value(backend.call('shop.update', shopProfile));
}

/** Three deals that export cleanly: one plain, one of several items, one with a quote and comma in the address. */
export async function goodDeals(backend: Backend): Promise<number[]> {
  const a = await createDeal(backend, { externalId: 'g1' });
  const b = await createDeal(backend, {
    externalId: 'g2',
    items: [
      { name: '陶器のマグカップ', quantity: 2, unitPrice: 1800 },
      { name: 'コースター', quantity: 1, unitPrice: 500 },
      { name: '布巾', quantity: 3, unitPrice: 300 },
    ],
    shipTo: {
      name: '髙橋 一郎',
      postalCode: '0600001',
      prefecture: '北海道',
      address1: '札幌市中央区北一条西2丁目',
      phone: '011-222-3333',
    },
  });
  const c = await createDeal(backend, {
    externalId: 'g3',
    shipTo: {
      name: '佐藤 "さっちゃん", 幸子',
      postalCode: '530-0001',
      prefecture: '大阪府',
      address1: '大阪市北区梅田3-1-1',
      address2: 'グランフロント タワーA 12階',
    },
  });
  return [a.id, b.id, c.id];
}

/** Decodes a CP932 file strictly: an undecodable byte fails the test. */
export const decodeCp932 = (bytes: Buffer): string =>
  new TextDecoder('shift_jis', { fatal: true }).decode(bytes);

export function parseRows(text: string): string[][] {
  return Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data;
}
