import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/executor';
import { encodeCp932Lossy } from '../labels/cp932';
import { csvLine } from './cell';
import type { ExportEncoding, ExportTable } from '../../../shared/contract/exports';
import { exporterFor } from './tables';

export interface ExportSummary {
  rows: number;
  /** Characters CP932 cannot hold (emoji), written as "?"; always 0 for UTF-8. */
  replaced: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FLUSH_BYTES = 1 << 20;

/**
 * Streams one table as CSV chunks (UTF-8 with BOM so Excel reads Japanese, or CP932 for older tools),
 * every cell protected against formula injection.
 */
export function* csvChunks(
  db: Db,
  table: ExportTable,
  encoding: ExportEncoding,
  summary: ExportSummary,
): Generator<Buffer> {
  const exporter = exporterFor(db, table);
  const encode = (text: string): Buffer => {
    if (encoding === 'utf-8-bom') return Buffer.from(text, 'utf8');
    const { bytes, replaced } = encodeCp932Lossy(text);
    summary.replaced += replaced;
    return bytes;
  };
  if (encoding === 'utf-8-bom') yield BOM;
  let pending = csvLine(exporter.columns.map((c) => c.header));
  for (const row of exporter.rows(db)) {
    pending += csvLine(exporter.columns.map((c) => c.value(row)));
    summary.rows++;
    if (pending.length >= FLUSH_BYTES) {
      yield encode(pending);
      pending = '';
    }
  }
  yield encode(pending);
}

export function exportToBuffer(
  db: Db,
  table: ExportTable,
  encoding: ExportEncoding,
): { bytes: Buffer } & ExportSummary {
  const summary: ExportSummary = { rows: 0, replaced: 0 };
  const bytes = Buffer.concat([...csvChunks(db, table, encoding, summary)]);
  return { bytes, ...summary };
}

/** Writes to a temporary name first, so a failed export never leaves a half file under the chosen name. */
export function exportToFile(
  db: Db,
  table: ExportTable,
  encoding: ExportEncoding,
  outFile: string,
): ExportSummary {
  const target = path.resolve(outFile);
  const partial = `${target}.partial`;
  const summary: ExportSummary = { rows: 0, replaced: 0 };
  try {
    const fd = fs.openSync(partial, 'w');
    try {
      for (const chunk of csvChunks(db, table, encoding, summary)) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, target);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return summary;
}
