import { describe, expect, it } from 'vitest';
import { csvLine, neutralise, quote } from '../../../electron/backend/export/cell';

describe('formula-injection protection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+81 90 1234', "'+81 90 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['\t=1+1', "'\t=1+1"],
    ['\rcmd', "'\rcmd"],
    ['\nx', "'\nx"],
    ['  =1+1', "'  =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['＝ＳＵＭ（１）', "'＝ＳＵＭ（１）"],
    ['＋１', "'＋１"],
    ['－１', "'－１"],
    ['＠ｘ', "'＠ｘ"],
    ['-', "'-"],
  ])('text %j becomes %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it.each([
    [-1200, '-1200'],
    [0, '0'],
    [3200, '3200'],
    ['-1200', '-1200'],
    ['-12.5', '-12.5'],
    ['山田 花子', '山田 花子'],
    ['a=b', 'a=b'],
    ['090-1234-5678', '090-1234-5678'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ])('%j stays %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('quotes only what needs quotes and keeps quotes inside text', () => {
    expect(quote('a,b')).toBe('"a,b"');
    expect(quote('say "hi"')).toBe('"say ""hi"""');
    expect(quote('two\nlines')).toBe('"two\nlines"');
    expect(quote(' edge')).toBe('" edge"');
    expect(quote('plain')).toBe('plain');
  });

  it('a line neutralises then quotes, and ends with CRLF', () => {
    expect(csvLine(['=1,2', -5, null, '山田'])).toBe(`"'=1,2",-5,,山田\r\n`);
  });
});
