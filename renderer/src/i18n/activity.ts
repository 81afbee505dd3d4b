import type { TFunction } from 'i18next';
import {
  languages,
  memberColors,
  type ActivityDto,
  type Language,
  type MemberColor,
} from '../../../shared/contract';

/** Looks up a member's current name for entries whose detail carries only the subject id. */
export type MemberNameLookup = (id: number) => string | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const isColor = (v: unknown): v is MemberColor => (memberColors as readonly unknown[]).includes(v);
const isLanguage = (v: unknown): v is Language => (languages as readonly unknown[]).includes(v);

/**
 * One sentence per log entry, worded from the action code and its detail in the reader's language.
 * The log stores facts, not sentences, so an entry reads right in Japanese and English alike and
 * an action this version does not know still shows its code instead of disappearing.
 */
export function describeActivity(entry: ActivityDto, t: TFunction, memberName: MemberNameLookup): string {
  const d = entry.detail;
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
    case 'demo.seeded':
      return t('activity.demoSeeded', { deals: num(d.deals), customers: num(d.customers) });
    default:
      return t('activity.unknown', { action: entry.action });
  }
}
