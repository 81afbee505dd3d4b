import type { DraftDeal } from './draft';
import { issue } from './issues';
import { MAX_ITEMS } from './lines';

const CONTROL = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex

/**
 * Checks that need the whole order (all its rows): something to import as items, an order date,
 * a usable order number. Cell-level problems were recorded while reading.
 */
export function validateDraft(d: DraftDeal): void {
  const at = { file: d.file, line: d.lines[0] ?? null };
  const hasError = d.issues.some((i) => i.severity === 'error');
  if (d.externalId.length > 100 || CONTROL.test(d.externalId)) {
    d.issues.push(
      issue('too_long', `Line ${at.line}: the order number is longer than 100 characters.`, at, {
        length: d.externalId.length,
        max: 100,
      }),
    );
  }
  if (!d.orderedAt && !hasError) {
    d.issues.push(
      issue('required', `Line ${at.line}: order ${d.externalId} has no order date.`, at, {
        field: 'orderedAt',
      }),
    );
  }
  const items = d.items ?? [];
  if (items.length === 0 && !hasError) {
    d.issues.push(
      issue('items_missing', `Line ${at.line}: order ${d.externalId} has no item lines.`, at, {
        orderId: d.externalId,
      }),
    );
  }
  if (items.length > MAX_ITEMS) {
    d.issues.push(
      issue(
        'too_many_items',
        `Line ${at.line}: order ${d.externalId} has ${items.length} item lines; at most ${MAX_ITEMS} fit.`,
        at,
        {
          count: items.length,
          max: MAX_ITEMS,
        },
      ),
    );
  }
}

export const draftHasErrors = (d: DraftDeal): boolean => d.issues.some((i) => i.severity === 'error');
