/**
 * Placeholders a template may use, written `{{お客様名}}` in the template text. The Japanese token
 * is what members type and see; the id is what code uses. A placeholder with no value is left in
 * the text as `【お客様名】` so it can never be sent blank by mistake.
 */
export const placeholderTokens = {
  buyerName: 'お客様名',
  orderNumber: '注文番号',
  items: '商品名',
  itemsTotal: '商品代金',
  shippingFee: '送料',
  total: 'お支払い金額',
  paymentDeadline: 'お支払い期限',
  shipDate: '発送予定日',
  carrier: '配送業者',
  trackingNumber: '追跡番号',
  trackingLink: '追跡案内',
  deliveryDate: 'お届け予定日',
  replyDate: 'ご連絡予定日',
  report: 'ご報告内容',
  options: 'ご提案内容',
  resolution: 'ご対応内容',
  improvement: '改善内容',
  tip: 'お役立ち情報',
  voucherCode: 'クーポンコード',
  shopName: 'ショップ名',
  signature: '署名',
} as const;
export type PlaceholderKey = keyof typeof placeholderTokens;
export const placeholderKeys = Object.keys(placeholderTokens) as PlaceholderKey[];

const keyByToken = new Map<string, PlaceholderKey>(
  placeholderKeys.map((key) => [placeholderTokens[key], key]),
);
export const placeholderKeyOf = (token: string): PlaceholderKey | undefined => keyByToken.get(token.trim());

/** `{{ token }}` in a template. Bounded so a stray `{{` in a long text cannot make the scan slow. */
export const TEMPLATE_TOKEN = /\{\{([^{}\n]{1,40})\}\}/g;

/** How a missing value stays visible in the filled text. */
export const unfilledMarker = (key: PlaceholderKey): string => `【${placeholderTokens[key]}】`;

/** Tokens of a template that no placeholder knows (a typo would otherwise never be filled). */
export function unknownTokens(body: string): string[] {
  const unknown = new Set<string>();
  for (const m of body.matchAll(TEMPLATE_TOKEN)) if (!placeholderKeyOf(m[1]!)) unknown.add(m[1]!.trim());
  return [...unknown];
}
