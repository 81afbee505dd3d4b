import { Buffer } from 'node:buffer';
import {
  decodeText,
  issue,
  parseCsv,
  type CsvTable,
  type Delimiter,
  type ImportIssue,
  type TextEncoding,
} from '../../../shared/domain/import';

export interface FileInput {
  name: string;
  contentBase64: string;
}

export interface FileSummary {
  name: string;
  bytes: number;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  header: string[];
  /** Data rows, known once the rows were read. */
  rows: number;
  /** Physical lines of the decoded text (the unit of read progress). */
  lines: number;
}

/** Marketplace exports of a busy month stay well below this; larger files are refused, not truncated. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export type ReadFilesResult =
  | { ok: true; tables: CsvTable[]; files: FileSummary[]; warnings: ImportIssue[] }
  | { ok: false; files: FileSummary[]; issues: ImportIssue[] };

/** Decodes and parses each file; the first file-level problem of each file is reported. */
export function readFiles(inputs: FileInput[], encoding?: TextEncoding): ReadFilesResult {
  const tables: CsvTable[] = [];
  const files: FileSummary[] = [];
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const input of inputs) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const summary: FileSummary = {
      name: input.name,
      bytes: bytes.length,
      encoding: null,
      delimiter: null,
      header: [],
      rows: 0,
      lines: 0,
    };
    files.push(summary);
    if (bytes.length > MAX_FILE_BYTES) {
      problems.push(
        issue(
          'file_too_large',
          `${input.name} is ${Math.round(bytes.length / 1048576)} MB; at most 40 MB can be imported at once.`,
          {
            file: input.name,
          },
          { bytes: bytes.length, max: MAX_FILE_BYTES },
        ),
      );
      continue;
    }
    const decoded = decodeText(bytes, input.name, encoding);
    if ('code' in decoded) {
      problems.push(decoded);
      continue;
    }
    summary.encoding = decoded.encoding;
    summary.lines = lineCount(decoded.text);
    warnings.push(...decoded.issues);
    const table = parseCsv(decoded.text, input.name);
    if ('code' in table) {
      problems.push(table);
      continue;
    }
    summary.delimiter = table.delimiter;
    summary.header = table.header;
    tables.push(table);
  }
  return problems.length ? { ok: false, files, issues: problems } : { ok: true, tables, files, warnings };
}

/** Line breaks (LF, or CR in old Mac files) plus one: cheap next to parsing, and what CsvRow.line counts. */
export function lineCount(text: string): number {
  const mark = text.includes('\n') ? '\n' : '\r';
  let n = 1;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/**
 * Calls `onLine(done, total)` as the tables' rows are read (a full pass, not a sample), in lines of all
 * files together, so the preview can report how far reading is.
 */
export function watchRows(
  tables: CsvTable[],
  files: FileSummary[],
  onLine: (done: number, total: number) => void,
): void {
  const total = files.reduce((n, f) => n + f.lines, 0);
  let offset = 0;
  tables.forEach((table, i) => {
    const before = offset;
    offset += files[i]?.lines ?? 0;
    const read = table.forEachRow.bind(table);
    table.forEachRow = (visit, limit) => {
      if (limit !== undefined) return read(visit, limit);
      read((row) => {
        onLine(before + row.line, total);
        visit(row);
      });
    };
  });
}

/** Copies the row counts into the summaries once the tables have been read. */
export function countRows(files: FileSummary[], tables: CsvTable[]): void {
  files.forEach((f, i) => {
    f.rows = tables[i]?.rowCount ?? 0;
  });
}
