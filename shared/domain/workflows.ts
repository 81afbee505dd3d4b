import type { Marketplace } from './marketplaces';
import { stepKinds, type StepKind } from './steps';
import { isoPlusHours } from './time';

/**
 * When a step falls due: `hours` after the anchor. The anchor is the order time or the completion
 * of an earlier step (shipping is due two days after payment, not after the order).
 */
export interface WorkflowStep {
  kind: StepKind;
  enabled: boolean;
  dueHours: number | null;
  anchor: 'ordered' | StepKind;
  assigneeId: number | null;
}
export type Workflow = WorkflowStep[];

const DAY = 24;
const step = (
  kind: StepKind,
  dueHours: number | null,
  anchor: WorkflowStep['anchor'] = 'ordered',
  enabled = true,
) => ({
  kind,
  enabled,
  dueHours,
  anchor,
  assigneeId: null,
});
const off = (kind: StepKind) => step(kind, null, 'ordered', false);

/** Auctions: the buyer pays after winning, the seller ships after the payment, both rate each other. */
const auction = (): Workflow => [
  step('contact', DAY),
  step('payment', 3 * DAY),
  step('shipping', 2 * DAY, 'payment'),
  step('receipt', 7 * DAY, 'shipping'),
  step('rating', 3 * DAY, 'receipt'),
];
/** Flea-market apps hold the buyer's money themselves: no payment step; ship by the listing's deadline. */
const fleaMarket = (): Workflow => [
  step('contact', DAY),
  off('payment'),
  step('shipping', 3 * DAY),
  step('receipt', 7 * DAY, 'shipping'),
  step('rating', DAY, 'receipt'),
];

/**
 * Field practice per marketplace. ヤフオク!: contact within 24 h, payment expected within 3 days,
 * ship within 2 days of payment. メルカリ and other platforms that collect the money themselves have
 * no payment step; shipping follows the listing's 発送期限 (default 2–3 days → 3 days). Amazon does
 * contact and rating itself.
 */
export const defaultWorkflows: Record<Marketplace, Workflow> = {
  yahoo_auction: auction(),
  yahoo_auction_store: auction(),
  mercari: fleaMarket(),
  mercari_shops: [off('contact'), off('payment'), step('shipping', 3 * DAY), off('receipt'), off('rating')],
  paypay_flea: fleaMarket(),
  rakuten: [
    step('contact', DAY),
    step('payment', 7 * DAY),
    step('shipping', 2 * DAY, 'payment'),
    off('receipt'),
    off('rating'),
  ],
  amazon: [off('contact'), off('payment'), step('shipping', 2 * DAY), off('receipt'), off('rating')],
  yahoo_shopping: [
    step('contact', DAY),
    step('payment', 7 * DAY),
    step('shipping', 2 * DAY, 'payment'),
    off('receipt'),
    off('rating'),
  ],
  base: [
    step('contact', DAY),
    step('payment', 7 * DAY),
    step('shipping', 3 * DAY, 'payment'),
    off('receipt'),
    off('rating'),
  ],
  minne: [step('contact', DAY), off('payment'), step('shipping', 5 * DAY), off('receipt'), off('rating')],
  creema: [step('contact', DAY), off('payment'), step('shipping', 5 * DAY), off('receipt'), off('rating')],
  other: [
    step('contact', DAY),
    step('payment', 7 * DAY),
    step('shipping', 3 * DAY, 'payment'),
    off('receipt'),
    off('rating'),
  ],
};

/** Puts a stored workflow into step order and fills kinds an older stored copy may lack. */
export function completeWorkflow(stored: Partial<WorkflowStep>[] | null, fallback: Workflow): Workflow {
  return stepKinds.map((kind) => {
    const base = fallback.find((s) => s.kind === kind) ?? off(kind);
    const saved = stored?.find((s) => s.kind === kind);
    return saved ? { ...base, ...saved, kind } : base;
  });
}

/**
 * The due time of a step, or null while its anchor step is not done yet (or it has no deadline).
 * An anchor step that this workflow does not use falls back to the order time.
 */
export function dueAt(
  step: WorkflowStep,
  orderedAt: string,
  doneAt: Partial<Record<StepKind, string | null>>,
  workflow: Workflow,
): string | null {
  if (step.dueHours === null) return null;
  let from: string | null | undefined = orderedAt;
  if (step.anchor !== 'ordered') {
    const anchorUsed = workflow.some((s) => s.kind === step.anchor && s.enabled);
    from = anchorUsed ? doneAt[step.anchor] : orderedAt;
  }
  if (!from) return null;
  return isoPlusHours(from, step.dueHours);
}
