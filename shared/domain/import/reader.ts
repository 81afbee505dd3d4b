import type { CsvRow, CsvTable } from './csv';
import { parseDate, type DateFormat } from './dates';
import { issue, type ImportIssue, type ImportIssueCode, type IssueParams } from './issues';
import {
  headerKey,
  multiLine,
  parseEmail,
  parsePhone,
  parsePostal,
  parseQuantity,
  parseYen,
  personText,
  singleLine,
  type Parsed,
} from './values';

/** Logical column name → the header names it may have (first present one wins). */
export type ColumnSpec<K extends string> = Record<K, readonly string[]>;

/** A parsed table with its columns resolved once, so each cell is an array index. */
export class Sheet<K extends string = string> {
  readonly index: Record<K, number>;
  readonly names: Record<K, string>;
  constructor(
    readonly table: CsvTable,
    spec: ColumnSpec<K>,
  ) {
    const byKey = headerIndex(table.header);
    this.index = {} as Record<K, number>;
    this.names = {} as Record<K, string>;
    for (const key of Object.keys(spec) as K[]) {
      let at = -1;
      for (const alias of spec[key]) {
        const found = byKey.get(headerKey(alias));
        if (found !== undefined) {
          at = found;
          break;
        }
      }
      this.index[key] = at;
      this.names[key] = at >= 0 ? table.header[at]! : (spec[key][0] ?? key);
    }
  }

  has(key: K): boolean {
    return this.index[key] >= 0;
  }

  row(row: CsvRow, issues: ImportIssue[], dateFormat: DateFormat = 'auto'): Row<K> {
    return new Row(this, row, issues, dateFormat);
  }
}

/** First occurrence of each header name, compared loosely (width, case, spaces). */
export function headerIndex(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !map.has(key)) map.set(key, i);
  });
  return map;
}

const describe: Partial<Record<ImportIssueCode, (p: IssueParams) => string>> = {
  date_invalid: (p) => `"${p.value}" is not a date this importer can read (e.g. 2024/01/05 13:04)`,
  amount_invalid: (p) => `"${p.value}" is not an amount in yen`,
  amount_fraction: (p) => `"${p.value}" has a fraction of a yen`,
  amount_too_large: (p) => `the amount is larger than ¥${Number(p.max).toLocaleString('en')}`,
  amount_negative: (p) => `the amount "${p.value}" is negative`,
  quantity_invalid: (p) => `"${p.value}" is not a quantity (a whole number from 1 to ${p.max})`,
  postal_invalid: (p) => `"${p.value}" is not a 7-digit postal code; it was left out`,
  phone_invalid: (p) => `"${p.value}" is not a phone number; it was left out`,
  email_invalid: (p) => `"${p.value}" is not an e-mail address; it was left out`,
  too_long: (p) => `the value is ${p.length} characters long; at most ${p.max} fit`,
  required: () => 'this value is required',
};

export function rowMessage(code: ImportIssueCode, column: string, line: number, params: IssueParams): string {
  const text = describe[code]?.(params) ?? code;
  return `Line ${line}, column "${column}": ${text}.`;
}

/** Contact details a marketplace got wrong should not block an order: they are dropped with a warning. */
const warningCodes = new Set<string>(['postal_invalid', 'phone_invalid', 'email_invalid']);

/**
 * One record, read through its sheet's columns. Each accessor returns `undefined` when the column is
 * not in the file, `null` when the cell is empty (or invalid: the problem is recorded with its line
 * and column), else the normalised value.
 */
export class Row<K extends string = string> {
  constructor(
    readonly sheet: Sheet<K>,
    public row: CsvRow,
    public issues: ImportIssue[],
    readonly dateFormat: DateFormat,
  ) {}

  /** Points the reader at the next record; one Row per file keeps 100,000-row imports light on garbage. */
  moveTo(row: CsvRow, issues: ImportIssue[]): this {
    this.row = row;
    this.issues = issues;
    return this;
  }

  get line(): number {
    return this.row.line;
  }

  /** The raw cell; '' when the row is shorter than the header. */
  raw(key: K): string | undefined {
    const at = this.sheet.index[key];
    if (at < 0) return undefined;
    return this.row.fields[at] ?? '';
  }

  has(key: K): boolean {
    return this.sheet.index[key] >= 0;
  }

  report(key: K, code: ImportIssueCode, params: IssueParams = {}): void {
    const column = this.sheet.names[key];
    this.issues.push(
      issue(
        code,
        rowMessage(code, column, this.row.line, params),
        { file: this.sheet.table.file, line: this.row.line, column },
        params,
        warningCodes.has(code) ? 'warning' : 'error',
      ),
    );
  }

  private parsed<T>(
    key: K,
    parse: (raw: string) => Parsed<T | null>,
    raw: string | undefined = this.raw(key),
  ): T | null | undefined {
    if (raw === undefined) return undefined;
    const result = parse(raw);
    if (result.ok) return result.value;
    this.report(key, result.code as ImportIssueCode, result.params ?? {});
    return null;
  }

