import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  parseCsv,
  readRows,
  sampleRows,
  type CsvTable,
} from '../../../shared/domain/import/csv';

const table = (text: string): CsvTable => {
  const t = parseCsv(text, 'x.csv');
  if ('code' in t) throw new Error(t.message);
  return t;
};

describe('parseCsv', () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, with each record's line", () => {
    const t = table(
      'id,note,price\r\n1,"a, b",100\r\n2,"say ""hi""\r\nsecond line\r\nthird",200\r\n3,plain,300\r\n',
    );
    expect(t.header).toEqual(['id', 'note', 'price']);
    expect(readRows(t)).toEqual([
      { line: 2, fields: ['1', 'a, b', '100'] },
      { line: 3, fields: ['2', 'say "hi"\r\nsecond line\r\nthird', '200'] },
      { line: 6, fields: ['3', 'plain', '300'] },
    ]);
    expect(t.rowCount).toBe(3);
    expect(t.issues).toEqual([]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends', (_name, nl) => {
    const t = table(`a,b${nl}1,2${nl}${nl}3,4${nl}`);
    expect(readRows(t)).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('detects TAB (Amazon) and comma', () => {
    expect(detectDelimiter('order-id\torder-item-id\tproduct-name\n')).toBe('\t');
    expect(detectDelimiter('注文番号,商品名\n')).toBe(',');
    expect(table('a\tb, c\n1\t2, 3\n').delimiter).toBe('\t');
  });

  it('skips blank lines before the header and strips a BOM left in it', () => {
    const t = table('\r\n\r\n\uFEFF注文ID , 商品名\r\n1,x\r\n');
    expect(t.header).toEqual(['注文ID', '商品名']);
    expect(t.headerLine).toBe(3);
    expect(readRows(t)).toEqual([{ line: 4, fields: ['1', 'x'] }]);
  });

  it('reports an unclosed quote on the line where its record starts', () => {
    const t = table('a,b\n1,2\n3,"open\n4,5\n');
    readRows(t);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: 'quote_unclosed', line: 3, severity: 'error' }),
    ]);
  });

  it('skips rows of only empty cells (Excel leaves them at the end)', () => {
    const t = table('a,b\n1,2\n,\n , \n');
    expect(readRows(t)).toHaveLength(1);
  });

  it('reads a sample without reading the whole file', () => {
    const t = table(`a\n${Array.from({ length: 100 }, (_, i) => i).join('\n')}\n`);
    expect(sampleRows(t, 3).map((r) => r.fields[0])).toEqual(['0', '1', '2']);
    expect(t.rowCount).toBe(0);
  });

  it.each(['', '   ', '\r\n\r\n'])('refuses empty text %j', (text) => {
    expect(parseCsv(text, 'x.csv')).toMatchObject({ code: 'file_empty' });
  });
});
