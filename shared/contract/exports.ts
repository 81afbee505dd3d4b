import { z } from 'zod';
import { query, returns } from './define';

/** Tables a seller can take out of Torihiki as CSV. */
export const exportTables = ['deals', 'items', 'customers', 'cases'] as const;
export type ExportTable = (typeof exportTables)[number];

/** UTF-8 with BOM opens correctly in Excel; CP932 is for older tools. */
export const exportEncodings = ['utf-8-bom', 'cp932'] as const;
export type ExportEncoding = (typeof exportEncodings)[number];

/**
 * Where the next part starts: the sort key of the last row sent (a deal, customer or case id; for items the
 * deal id and line number). The renderer passes back what the previous part returned and never builds one.
 */
export const exportCursorLength: Record<ExportTable, number> = { deals: 1, items: 2, customers: 1, cases: 1 };

/** 1,000,000 deals are about 120 parts; this bounds a runaway client, not a real ledger. */
export const MAX_EXPORT_PART = 1_000_000;

/**
 * One part of a CSV export. Part 0 carries the BOM (UTF-8) and the header; every part holds whole rows
 * only, so the parts joined in order are the file `torihiki export` writes.
 */
export interface CsvExportPartDto {
  part: number;
  contentBase64: string;
  /** Data rows in this part. */
  rows: number;
  /** Characters CP932 could not hold in this part, written as "?"; the file's count is the sum. */
  replaced: number;
  /** Give this as `after` to ask for part + 1; null when this part was the last. */
  next: number[] | null;
  /** Part 0 only: the name to save the file under. */
  fileName: string | null;
  /** Part 0 only: rows in the table when the export started (for progress; members may add more meanwhile). */
  totalRows: number | null;
}

const cursorKey = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const exportPartInput = z
  .object({
    table: z.enum(exportTables),
    encoding: z.enum(exportEncodings),
    part: z.number().int().min(0).max(MAX_EXPORT_PART),
    after: z.array(cursorKey).min(1).max(2).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.part === 0 && input.after !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['after'], message: 'Part 0 starts at the beginning: no cursor' });
    } else if (input.part > 0 && input.after === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['after'],
        message: 'Parts after the first need the cursor ("next") the previous part returned',
      });
    } else if (input.after && input.after.length !== exportCursorLength[input.table]) {
      ctx.addIssue({
        code: 'custom',
        path: ['after'],
        message: `A cursor for ${input.table} has ${exportCursorLength[input.table]} number(s)`,
      });
    }
  });

export const exportMethods = {
  'exports.csv': query(exportPartInput, returns<CsvExportPartDto>()),
};
