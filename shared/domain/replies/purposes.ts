import type { StepKind } from '../steps';

/**
 * What a template is for: a deal step (sent to every buyer) or a complaint stage (sent during a
 * case, and the after-care messages months later). Codes are stable ids stored in the database.
 */
export const dealPurposes = ['won_payment', 'payment_confirmed', 'shipped', 'rating_request'] as const;
export const complaintPurposes = [
  'complaint_ack',
  'complaint_update',
  'complaint_proposal',
  'complaint_resolved',
  'aftercare_week',
  'aftercare_half_year',
  'aftercare_year',
] as const;
export const templatePurposes = [...dealPurposes, ...complaintPurposes] as const;
export type TemplatePurpose = (typeof templatePurposes)[number];
export type DealPurpose = (typeof dealPurposes)[number];
export type ComplaintPurpose = (typeof complaintPurposes)[number];

export const isComplaintPurpose = (p: TemplatePurpose): p is ComplaintPurpose =>
  (complaintPurposes as readonly string[]).includes(p);

/** After-care messages come weeks after the case was solved: no apology or next date is expected. */
export const isAftercarePurpose = (p: TemplatePurpose): boolean => p.startsWith('aftercare_');

/** The deal step a message belongs to, so Compose can suggest the template for the step at hand. */
export const purposeStep: Record<DealPurpose, StepKind> = {
  won_payment: 'contact',
  payment_confirmed: 'payment',
  shipped: 'shipping',
  rating_request: 'rating',
};
