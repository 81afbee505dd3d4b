import type { TFunction } from 'i18next';
import {
  languages,
  memberColors,
  type ActivityDto,
  type Language,
  type MemberColor,
} from '../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import { carriers, stepKinds, stepStates, type Carrier, type StepKind } from '../../../shared/domain/steps';
import { describeCustomerActivity } from '../pages/Customers/customer-activity';
import { describeMoreActivity } from './activity-more';
import { formatDue } from './deal-format';
import { currentLanguage } from './index';

/** Looks up a member's current name for entries whose detail carries only the subject id. */
export type MemberNameLookup = (id: number) => string | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const isColor = (v: unknown): v is MemberColor => (memberColors as readonly unknown[]).includes(v);
const isLanguage = (v: unknown): v is Language => (languages as readonly unknown[]).includes(v);
const isMarketplace = (v: unknown): v is Marketplace => (marketplaces as readonly unknown[]).includes(v);
const isStepKind = (v: unknown): v is StepKind => (stepKinds as readonly unknown[]).includes(v);
const isStepState = (v: unknown): v is (typeof stepStates)[number] =>
  (stepStates as readonly unknown[]).includes(v);
const isCarrier = (v: unknown): v is Carrier => (carriers as readonly unknown[]).includes(v);
const dealFieldKeys = [
  'orderedAt',
  'items',
  'shippingFee',
  'fee',
  'customerId',
  'shipTo',
  'deliveryMethod',
  'notes',
  'tags',
] as const;
const isDealField = (v: unknown): v is (typeof dealFieldKeys)[number] =>
  (dealFieldKeys as readonly unknown[]).includes(v);

/** The codes the customer page's describer words. */
const customerActions = new Set([
  'customer.merged',
  'customer.merged_into',
  'customer.split',
  'customer.duplicate_dismissed',
  'customer.updated',
  'customer.identity_removed',
  'customer.wish_added',
  'customer.wish_updated',
  'customer.wish_removed',
]);

export interface DescribeOptions {
  /** The entry is shown in its subject's own timeline (a deal's page): no need to say which deal. */
  inSubject?: boolean;
}

/**
 * One sentence per log entry, worded from the action code and its detail in the reader's language.
 * The log stores facts, not sentences, so an entry reads right in Japanese and English alike and
 * an action this version does not know still shows its code instead of disappearing.
 */
