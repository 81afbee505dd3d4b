import { encodeCp932 } from './cp932';

/**
 * Carrier CSV: every field in double quotes (a comma or quote in an address can never shift a
 * column), quotes doubled, CRLF after every row including the last, CP932 bytes.
 */
export function carrierCsv(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',') + '\r\n').join('');
  return encodeCp932(text);
}
