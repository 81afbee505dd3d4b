import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addYears, set } from 'date-fns';
import { SHOP_TIME_ZONE } from './time';

/** After-care: what happens after a case is resolved, and when (field practice: 1 week, 6 months, 1 year). */
export const aftercareStepKinds = ['checkin', 'message', 'thanks'] as const;
export type AftercareStepKind = (typeof aftercareStepKinds)[number];
export const aftercareUnits = ['days', 'months', 'years'] as const;
export type AftercareUnit = (typeof aftercareUnits)[number];

export interface AftercareStep {
  kind: AftercareStepKind;
  title: string;
  unit: AftercareUnit;
  amount: number;
}

/** A check-in is only a check-in if it comes while the trouble is fresh: at most 30 days after. */
export const MAX_CHECKIN_DAYS = 30;
export const AFTERCARE_LIMITS: Record<AftercareUnit, number> = { days: 3650, months: 120, years: 10 };
/** Reminders land in the morning, Japan time, not at the minute the case happened to be resolved. */
export const AFTERCARE_HOUR = 10;

/** Why a step is refused, or null. The check-in rule is the field practice's "1 week to 1 month". */
export function aftercareStepProblem(step: AftercareStep): string | null {
  if (!Number.isInteger(step.amount) || step.amount < 1 || step.amount > AFTERCARE_LIMITS[step.unit]) {
    return `An offset in ${step.unit} must be between 1 and ${AFTERCARE_LIMITS[step.unit]}`;
  }
  if (step.kind === 'checkin' && offsetDaysUpperBound(step) > MAX_CHECKIN_DAYS) {
    return `A check-in comes at most ${MAX_CHECKIN_DAYS} days after the resolution`;
  }
  return null;
}

const offsetDaysUpperBound = (step: AftercareStep): number =>
  step.unit === 'days' ? step.amount : step.unit === 'months' ? step.amount * 31 : step.amount * 366;

/**
 * When a step falls due: the Tokyo calendar date of the resolution plus the offset (date-fns keeps month
 * ends valid: 31 Aug + 6 months is 28 or 29 Feb), at AFTERCARE_HOUR Tokyo time.
 */
export function aftercareDueAt(resolvedAt: Date, step: Pick<AftercareStep, 'unit' | 'amount'>): Date {
  const local = new TZDate(resolvedAt.getTime(), SHOP_TIME_ZONE);
  const add = step.unit === 'days' ? addDays : step.unit === 'months' ? addMonths : addYears;
  const due = set(add(local, step.amount), {
    hours: AFTERCARE_HOUR,
    minutes: 0,
    seconds: 0,
    milliseconds: 0,
  });
  return new Date(due.getTime());
}
