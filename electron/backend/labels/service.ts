import type { ParsedInputOf } from '../../../shared/contract';
import type { LabelExportDto, LabelFileDto, LabelFormat } from '../../../shared/contract/shipping';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { carrierCsv } from './csv';
import { labelLayouts } from './formats';
import { tokyoDate } from './formats/layout';
import { LabelRow } from './row';
import { readShopProfile } from './shop';
import { loadLabelDeals } from './source';

/**
 * Builds the label rows of a selection: the sender is checked once, each deal on its own. Deals with
 * an error are left out and named in the report; the others still get their labels.
 */
export function buildLabels(
  db: Db,
  format: LabelFormat,
  dealIds: readonly number[],
  now: Date,
  withFiles: boolean,
): LabelExportDto {
  const layout = labelLayouts[format];
  const shop = readShopProfile(db);
  const header = layout.header(shop);
  const result: LabelExportDto = { format, exported: [], skipped: [], issues: [], files: [] };

  const sender = new LabelRow({ dealId: null, externalId: null });
  layout.sender?.(sender, shop);
  result.issues.push(...sender.issues);

  const deals = loadLabelDeals(db, dealIds);
  const found = new Set(deals.map((d) => d.id));
  for (const id of new Set(dealIds)) {
    if (!found.has(id)) {
      result.skipped.push(id);
      result.issues.push({
        dealId: id,
        externalId: null,
        field: '',
        code: 'missing',
        severity: 'error',
        detail: 'deal',
      });
    }
  }

  const rows: string[][] = [];
  for (const deal of deals) {
    const row = new LabelRow({ dealId: deal.id, externalId: deal.externalId });
    layout.deal(row, deal, { shop, now });
    result.issues.push(...row.issues);
    if (!row.ok || !sender.ok) {
      result.skipped.push(deal.id);
      continue;
    }
    const values = { ...sender.values, ...row.values };
    // Columns by position: a name that appears twice (B2's 予備) is filled only once.
    const seen = new Set<string>();
    rows.push(
      header.map((column) => {
        if (seen.has(column)) return '';
        seen.add(column);
        return values[column] ?? '';
      }),
    );
    result.exported.push(deal.id);
  }

  if (withFiles && rows.length > 0)
    result.files = splitFiles(layout.fileStem, header, rows, now, layout.maxRowsPerFile);
  return result;
}

function splitFiles(
  stem: string,
  header: readonly string[],
  rows: string[][],
  now: Date,
  maxRows = Number.POSITIVE_INFINITY,
): LabelFileDto[] {
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += maxRows) chunks.push(rows.slice(i, i + maxRows));
  const base = `${stem}-${tokyoDate(now, 'yyyyMMdd-HHmm')}`;
  return chunks.map((chunk, i) => ({
    name: chunks.length > 1 ? `${base}-${i + 1}.csv` : `${base}.csv`,
    contentBase64: carrierCsv([header, ...chunk]).toString('base64'),
    rows: chunk.length,
  }));
}

export const check = (ctx: ServiceContext, input: ParsedInputOf<'labels.check'>): LabelExportDto =>
  buildLabels(ctx.db, input.format, input.dealIds, ctx.clock.now(), false);

export const exportLabels = (ctx: ServiceContext, input: ParsedInputOf<'labels.export'>): LabelExportDto =>
  buildLabels(ctx.db, input.format, input.dealIds, ctx.clock.now(), true);
