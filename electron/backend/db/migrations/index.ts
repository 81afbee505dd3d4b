import { initial } from './001-initial';
import { imports } from './002-imports';
import { customersSearch } from './003-customers-search';
import { stepKindIndex } from './004-step-kind-index';
import { openSteps } from './005-open-steps';
import { casesFollowups } from './006-cases-followups';
import { replyTemplates } from './007-reply-templates';
import { openStepDue } from './008-open-step-due';
import { dueDealsByDate } from './009-due-deals-by-date';
import { caseSearch } from './010-case-search';
import { customerEditedFields } from './011-customer-edited-fields';
import type { Migration } from './types';

/**
 * The static, ordered list of migrations. The main bundle has no migrations folder to scan,
 * so every migration is imported here. Never edit a migration that has shipped; add a new one.
 */
export const migrations: readonly Migration[] = [
  initial,
  imports,
  customersSearch,
  stepKindIndex,
  openSteps,
  casesFollowups,
  replyTemplates,
  openStepDue,
  dueDealsByDate,
  caseSearch,
  customerEditedFields,
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
export type { Migration, MigrationContext } from './types';
