/**
 * Formula-injection protection for CSV files opened in Excel/LibreOffice: a text cell starting with
 * = + - @ (or their full-width forms, which Japanese IMEs type and Excel also reads as operators), TAB,
 * CR or LF — possibly after spaces — gets a leading apostrophe, so it shows as text and never runs.
 * Numbers are written as numbers: a refund of -1200 yen stays a value Excel can add up.
 */
const TRIGGER = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export type CellValue = string | number | null | undefined;

export function neutralise(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Text that is only a number ("-1200" typed into a note) is not a formula either.
  if (PLAIN_NUMBER.test(value)) return value;
  return TRIGGER.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: only when the cell holds a comma, a quote, a line break or edge spaces. */
export function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const csvLine = (cells: readonly CellValue[]): string =>
  cells.map((c) => quote(neutralise(c))).join(',') + '\r\n';
