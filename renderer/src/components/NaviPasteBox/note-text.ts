import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/contract';
import type { NaviPasteNote } from '../../../../shared/domain/navi-paste';
import { formatCount } from '../../i18n/format';

/** A parser note in the UI's language, with its values worded for it (years joined, large numbers grouped). */
export function noteText(note: NaviPasteNote, t: TFunction, language: Language): string {
  const { code, ...values } = note;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values) as [string, string | number | number[]][]) {
    if (Array.isArray(value))
      params[key] = value.map((year) => t('dealList.naviYear', { year })).join(t('separators.dot'));
    else params[key] = typeof value === 'number' && value >= 10_000 ? formatCount(value, language) : value;
  }
  return t(`dealList.naviNotes.${code}`, params);
}
