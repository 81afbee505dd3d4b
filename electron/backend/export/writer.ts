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
 * Size of one part of the in-app export, counted in UTF-8 bytes of its text (CP932 is smaller). A part
 * stops at the first row boundary past it: about 8,000 deals, well under the transport's message limit
 * once base64-encoded, and short enough that other calls never wait long behind it.
 */
export const PART_BYTES = 2 * 1024 * 1024;

type Exporter = ReturnType<typeof exporterFor>;

const headerLine = (exporter: Exporter): string => csvLine(exporter.columns.map((c) => c.header));
const rowLine = (exporter: Exporter, row: Record<string, unknown>): string =>
  csvLine(exporter.columns.map((c) => c.value(row)));

/** Text to file bytes; CP932 counts the characters it had to write as "?" into `summary`. */
function encoder(encoding: ExportEncoding, summary: ExportSummary): (text: string) => Buffer {
  if (encoding === 'utf-8-bom') return (text) => Buffer.from(text, 'utf8');
  return (text) => {
    const { bytes, replaced } = encodeCp932Lossy(text);
    summary.replaced += replaced;
    return bytes;
  };
}

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
  const encode = encoder(encoding, summary);
  if (encoding === 'utf-8-bom') yield BOM;
  let pending = headerLine(exporter);
  for (const row of exporter.rows(db)) {
    pending += rowLine(exporter, row);
    summary.rows++;
    if (pending.length >= FLUSH_BYTES) {
      yield encode(pending);
      pending = '';
    }
  }
  yield encode(pending);
}

export interface CsvPart extends ExportSummary {
  bytes: Buffer;
  /** The key of the last row in this part, to start the next one after; null when the table is done. */
  next: number[] | null;
}

/**
 * One part of the in-app export: the rows after `after` (all of them from the start when absent), whole
 * rows only, until about `maxBytes`. The first part carries the BOM and the header, so the parts joined in
 * order are byte for byte what `csvChunks` writes in one go — as long as nobody changes the ledger between
 * parts. If someone does, every part still holds whole rows in key order, each row at most once: a row
 * changed before its part is read comes out changed, one changed after as it was, rows added ahead of the
 * cursor are included and rows added behind it are not (see the README).
 */
export function csvPart(
  db: Db,
  table: ExportTable,
  encoding: ExportEncoding,
  after: readonly number[] | undefined,
  maxBytes = PART_BYTES,
): CsvPart {
  const exporter = exporterFor(db, table);
  const summary: ExportSummary = { rows: 0, replaced: 0 };
  let text = after ? '' : headerLine(exporter);
  let size = Buffer.byteLength(text);
  let last: Record<string, unknown> | undefined;
  let next: number[] | null = null;
  // `for … of` closes the SQLite statement on `break`, so stopping early holds nothing open.
  for (const row of exporter.rows(db, after)) {
    // At least one row per part, so a part always moves the cursor on.
    if (last && size >= maxBytes) {
      next = exporter.key(last);
      break;
    }
    const line = rowLine(exporter, row);
    text += line;
    size += Buffer.byteLength(line);
    summary.rows++;
    last = row;
  }
  const body = encoder(encoding, summary)(text);
  const bytes = !after && encoding === 'utf-8-bom' ? Buffer.concat([BOM, body]) : body;
  return { bytes, next, ...summary };
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
