/** Marketplaces a deal can come from. Codes are stable ids stored in the database. */
export const marketplaces = [
  'yahoo_auction',
  'yahoo_auction_store',
  'mercari',
  'mercari_shops',
  'rakuten',
  'amazon',
  'yahoo_shopping',
  'base',
  'minne',
  'creema',
  'paypay_flea',
  'other',
] as const;
export type Marketplace = (typeof marketplaces)[number];

/** Names as sellers write them; the UI shows these in both languages (they are proper names). */
export const marketplaceNames: Record<Marketplace, string> = {
  yahoo_auction: 'ヤフオク!',
  yahoo_auction_store: 'ヤフオク!ストア',
  mercari: 'メルカリ',
  mercari_shops: 'メルカリShops',
  rakuten: '楽天市場',
  amazon: 'Amazon',
  yahoo_shopping: 'Yahoo!ショッピング',
  base: 'BASE',
  minne: 'minne',
  creema: 'Creema',
  paypay_flea: 'PayPayフリマ',
  other: 'その他',
};