  /** Single-line text; too long is an error (it would be cut silently otherwise). */
  text(key: K, max = 200): string | null | undefined {
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const value = singleLine(raw);
    if (value === '') return null;
    if (value.length > max) {
      this.report(key, 'too_long', { length: value.length, max });
      return null;
    }
    return value;
  }

  /** Names, kana and addresses (NFKC-normalised). */
  person(key: K, max = 100): string | null | undefined {
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const value = personText(raw);
    if (value === '') return null;
    if (value.length > max) {
      this.report(key, 'too_long', { length: value.length, max });
      return null;
    }
    return value;
  }

  notes(key: K, max = 10_000): string | null | undefined {
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const value = multiLine(raw);
    if (value === '') return null;
    if (value.length > max) {
      this.report(key, 'too_long', { length: value.length, max });
      return null;
    }
    return value;
  }

  date(key: K): string | null | undefined {
    return this.parsed(key, (raw) => parseDate(raw, this.dateFormat));
  }

  /** A date split over a date and a time column (楽天: 注文日 + 注文時間). */
  dateTime(dateKey: K, timeKey: K): string | null | undefined {
    const date = this.raw(dateKey);
    if (date === undefined) return undefined;
    const time = this.raw(timeKey)?.trim() ?? '';
    return this.parsed(
      dateKey,
      (raw) => parseDate(raw, this.dateFormat),
      time ? `${date.trim()} ${time}` : date,
    );
  }

  /** Amounts that cannot be negative (prices, shipping). */
  yen(key: K): number | null | undefined {
    const value = this.parsed(key, parseYen);
    if (typeof value === 'number' && value < 0) {
      this.report(key, 'amount_negative', { value: this.raw(key)!.slice(0, 40) });
      return null;
    }
    return value;
  }

  /** Amounts that may be negative (discounts, adjustments). */
  signedYen(key: K): number | null | undefined {
    return this.parsed(key, parseYen);
  }

  quantity(key: K): number | null | undefined {
    return this.parsed(key, parseQuantity);
  }

  postal(key: K): string | null | undefined {
    return this.parsed(key, parsePostal);
  }

  phone(key: K): string | null | undefined {
    return this.parsed(key, parsePhone);
  }

  /** Several columns that together hold one phone number (楽天: 電話番号1/2/3). */
  phoneParts(...keys: K[]): string | null | undefined {
    const parts = keys.map((k) => this.raw(k));
    if (parts.every((p) => p === undefined)) return undefined;
    const joined = parts.filter((p): p is string => !!p && p.trim() !== '').join('-');
    const result = parsePhone(joined);
    if (result.ok) return result.value;
    this.report(keys[0]!, 'phone_invalid', result.params ?? {});
    return null;
  }

  postalParts(...keys: K[]): string | null | undefined {
    const parts = keys.map((k) => this.raw(k));
    if (parts.every((p) => p === undefined)) return undefined;
    const result = parsePostal(parts.filter(Boolean).join(''));
    if (result.ok) return result.value;
    this.report(keys[0]!, 'postal_invalid', result.params ?? {});
    return null;
  }

  email(key: K): string | null | undefined {
    return this.parsed(key, parseEmail);
  }

  /**
   * Records a missing required value (unless this cell already has an error of its own) and passes the
   * value through, so call sites read `d.orderedAt = row.require('orderedAt', row.date('orderedAt'))`.
   */
  require<T>(key: K, value: T | null | undefined): T | null {
    if (value !== null && value !== undefined) return value;
    const column = this.sheet.names[key];
    const line = this.row.line;
    if (!this.issues.some((i) => i.line === line && i.column === column && i.severity === 'error')) {
      this.report(key, 'required');
    }
    return null;
  }

  /**
   * A row with more values than the header has usually lost the quotes around a value with a comma
   * in it, so every later column is shifted: an error, rather than importing shifted values.
   * Missing trailing values (some tools drop empty cells at the end) read as empty.
   */
  checkWidth(): void {
    const { fields } = this.row;
    const width = this.sheet.table.header.length;
    if (fields.length <= width) return;
    for (let i = width; i < fields.length; i++) {
      if (fields[i]!.trim() === '') continue;
      const params = { expected: width, actual: fields.length };
      this.issues.push(
        issue(
          'row_width',
          `Line ${this.row.line} has ${fields.length} values but the header has ${width}; a value with a comma in it may be missing its quotes.`,
          { file: this.sheet.table.file, line: this.row.line },
          params,
        ),
      );
      return;
    }
  }

  /** Whether the cell holds anything but spaces. */
  filled(key: K): boolean {
    const raw = this.raw(key);
    return raw !== undefined && raw.trim() !== '';
  }
}

/** Joins optional parts; undefined when none of the columns exists, null when all are empty. */
export function joinParts(
  separator: string,
  ...parts: (string | null | undefined)[]
): string | null | undefined {
  if (parts.every((p) => p === undefined)) return undefined;
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.join(separator) : null;
}
