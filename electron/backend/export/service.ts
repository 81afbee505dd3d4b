import type { ParsedInputOf } from '../../../shared/contract';
import type { CsvExportDto } from '../../../shared/contract/exports';
import type { ServiceContext } from '../context';
import { tokyoDate } from '../labels/formats/layout';
import { exportToBuffer } from './writer';

/** The in-app export: the file comes back to the renderer, which saves it (a download in both shells). */
export function exportCsv(ctx: ServiceContext, input: ParsedInputOf<'exports.csv'>): CsvExportDto {
  const { bytes, rows, replaced } = exportToBuffer(ctx.db, input.table, input.encoding);
  return {
    fileName: `torihiki-${input.table}-${tokyoDate(ctx.clock.now(), 'yyyyMMdd-HHmm')}.csv`,
    contentBase64: bytes.toString('base64'),
    rows,
    replaced,
  };
}
