import type { NaviStatus } from './types';

/** How far a deal has got; 'cancelled' is handled apart because it overrides progress. */
export const STATUS_RANK: Record<Exclude<NaviStatus, 'cancelled'>, number> = {
  address_sent: 1,
  paid: 2,
  shipped: 3,
  received: 4,
};

// History rows read like "・落札者から支払い完了の連絡がありました。" The patterns follow the rows named in the
// reference (お届け情報 / 支払い完了 / 発送の連絡 / 受け取り連絡) plus the plain past-tense wordings. A bare "発送連絡"
// is left out on purpose: on the status badge it names the seller's *next* action, i.e. the deal is paid, not shipped.
const PROGRESS: readonly [Exclude<NaviStatus, 'cancelled'>, RegExp][] = [
  ['received', /受け?取り?の?連絡|受け?取り?(?:済|完了)|受け?取りました/],
  ['shipped', /発送の連絡|発送連絡済|発送済|発送(?:を)?完了|発送しました/],
  ['paid', /支払い?(?:を|が)?完了|支払い?済|入金済|入金(?:を)?確認しました/],
  ['address_sent', /お届け(?:先)?情報/],
];

// A cancelled deal says so in plain words; these phrases do not occur in menus or help links.
const CANCELLED_ANYWHERE = /取引を中止しました|取引(?:が|は)キャンセルされ/;
// Inside the 取引の状況 block a terser wording, and a deal marked deleted, also mean cancelled. A bare 削除 is not
// enough: "メッセージを削除" buttons sit nearby.
const CANCELLED_IN_STATUS = /取引を?中止|取引(?:が|は)?キャンセル|キャンセルされ|削除(?:済|され)|取引を?削除/;

// Lines about a step that has *not* happened: "支払い待ち", "発送連絡をしてください", "受け取り連絡の前に…",
// help links ("発送の連絡について", "受け取り連絡とは").
const NOT_DONE =
  /待ち|未|してください|下さい|お願い|前に|予定|について|とは|方法|できます|できません|期限|する$|しない/;

/**
 * The state a line reports, or null. `inStatusBlock` widens the cancellation wording to what only makes sense
 * next to the 取引の状況 label.
 */
export function classifyStatusLine(line: string, inStatusBlock: boolean): NaviStatus | null {
  if (CANCELLED_ANYWHERE.test(line)) return 'cancelled';
  if (NOT_DONE.test(line)) return null;
  if (inStatusBlock && CANCELLED_IN_STATUS.test(line)) return 'cancelled';
  for (const [status, pattern] of PROGRESS) if (pattern.test(line)) return status;
  return null;
}
