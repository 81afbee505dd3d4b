import Papa from 'papaparse';
import { issue, type ImportIssue } from './issues';

export type Delimiter = ',' | '\t';

export interface CsvRow {
  /** Physical line where the record starts (the header is line 1 in most files). */
  line: number;
  fields: string[];
}

/**
 * A CSV file whose header has been read. Records are streamed (`forEachRow`) rather than held in an
 * array: a 100,000-row export then never keeps millions of cell strings alive at once, which keeps
 * both memory and garbage-collection time down.
 */
export interface CsvTable {
  file: string;
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  /** Structural problems (broken quotes, too many rows) found by the last full pass over the rows. */
  issues: ImportIssue[];
  /** Data rows seen by the last full pass. */
  rowCount: number;
  /**
   * Calls `visit` for each non-blank record after the header, in file order. With `limit`, stops
   * after that many rows (a sample) and leaves `issues` and `rowCount` as they were.
   */
  forEachRow(visit: (row: CsvRow) => void, limit?: number): void;
}

/** More rows than any shop exports at once; beyond this the file is most likely not an order export. */
export const MAX_ROWS = 500_000;

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** TAB when the header has tabs and at least as many as commas (Amazon's flat files), else comma. */
export function detectDelimiter(text: string): Delimiter {
  const head = firstLine(text);
  const tabs = head.split('\t').length - 1;
  const commas = head.split(',').length - 1;
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

/** The record separator, read from the end of the first line (quoted newlines come later, if at all). */
function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const at = text.search(/\r|\n/);
  if (at < 0) return '\n';
  if (text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

const blank = (fields: string[]) => fields.every((f) => f.trim() === '');

interface Record {
  index: number;
  line: number;
  fields: string[];
  errors: Papa.ParseError[];
}

/** Every record with its physical line; `visit` returns false to stop early. */
function scan(
  text: string,
  delimiter: Delimiter,
  newline: '\r\n' | '\n' | '\r',
  visit: (r: Record) => boolean | void,
): void {
  const mark = newline === '\r' ? '\r' : '\n';
  let line = 1;
  let index = 0;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step(result, parser) {
      const fields = result.data;
      const record = { index: index++, line, fields, errors: result.errors };
      // The record spans text[start, cursor): its own line break and any inside quoted values. Counting
      // them in the text jumps from break to break instead of searching all 25 values of every row.
      const end = result.meta.cursor;
      for (let i = text.indexOf(mark, start); i >= 0 && i < end; i = text.indexOf(mark, i + 1)) line++;
      if (end <= start) line++;
      start = end;
      if (visit(record) === false) parser.abort();
    },
  });
}

/**
 * Reads the header of decoded text and returns the table, or the reason it is not a table. Quoted
 * fields may hold commas, doubled quotes and line breaks; problems with quotes are reported on the
 * line where the record starts. Blank lines are skipped but still counted.
 */
export function parseCsv(text: string, file: string, delimiter?: Delimiter): CsvTable | ImportIssue {
  if (text.trim() === '') return issue('file_empty', 'The file is empty.', { file });
  const sep = delimiter ?? detectDelimiter(text);
  const newline = detectNewline(text);
  let header: Record | undefined;
  scan(text, sep, newline, (r) => {
    if (blank(r.fields)) return true;
    header = r;
    return false;
  });
  if (!header) return issue('file_empty', 'The file is empty.', { file });
  const headerRecord = header;

  const table: CsvTable = {
    file,
    header: headerRecord.fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim()),
    headerLine: headerRecord.line,
    delimiter: sep,
    issues: [],
    rowCount: 0,
    forEachRow(visit, limit) {
      const issues: ImportIssue[] = [];
      let count = 0;
      scan(text, sep, newline, (r) => {
        if (r.index <= headerRecord.index) return true;
        for (const e of r.errors) issues.push(quoteIssue(e, file, r.line));
        if (blank(r.fields)) return true;
        if (++count > MAX_ROWS) {
          issues.push(
            issue(
              'too_many_rows',
              `The file has more than ${MAX_ROWS} rows; split the export by date and import the parts one after another.`,
              { file },
              { max: MAX_ROWS },
            ),
          );
          return false;
        }
        visit({ line: r.line, fields: r.fields });
        return limit === undefined || count < limit;
      });
      if (limit !== undefined) return;
      table.issues = issues;
      table.rowCount = Math.min(count, MAX_ROWS);
    },
  };
  return table;
}

function quoteIssue(e: Papa.ParseError, file: string, line: number): ImportIssue {
  if (e.code === 'MissingQuotes') {
    return issue(
      'quote_unclosed',
      `A quoted value that starts on line ${line} is never closed; the rest of the file was read as one value.`,
      { file, line },
    );
  }
  return issue('quote_malformed', `Line ${line}: a quoted value has text right after its closing quote.`, {
    file,
    line,
  });
}

/** All data rows at once (tests, small files). */
export function readRows(table: CsvTable): CsvRow[] {
  const rows: CsvRow[] = [];
  table.forEachRow((r) => rows.push(r));
  return rows;
}

/** The first `n` data rows (for the column mapper's sample), without reading the rest. */
export function sampleRows(table: CsvTable, n: number): CsvRow[] {
  const rows: CsvRow[] = [];
  if (n > 0) table.forEachRow((r) => rows.push(r), n);
  return rows;
}
