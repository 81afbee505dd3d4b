import type { TFunction } from 'i18next';
import type { ActivityDto } from '../../../shared/contract';
import { caseCategories, caseEntryKinds, caseOptionKinds, caseStates } from '../../../shared/domain/cases';
import { formatTokyoDateTimeShort } from './deal-format';

type Lookup = (id: number) => string | undefined;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    (list as readonly unknown[]).includes(v);
const isState = oneOf(caseStates);
const isCategory = oneOf(caseCategories);
const isEntryKind = oneOf(caseEntryKinds);
const isOptionKind = oneOf(caseOptionKinds);
const when = (v: unknown) =>
  typeof v === 'string' && Number.isFinite(Date.parse(v)) ? formatTokyoDateTimeShort(v) : '';

/**
 * Sentences for the actions of cases, follow-ups, templates, backups, labels and imports, or null for
 * an action this module does not word. `inSubject`: shown on the case's own page (no "クレーム #n:").
 */
export function describeMoreActivity(
  entry: ActivityDto,
  t: TFunction,
  memberName: Lookup,
  inSubject: boolean,
): string | null {
  const d = entry.detail;
  const onCase = (sentence: string) =>
    inSubject || entry.subjectType !== 'case' || entry.subjectId === null
      ? sentence
      : t('activityLog.onCase', { id: entry.subjectId, sentence });
  const state = (v: unknown) => (isState(v) ? t(`complaints.states.${v}`) : '');
  const option = (v: unknown) => (isOptionKind(v) ? t(`complaints.optionKinds.${v}`) : '');

  switch (entry.action) {
    case 'case.created':
      return onCase(
        t('activityLog.caseCreated', {
          category: isCategory(d.category) ? t(`complaints.categories.${d.category}`) : '',
        }),
      );
    case 'case.raised': {
      // Logged on the deal: in the whole log it says which deal, as other deal entries do.
      const sentence = t('activityLog.caseRaised', { caseId: num(d.caseId) });
      return inSubject || entry.subjectId === null
        ? sentence
        : t('activity.onDeal', { id: entry.subjectId, sentence });
    }
    case 'case.updated':
      return onCase(t('activityLog.caseUpdated'));
    case 'case.entry_added':
      return onCase(
        t('activityLog.caseEntryAdded', {
          kind: isEntryKind(d.kind) ? t(`complaints.entryKinds.${d.kind}`) : '',
        }),
      );
    case 'case.moved':
      return onCase(
        d.automatic === true
          ? t('activityLog.caseMovedAuto', { to: state(d.to) })
          : t('activityLog.caseMoved', { from: state(d.from), to: state(d.to) }),
      );
    case 'case.option_offered':
      return onCase(t('activityLog.caseOptionOffered', { option: option(d.kind) }));
    case 'case.option_chosen':
      return onCase(t('activityLog.caseOptionChosen', { option: option(d.kind) }));
    case 'case.option_removed':
      return onCase(t('activityLog.caseOptionRemoved', { option: option(d.kind) }));
    case 'case.promise_made':
      return onCase(t('activityLog.casePromiseMade', { title: str(d.title), due: when(d.dueAt) }));
    case 'case.promise_settled':
      return onCase(
        t(d.outcome === 'broken' ? 'activityLog.casePromiseBroken' : 'activityLog.casePromiseKept', {
          title: str(d.title),
        }),
      );
    case 'cases.settings_updated':
      return t('activityLog.caseSettingsUpdated', { hours: num(d.firstResponseHours) });
    case 'aftercare.plan_saved':
      return t('activityLog.aftercarePlanSaved', { name: str(d.name), steps: num(d.steps) });
    case 'aftercare.plan_archived':
      return t('activityLog.aftercarePlanArchived', { name: str(d.name) });
    case 'followup.created':
      return onCase(t('activityLog.followupCreated', { title: str(d.title), due: when(d.dueAt) }));
    case 'followup.snoozed':
      return onCase(t('activityLog.followupSnoozed', { until: when(d.until) }));
    case 'followup.reassigned':
      return onCase(
        typeof d.to === 'number'
          ? t('activityLog.followupReassigned', {
              name: memberName(d.to) ?? t('activity.unknownSubject', { id: d.to }),
            })
          : t('activityLog.followupUnassigned'),
      );
    case 'followup.done':
      return onCase(t('activityLog.followupDone', { title: str(d.title) }));
    case 'template.saved':
      return t('activityLog.templateSaved', { name: str(d.name) });
    case 'template.removed':
      return t('activityLog.templateRemoved', { name: str(d.name) });
    case 'template.reset':
      return t('activityLog.templateReset', { name: str(d.name) });
    case 'backups.configured':
      return t('activityLog.backupsConfigured');
    case 'shop.updated':
      return t('activityLog.shopUpdated');
    case 'tracking.imported':
      return t('activityLog.trackingImported', { file: str(d.file), count: num(d.marked) });
    case 'import.committed': {
      const files = Array.isArray(d.files) ? d.files.filter((f) => typeof f === 'string') : [];
      return t('activityLog.importCommitted', { files: files.join(', '), deals: num(d.deals) });
    }
    case 'import.undone':
      return t('activityLog.importUndone', { deals: num(d.dealsRemoved) });
    case 'mapping.saved':
      return t('activityLog.mappingSaved', { name: str(d.name) });
    case 'mapping.deleted':
      return t('activityLog.mappingDeleted', { name: str(d.name) });
    default:
      return null;
  }
}
