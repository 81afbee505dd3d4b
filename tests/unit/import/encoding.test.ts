import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/domain/import/encoding';
import { encodeCp932 } from '../../support/cp932';

const text = '注文番号,商品名,単価\r\n338012-20241105-0012345678,有田焼 マグカップ「藍」①,￥２，９８０\r\n';
const decoded = (bytes: Uint8Array) => {
  const result = decodeText(bytes, 'x.csv');
  if ('code' in result) throw new Error(result.message);
  return result;
};

describe('decodeText', () => {
  it('reads CP932 (Shift_JIS with NEC extensions such as ①) and says so', () => {
    const result = decoded(encodeCp932(text));
    expect(result).toMatchObject({ text, encoding: 'cp932', issues: [] });
  });

  it('reads UTF-8 with and without a BOM', () => {
    expect(decoded(Buffer.from(text))).toMatchObject({ text, encoding: 'utf-8' });
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({
      text,
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decoded(le)).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('reads EUC-JP when the bytes are neither UTF-8 nor Shift_JIS', () => {
    // 字 is BB FA in EUC-JP; in Shift_JIS, FA must be followed by a trail byte, not CR.
    expect(decoded(Buffer.from([0x61, 0x2c, 0xbb, 0xfa, 0x0d, 0x0a]))).toMatchObject({
      text: 'a,字\r\n',
      encoding: 'euc-jp',
    });
  });

  it('treats pure ASCII as UTF-8', () => expect(decoded(Buffer.from('a,b\n1,2\n')).encoding).toBe('utf-8'));

  it('honours an encoding the user chose', () => {
    expect(decodeText(encodeCp932(text), 'x.csv', 'cp932')).toMatchObject({ text, encoding: 'cp932' });
  });

  it('accepts a few broken bytes with a warning saying how many were replaced', () => {
    const bytes = Buffer.concat([encodeCp932(text.repeat(50)), Buffer.from([0x82])]);
    const result = decoded(bytes);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'encoding_replaced',
        severity: 'warning',
        params: expect.objectContaining({ count: 1 }),
      }),
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'file_empty'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'file_empty'],
    ['blank lines', Buffer.from('\r\n \r\n'), 'file_empty'],
    ['a zip/xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), 'file_binary'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'file_binary'],
    ['UTF-16 without a BOM', Buffer.from('注文番号,商品名\r\n', 'utf16le'), 'file_binary'],
  ])('refuses %s with a clear reason', (_name, bytes, code) => {
    expect(decodeText(bytes, 'x.csv')).toMatchObject({ code, severity: 'error', file: 'x.csv' });
  });

  it('refuses bytes that are no Japanese text encoding at all', () => {
    const noise = Buffer.alloc(4000);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 37) % 0x7f);
    const result = decodeText(noise, 'x.csv');
    expect('code' in result ? result.code : result.encoding).toMatch(/encoding_unknown|cp932|euc-jp/);
  });
});
