import type { TFunction } from 'i18next';
import type { ActivityDto } from '../../../../shared/contract';
import { formatPhone, formatPostalCode } from '../../../../shared/domain/text';
import { describeActivity, type MemberNameLookup } from '../../i18n/activity';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/**
 * One sentence per entry of a customer's history (merge, split, tags, wishes…), from the action code and its
 * facts. Actions that are not about customers are worded by the shared describer.
 */
export function describeCustomerActivity(
  entry: ActivityDto,
  t: TFunction,
  memberName: MemberNameLookup,
): string {
  const d = entry.detail;
  switch (entry.action) {
    case 'customer.merged': {
      const moved = d.moved && typeof d.moved === 'object' ? (d.moved as Record<string, unknown>) : {};
      return t('customerUi.activity.merged', { name: str(d.absorbedName), deals: num(moved.deals) });
    }
    case 'customer.merged_into':
      return t('customerUi.activity.mergedInto', { name: str(d.keepName) });
    case 'customer.split':
      return t('customerUi.activity.split', { deals: num(d.dealsBack) });
    case 'customer.duplicate_dismissed':
      return t('customerUi.activity.dismissed');
    case 'customer.updated': {
      const parts: string[] = [];
      if (strings(d.fields).length > 0) parts.push(t('customerUi.activity.updated'));
      const added = strings(d.added);
      const removed = strings(d.removed);
      if (added.length > 0)
        parts.push(
          t('customerUi.activity.tagsAdded', { tags: added.join(t('customerUi.activity.tagSeparator')) }),
        );
      if (removed.length > 0)
        parts.push(
          t('customerUi.activity.tagsRemoved', { tags: removed.join(t('customerUi.activity.tagSeparator')) }),
        );
      return parts.length > 0 ? parts.join(' / ') : t('customerUi.activity.updated');
    }
    case 'customer.identity_removed':
      return t('customerUi.activity.identityRemoved', { value: readableIdentity(str(d.kind), str(d.value)) });
    case 'customer.wish_added':
      return t('customerUi.activity.wishAdded', { text: str(d.text) });
    case 'customer.wish_updated':
      if (d.done === true) return t('customerUi.activity.wishDone');
      if (d.done === false) return t('customerUi.activity.wishReopened');
      return t('customerUi.activity.wishUpdated');
    case 'customer.wish_removed':
      return t('customerUi.activity.wishRemoved', { text: str(d.text) });
    default:
      return describeActivity(entry, t, memberName, { inSubject: true });
  }
}

/** A stored identifier as people write it: "090-1234-5678", "〒154-0015 やまだはなこ". */
export function readableIdentity(kind: string, value: string): string {
  if (kind === 'phone') return formatPhone(value);
  if (kind === 'name_postal') {
    const at = value.indexOf(':');
    if (at > 0)
      return `〒${formatPostalCode(value.slice(0, at)) ?? value.slice(0, at)} ${value.slice(at + 1)}`;
  }
  return value;
}
