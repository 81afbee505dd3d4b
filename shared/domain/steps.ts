/** The steps of a deal, in the order they normally happen. */
export const stepKinds = ['contact', 'payment', 'shipping', 'receipt', 'rating'] as const;
export type StepKind = (typeof stepKinds)[number];

export const stepStates = ['todo', 'done', 'skipped'] as const;
export type StepState = (typeof stepStates)[number];

export const dealStates = ['open', 'closed', 'cancelled'] as const;
export type DealState = (typeof dealStates)[number];

export const carriers = ['yamato', 'japanpost', 'sagawa', 'other'] as const;
export type Carrier = (typeof carriers)[number];

/** A step is overdue when it is still to do and its due time has passed. */
export function isOverdue(step: { state: string; dueAt: string | null }, now: Date): boolean {
  return step.state === 'todo' && step.dueAt !== null && step.dueAt < now.toISOString();
}