export function describeActivity(
  entry: ActivityDto,
  t: TFunction,
  memberName: MemberNameLookup,
  options: DescribeOptions = {},
): string {
  const d = entry.detail;
  // In the whole-household log a deal entry says which deal; on the deal's page it need not.
  const onDeal = (sentence: string) =>
    options.inSubject || entry.subjectId === null
      ? sentence
      : t('activity.onDeal', { id: entry.subjectId, sentence });
  const subjectName = () =>
    str(d.name) ??
    (entry.subjectId !== null
      ? (memberName(entry.subjectId) ?? t('activity.unknownSubject', { id: entry.subjectId }))
      : '');

  switch (entry.action) {
    case 'member.created':
      return t('activity.memberCreated', { name: subjectName() });
    case 'member.updated': {
      const before = obj(d.before);
      const after = obj(d.after);
      const beforeName = str(before.name) ?? subjectName();
      const parts: string[] = [];
      const newName = str(after.name);
      if (newName !== undefined && newName !== beforeName)
        parts.push(t('activity.memberRenamed', { before: beforeName, after: newName }));
      if (isColor(after.color) && after.color !== before.color)
        parts.push(
          t('activity.memberRecolored', { name: newName ?? beforeName, color: t(`colors.${after.color}`) }),
        );
      return parts.length > 0 ? parts.join(' / ') : t('activity.memberUpdated', { name: beforeName });
    }
    case 'member.pinSet':
      return t('activity.memberPinSet', { name: subjectName() });
    case 'member.pinRemoved':
      return t('activity.memberPinRemoved', { name: subjectName() });
    case 'member.archived':
      return t('activity.memberArchived', { name: subjectName() });
    case 'member.restored':
      return t('activity.memberRestored', { name: subjectName() });
    case 'session.switched':
      return t('activity.sessionSwitched', { name: subjectName() });
    case 'settings.updated': {
      const parts: string[] = [];
      if (isLanguage(d.language))
        parts.push(t('activity.languageChanged', { language: t(`languages.${d.language}`) }));
      const shopName = str(d.shopName);
      if (shopName !== undefined)
        parts.push(
          shopName === '' ? t('activity.shopNameCleared') : t('activity.shopNameChanged', { shopName }),
        );
      return parts.length > 0 ? parts.join(' / ') : t('activity.settingsUpdated');
    }
    case 'deal.created':
      return onDeal(
        t('activity.dealCreated', {
          marketplace: isMarketplace(d.marketplace) ? marketplaceNames[d.marketplace] : '',
          externalId: str(d.externalId) ?? '',
        }),
      );
    case 'deal.updated': {
      const fields = Array.isArray(d.fields) ? d.fields.filter(isDealField) : [];
      return onDeal(
        fields.length > 0
          ? t('activity.dealUpdatedFields', {
              fields: fields.map((f) => t(`activity.dealFields.${f}`)).join(t('activity.listSeparator')),
            })
          : t('activity.dealUpdated'),
      );
    }
    case 'deal.cancelled': {
      const reason = str(d.reason);
      return onDeal(reason ? t('activity.dealCancelledReason', { reason }) : t('activity.dealCancelled'));
    }
    case 'deal.reopened':
      return onDeal(t('activity.dealReopened'));
    case 'deal.tagged':
      return onDeal(t('activity.dealTagged', { tag: str(d.tag) ?? '' }));
    case 'deal.untagged':
      return onDeal(t('activity.dealUntagged', { tag: str(d.tag) ?? '' }));
    case 'step.updated':
      return onDeal(describeStepChange(d, t, memberName));
    case 'workflow.updated':
      return t('activity.workflowUpdated', {
        marketplace: isMarketplace(d.marketplace) ? marketplaceNames[d.marketplace] : '',
      });
    case 'demo.seeded':
      return t('activity.demoSeeded', { deals: num(d.deals), customers: num(d.customers) });
    default:
      // Customer actions read the same in the log as on the customer's page.
      // (Only the codes it words: it hands the rest back here, which must not loop.)
      if (customerActions.has(entry.action)) return describeCustomerActivity(entry, t, memberName);
      return (
        describeMoreActivity(entry, t, memberName, options.inSubject ?? false) ??
        t('activity.unknown', { action: entry.action })
      );
  }
}

/** "発送を完了にしました / 追跡番号を 1234… にしました": every part of one step change, in order. */
function describeStepChange(d: Record<string, unknown>, t: TFunction, memberName: MemberNameLookup): string {
  const step = isStepKind(d.kind) ? t(`steps.kinds.${d.kind}`) : '';
  const parts: string[] = [];
  const state = obj(d.state);
  if (isStepState(state.to)) parts.push(t(`activity.stepState.${state.to}`, { step }));
  if ('assignee' in d) {
    const to = obj(d.assignee).to;
    parts.push(
      typeof to === 'number'
        ? t('activity.stepAssigned', {
            step,
            name: memberName(to) ?? t('activity.unknownSubject', { id: to }),
          })
        : t('activity.stepUnassigned', { step }),
    );
  }
  if ('due' in d) {
    const to = str(obj(d.due).to);
    parts.push(
      to
        ? t('activity.stepDue', { step, due: formatDue(to, currentLanguage()) })
        : t('activity.stepDueAuto', { step }),
    );
  }
  if ('carrier' in d)
    parts.push(
      isCarrier(d.carrier)
        ? t('activity.carrierSet', { carrier: t(`steps.carriers.${d.carrier}`) })
        : t('activity.carrierCleared'),
    );
  if ('trackingNumber' in d) {
    const tracking = str(d.trackingNumber);
    parts.push(tracking ? t('activity.trackingSet', { tracking }) : t('activity.trackingCleared'));
  }
  return parts.length > 0 ? parts.join(' / ') : t('activity.stepUpdated', { step });
}
