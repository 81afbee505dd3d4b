import type { TFunction } from 'i18next';
import type { ImportRowStatus } from '../../../../shared/contract';

/**
 * The status pill of one preview row. It says what happens to this one order ("Error"), so it has its own
 * words rather than the summary's count labels ("Errors"), which name a group.
 */
export function rowStatusText(status: ImportRowStatus, t: TFunction): string {
  return t(`import.table.rowStatus.${status}`);
}
