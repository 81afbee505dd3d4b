import type { TFunction } from 'i18next';
import type { BulkResultDto } from '../../../../shared/contract';
import type { ja } from '../../i18n/ja';

type Reason = keyof typeof ja.bulk.reasons;
const isReason = (r: string): r is Reason =>
  [
    'cancelled',
    'not_found',
    'already_done',
    'already_skipped',
    'no_contact_step',
    'no_payment_step',
    'no_shipping_step',
    'no_receipt_step',
    'no_rating_step',
    'unchanged',
    'already_tagged',
    'not_tagged',
  ].includes(r);

/** "12件を更新しました。3件はそのままです（発送済み 2件・キャンセル済み 1件）。" */
export function describeBulkResult(result: BulkResultDto, t: TFunction): string {
  const done = t('bulk.updated', { n: result.updated });
  if (result.skipped.length === 0) return done;
  const byReason = new Map<string, number>();
  for (const s of result.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  const reasons = [...byReason]
    .map(([reason, n]) =>
      t('bulk.reasonCount', {
        reason: isReason(reason) ? t(`bulk.reasons.${reason}`) : reason,
        n,
      }),
    )
    .join(t('bulk.reasonSeparator'));
  return `${done} ${t('bulk.skipped', { n: result.skipped.length, reasons })}`;
}
