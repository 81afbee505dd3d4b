import type { ParsedInputOf } from '../../../shared/contract';
import type { CsvExportPartDto } from '../../../shared/contract/exports';
import type { ServiceContext } from '../context';
import { countRows } from '../db/sqlite-meta';
import { tokyoDate } from '../labels/formats/layout';
import { exporterFor } from './tables';
import { csvPart } from './writer';

/**
 * The in-app export, one part per call: the renderer asks for the next part with the cursor the last one
 * returned and joins them into the saved file. Nothing is kept here between calls, so a cancelled or
 * abandoned export leaves nothing behind, and no call ever holds more than one part.
 */
export function exportCsv(ctx: ServiceContext, input: ParsedInputOf<'exports.csv'>): CsvExportPartDto {
  const first = input.part === 0;
  const { bytes, rows, replaced, next } = csvPart(ctx.db, input.table, input.encoding, input.after);
  return {
    part: input.part,
    contentBase64: bytes.toString('base64'),
    rows,
    replaced,
    next,
    fileName: first ? `torihiki-${input.table}-${tokyoDate(ctx.clock.now(), 'yyyyMMdd-HHmm')}.csv` : null,
    // Rows of the table's own SQLite table (items: deal_items), counted once for the progress bar.
    totalRows: first ? countRows(ctx.db.raw, exporterFor(ctx.db, input.table).requires) : null,
  };
}
