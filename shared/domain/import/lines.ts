import type { Marketplace } from '../marketplaces';
import type { CsvTable } from './csv';
import { newDraft, type DraftDeal, type DraftItem } from './draft';
import { issue, type ImportIssue } from './issues';
import type { ReadContext } from './preset';
import { Sheet, rowMessage, type ColumnSpec, type Row } from './reader';

/** At most this many lines per deal; the ledger's limit for one order. */
export const MAX_ITEMS = 200;

export interface LineItemHooks<K extends string> {
  marketplace: Marketplace;
  columns: ColumnSpec<K>;
  /** The column holding the order number, for "missing" messages. */
  keyColumn: NoInfer<K>;
  /** Grouping key of a row (its order, or order + destination); null when the row has none. */
  key(row: Row<K>, previousKey: string | null): string | null;
  /** Fills the order-level fields from the first row of an order. */
  order(row: Row<K>, draft: DraftDeal): void;
  /**
   * The item line a row holds; 'skip' for rows that carry no item (an order-only row). `occurrence`
   * makes a line key for formats without line ids: the same product seen again in the same order of
   * the same file gets "#2", while the same order in an overlapping second file lines up again.
   */
  item(row: Row<K>, draft: DraftDeal, occurrence: (base: string) => string): DraftItem | 'skip' | null;
}

/**
 * The common shape of marketplace exports: one row per item with the order's fields repeated.
 * Rows group by key across all files given together; a line that appears twice (two overlapping
 * exports) is kept once.
 */
export function readLineItems<K extends string>(
  tables: CsvTable[],
  hooks: LineItemHooks<K>,
  ctx: ReadContext,
): DraftDeal[] {
  const deals = new Map<string, DraftDeal>();
  for (const table of tables) {
    const sheet = new Sheet(table, hooks.columns);
    const row = sheet.row({ line: 0, fields: [] }, [], ctx.dateFormat);
    // Line keys already used per order in this file, for `occurrence` (see LineItemHooks.item).
    const seen = new Map<string, number>();
    let currentKey = '';
    const occurrence = (base: string) => {
      const key = `${currentKey}\u0000${base}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return n === 1 ? base : `${base}#${n}`;
    };
    let previousKey: string | null = null;
    let rowIssues: ImportIssue[] = [];
    table.forEachRow((record) => {
      if (rowIssues.length) rowIssues = [];
      row.moveTo(record, rowIssues);
      row.checkWidth();
      const key = hooks.key(row, previousKey);
      if (key === null) {
        const column = sheet.names[hooks.keyColumn];
        ctx.issues.push(
          issue('required', rowMessage('required', column, record.line, {}), {
            file: table.file,
            line: record.line,
            column,
          }),
          ...rowIssues,
        );
        return;
      }
      previousKey = key;
      currentKey = key;
      let draft = deals.get(key);
      if (!draft) {
        draft = newDraft(hooks.marketplace, key, table.file);
        hooks.order(row, draft);
        deals.set(key, draft);
      }
      draft.lines.push(record.line);
      const item = hooks.item(row, draft, occurrence);
      if (item && item !== 'skip') addItem(draft, item, row);
      else if (item === null && !draft.items) draft.items = [];
      if (rowIssues.length) draft.issues.push(...rowIssues);
    });
  }
  return [...deals.values()];
}

/** Adds a line, keeping one copy of a line seen twice (same key) and warning about it. */
export function addItem<K extends string>(draft: DraftDeal, item: DraftItem, row: Row<K>): void {
  draft.items ??= [];
  // Orders have a handful of lines: a scan is cheaper than an index per order.
  const at = draft.items.findIndex((i) => i.lineKey === item.lineKey);
  if (at < 0) {
    draft.items.push(item);
    return;
  }
  const before = draft.items[at]!;
  const same =
    before.name === item.name &&
    before.sku === item.sku &&
    before.quantity === item.quantity &&
    before.unitPrice === item.unitPrice;
  draft.items[at] = item;
  draft.issues.push(
    issue(
      'line_duplicate',
      same
        ? `Line ${row.line}: this item line was already read from another row; it is imported once.`
        : `Line ${row.line}: this item line appeared earlier with other values; the later row is used.`,
      { file: row.sheet.table.file, line: row.line },
      { key: item.lineKey },
      'warning',
    ),
  );
}
