import { formatPhone, formatPostalCode } from '../../../../shared/domain/text';
import type { LabelRow } from '../row';

/** 〒 as NNN-NNNN (Excel would drop the leading zero of seven digits); a missing or bad code is an error. */
export function postalField(row: LabelRow, field: string, raw: string | null | undefined): void {
  const formatted = raw ? formatPostalCode(raw) : null;
  if (!formatted) row.issue(field, 'missing', 'error', raw ?? '');
  row.set(field, formatted ?? '');
}

/**
 * A hyphenated phone number. A buyer without one gets zeros, as the mall tools do (the label still
 * prints and the report says so); the sender's own number is required.
 */
export function phoneField(
  row: LabelRow,
  field: string,
  raw: string | null | undefined,
  options: { required?: boolean; max?: number } = {},
): void {
  const formatted = raw ? formatPhone(raw) : '';
  if (formatted === '' || !/^[\d-]+$/.test(formatted)) {
    if (options.required) row.issue(field, 'missing', 'error', raw ?? '');
    else row.issue(field, 'filled', 'warning', '000-0000-0000');
    row.set(field, options.required ? '' : '000-0000-0000');
  } else {
    if (formatted.length > (options.max ?? 15)) row.issue(field, 'too_long', 'error', `${options.max ?? 15}`);
    row.set(field, formatted);
  }
}
