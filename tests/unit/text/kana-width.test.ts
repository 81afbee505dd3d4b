import { describe, expect, it } from 'vitest';
import {
  normalizeKana,
  normalizeWidth,
  sanitizeText,
  toHiragana,
  toKatakana,
} from '../../../shared/domain/text';

describe('normalizeWidth', () => {
  it.each([
    ['０１２３４５６７８９', '0123456789'],
    ['ＡＢＣ　ａｂｃ', 'ABC abc'],
    ['ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ', 'ガギグ パピ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['（株）：￥１，５００', '(株):¥1,500'],
    ['㈱ ① ℡', '(株) 1 TEL'],
    ['山田　太郎', '山田 太郎'],
    ['ヴァイオリン', 'ヴァイオリン'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeWidth(input)).toBe(expected);
  });
});

describe('toHiragana / toKatakana', () => {
  it.each([
    ['ヤマダ タロウ', 'やまだ たろう'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ たろう'],
    ['ローソン', 'ろーそん'],
    ['ヴェ ヵヶ ヽヾ', 'ゔぇ ゕゖ ゝゞ'],
    ['山田タロウ ABC', '山田たろう ABC'],
    ['ヷ', 'ヷ'],
  ])('toHiragana(%j) = %j', (input, expected) => {
    expect(toHiragana(input)).toBe(expected);
  });

  it.each([
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ろーそん', 'ローソン'],
    ['ゔぇ ゝゞ', 'ヴェ ヽヾ'],
    ['山田たろう ABC', '山田タロウ ABC'],
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
  ])('toKatakana(%j) = %j', (input, expected) => {
    expect(toKatakana(input)).toBe(expected);
  });
});

describe('normalizeKana', () => {
  const key = 'やまだたろう';
  it.each([
    'ヤマダ タロウ',
    'やまだたろう',
    'ﾔﾏﾀﾞ ﾀﾛｳ',
    'ヤマダ\u3000タロウ',
    ' やまだ\tたろう ',
    'ヤマダ・タロウ',
    'ﾔﾏﾀﾞ･ﾀﾛｳ',
  ])('%j has the key of "やまだたろう"', (input) => {
    expect(normalizeKana(input)).toBe(key);
  });

  it.each([
    ['ローソン', 'ろーそん'],
    ['ＡＢＣ ストア', 'ABCすとあ'],
    ['山田\u200Bタロウ', '山田たろう'],
    ['葛\uDB40\uDD00西', '葛西'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKana(input)).toBe(expected);
  });

  it('keeps the long vowel mark, so ローソン and ロソン differ', () => {
    expect(normalizeKana('ローソン')).not.toBe(normalizeKana('ロソン'));
  });
});

describe('sanitizeText', () => {
  it.each([
    ['a\u0000b\u0007c\u007f\u009fd', 'abcd'],
    ['line1\r\nline2\tx', 'line1\r\nline2\tx'],
    ['\uFEFF山\u200B田\u00AD', '山田'],
    ['a\uD800b', 'a\uFFFDb'],
    ['\uDC00a', '\uFFFDa'],
    ['😀', '😀'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});
