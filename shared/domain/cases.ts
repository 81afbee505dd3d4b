/** Complaint cases: the words and the state machine shared by the backend and the UI. */

export const caseCategories = [
  'not_arrived', // 未着
  'wrong_item', // 誤配送
  'damaged', // 破損
  'not_as_expected', // イメージ違い
  'billing', // 請求
  'service', // 対応への不満
  'other', // その他
] as const;
export type CaseCategory = (typeof caseCategories)[number];

export const caseSeverities = ['low', 'medium', 'high'] as const;
export type CaseSeverity = (typeof caseSeverities)[number];

/** 受付 → 調査中 → 提案済み → 合意 → 解決 → アフターケア → 完了. */
export const caseStates = [
  'received',
  'investigating',
  'proposed',
  'agreed',
  'resolved',
  'aftercare',
  'closed',
] as const;
export type CaseState = (typeof caseStates)[number];

/** States in which the shop is still working towards a resolution. */
export const activeCaseStates = [
  'received',
  'investigating',
  'proposed',
  'agreed',
] as const satisfies readonly CaseState[];

export const isActiveCaseState = (state: CaseState): boolean =>
  (activeCaseStates as readonly CaseState[]).includes(state);

/**
 * Which moves a member may make by hand. While working on it, any active state may follow any other
 * (a buyer may turn an offer down); 解決 is reached from any of them. After that: after-care, 完了,
 * or reopening (back to 調査中), which cancels the after-care still pending.
 */
export function allowedTransitions(from: CaseState): CaseState[] {
  if (isActiveCaseState(from)) {
    return [...activeCaseStates.filter((s) => s !== from), 'resolved'];
  }
  if (from === 'resolved') return ['aftercare', 'closed', 'investigating'];
  if (from === 'aftercare') return ['closed', 'investigating'];
  return ['investigating'];
}

export const isReopen = (from: CaseState, to: CaseState): boolean =>
  !isActiveCaseState(from) && to === 'investigating';

/** One line of a case's timeline. Outbound messages and calls answer the first-response timer. */
export const caseEntryKinds = ['message_in', 'message_out', 'call_in', 'call_out', 'note'] as const;
export type CaseEntryKind = (typeof caseEntryKinds)[number];
export const isOutboundContact = (kind: CaseEntryKind): boolean =>
  kind === 'message_out' || kind === 'call_out';

/** The choices the field practice offers a buyer instead of demanding work from them. */
export const caseOptionKinds = [
  'keep', // そのまま継続
  'partial_refund', // 一部返金
  'return_refund', // 返品・全額返金
  'exchange', // 交換
  'reship', // 再送
  'gift', // お詫びの品
] as const;
export type CaseOptionKind = (typeof caseOptionKinds)[number];
/** Only a partial refund needs an amount; the others may carry one (a gift's value, the refund total). */
export const optionNeedsAmount = (kind: CaseOptionKind): boolean => kind === 'partial_refund';

export const DEFAULT_FIRST_RESPONSE_HOURS = 24;
export const MAX_FIRST_RESPONSE_HOURS = 24 * 14;
