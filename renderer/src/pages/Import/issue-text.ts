import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../../shared/contract';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { importJa } from '../../i18n/sections/import.ja';

/** One issue in the user's language: the code picks the sentence, the params fill it in. */
export function issueText(issue: ImportIssue, t: TFunction): string {
  // The same code says "a format lacks columns" or "your mapping names columns the file lacks".
  if (issue.code === 'columns_missing' && 'unmapped' in issue.params)
    return t('import.issues.codes.columns_missing_mapping');
  const params = { ...issue.params };
  // File roles come as "orders, items"; Yahoo!ショッピング names its two downloads Orders and Items.
  if (issue.code === 'files_incomplete' && typeof params.missing === 'string')
    params.missing = params.missing.replace(/\b\w/g, (c) => c.toUpperCase());
  return t(`import.issues.codes.${issue.code}`, params);
}

/** "3 行目 · 列「電話番号」": where the problem is, as far as it is known. */
export function issuePlace(issue: ImportIssue, t: TFunction, withFile: boolean): string {
  const parts: string[] = [];
  if (withFile && issue.file) parts.push(issue.file);
  parts.push(issue.line === null ? t('import.issues.whole') : t('import.issues.line', { line: issue.line }));
  if (issue.column) parts.push(t('import.issues.column', { column: issue.column }));
  return parts.join(' · ');
}

/** Deal fields named by the preview ("shipTo.address1", "steps.shipping") in the user's language. */
export function changeLabel(field: string, t: TFunction): string {
  if (field.startsWith('steps.')) {
    const kind = field.slice(6);
    if (isStep(kind)) return t(`steps.kinds.${kind}`);
  }
  const key = field.replace(/\.(\w)/, (_, c: string) => c.toUpperCase());
  return isField(key) ? t(`import.fields.${key}`) : field;
}

const isStep = (s: string): s is StepKind => (stepKinds as readonly string[]).includes(s);

/** The fields the preview names are the keys of the section's `fields` texts. */
const isField = (s: string): s is keyof typeof importJa.fields => Object.hasOwn(importJa.fields, s);
