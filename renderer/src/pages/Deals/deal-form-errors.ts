import type { TFunction } from 'i18next';
import type { StepKind } from '../../../../shared/domain/steps';
import type { FieldIssue } from '../../../../shared/result';
import { appErrorOf } from '../../i18n/errors';

/**
 * A translated message per field path ("shipTo.postalCode", "items.0.unitPrice"), from local issues
 * or from the backend's answer. A duplicate order number is a conflict on externalId.
 */
export function dealFieldErrors(
  source: { issues: FieldIssue[]; code?: string } | unknown,
  t: TFunction,
  completedKinds: readonly StepKind[] = [],
): Record<string, string> {
  let issues: FieldIssue[];
  let code: string | undefined;
  if (source && typeof source === 'object' && 'issues' in source && Array.isArray(source.issues)) {
    issues = source.issues as FieldIssue[];
    code = (source as { code?: string }).code;
  } else {
    const appError = appErrorOf(source);
    issues = appError?.issues ?? [];
    code = appError?.code;
  }
  const out: Record<string, string> = {};
  for (const issue of issues) {
    let path = issue.path;
    // completed.N.at → the step's own row; a bare "completed" (from the backend) → the whole block.
    const c = /^completed\.(\d+)/.exec(path);
    if (c) path = `completed.${completedKinds[Number(c[1])] ?? ''}`;
    if (out[path]) continue;
    out[path] = messageFor(path, code, t);
  }
  return out;
}

function messageFor(path: string, code: string | undefined, t: TFunction): string {
  const last = path.split('.').pop() ?? '';
  if (path === 'externalId')
    return code === 'conflict' ? t('dealForm.errors.duplicate') : t('dealForm.errors.externalId');
  if (path === 'orderedAt') return t('dealForm.errors.orderedAt');
  if (path === 'items') return t('dealForm.errors.items');
  if (path.startsWith('completed')) return t('dealForm.errors.completed');
  if (path.startsWith('tags')) return t('dealForm.errors.tag');
  if (path === 'buyer.name') return t('dealForm.errors.buyerName');
  switch (last) {
    case 'name':
      return path.startsWith('items.') ? t('dealForm.errors.itemName') : t('dealForm.errors.tooLong');
    case 'quantity':
      return t('dealForm.errors.quantity');
    case 'unitPrice':
    case 'shippingFee':
    case 'fee':
      return t('dealForm.errors.yen');
    case 'postalCode':
      return t('dealForm.errors.postalCode');
    case 'phone':
      return t('dealForm.errors.phone');
    case 'email':
      return t('dealForm.errors.email');
    case 'notes':
      return t('dealForm.errors.notes');
    default:
      return t('dealForm.errors.tooLong');
  }
}
