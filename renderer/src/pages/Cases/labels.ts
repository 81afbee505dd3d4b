import type { CaseState } from '../../../../shared/domain/cases';

/** Colours of the case states: new and waiting red-ish, working blue, done green, finished grey. */
export const stateColors: Record<CaseState, string> = {
  received: 'red',
  investigating: 'orange',
  proposed: 'yellow',
  agreed: 'cyan',
  resolved: 'green',
  aftercare: 'teal',
  closed: 'gray',
};

export const severityColors = { low: 'gray', medium: 'yellow', high: 'red' } as const;
