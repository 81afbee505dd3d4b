import { describe, expect, it } from 'vitest';
import {
  MAX_YEN,
  PREFECTURES,
  isPrefecture,
  normalizeName,
  parseYen,
  splitPrefecture,
  stripHonorifics,
} from '../../../shared/domain/text';

describe('PREFECTURES', () => {
  it('lists the 47 prefectures once each: 1 都, 1 道, 2 府, 43 県', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    const suffixes = PREFECTURES.map((p) => p.slice(-1));
    expect(suffixes.filter((s) => s === '都')).toEqual(['都']);
    expect(suffixes.filter((s) => s === '道')).toEqual(['道']);
    expect(suffixes.filter((s) => s === '府')).toHaveLength(2);
    expect(suffixes.filter((s) => s === '県')).toHaveLength(43);
  });

  it('has no name that is a prefix of another (so the first match is the match)', () => {
    for (const a of PREFECTURES)
      for (const b of PREFECTURES) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it.each([
    ['東京都', true],
    ['北海道', true],
    ['京都府', true],
    ['東京', false],
    ['', false],
  ])('isPrefecture(%j) = %s', (input, expected) => {
    expect(isPrefecture(input)).toBe(expected);
  });
});

describe('splitPrefecture', () => {
  it.each([
    ['東京都世田谷区桜丘3-12-5', '東京都', '世田谷区桜丘3-12-5'],
    ['北海道札幌市中央区大通西4丁目', '北海道', '札幌市中央区大通西4丁目'],
    ['大阪府大阪市北区梅田1-2-3', '大阪府', '大阪市北区梅田1-2-3'],
    ['京都府京都市中京区', '京都府', '京都市中京区'],
    ['神奈川県 横浜市港北区', '神奈川県', '横浜市港北区'],
    ['　和歌山県和歌山市　', '和歌山県', '和歌山市'],
    ['鹿児島県', '鹿児島県', ''],
    ['東京都', '東京都', ''],
  ])('%j → %j + %j', (input, prefecture, rest) => {
    expect(splitPrefecture(input)).toEqual({ prefecture, rest });
  });

  it.each(['京都市中京区', '東京 世田谷区', '世田谷区桜丘', '', 'Tokyo'])(
    'finds no prefecture in %j',
    (input) => {
      expect(splitPrefecture(input)).toEqual({ prefecture: null, rest: input.trim() });
    },
  );
});

describe('stripHonorifics', () => {
  it.each([
    ['山田 太郎 様', '山田 太郎'],
    ['山田太郎様', '山田太郎'],
    ['山田 太郎\u3000様', '山田 太郎'],
    ['山田 さま', '山田'],
    ['ヤマダ サマ', 'ヤマダ'],
    ['山田 太郎 殿', '山田 太郎'],
    ['山田太郎殿', '山田太郎'],
    ['株式会社トリヒキ 御中', '株式会社トリヒキ'],
    ['山田さん', '山田'],
    ['ヤマダ サン', 'ヤマダ'],
    ['林 様', '林'],
    ['林 殿', '林'],
    // 鵜殿 is a surname, not 鵜 + 殿.
    ['鵜殿', '鵜殿'],
    ['鵜殿 様', '鵜殿'],
    ['様', '様'],
    ['  ', ''],
    ['山田 太郎', '山田 太郎'],
    ['様子見', '様子見'],
  ])('%j → %j', (input, expected) => {
    expect(stripHonorifics(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it.each([
    ['山田　太郎　様', '山田 太郎'],
    ['  山田   太郎  ', '山田 太郎'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ ｻﾏ', 'ヤマダ タロウ'],
    ['ＴＡＲＯ　ＹＡＭＡＤＡ', 'TARO YAMADA'],
    ['山田\t太郎\n様', '山田 太郎'],
    ['葛\uDB40\uDD00西 花子', '葛西 花子'],
    ['山\u200B田', '山田'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('parseYen', () => {
  it.each([
    ['1,500円', 1500],
    ['￥１，５００', 1500],
    ['¥1500', 1500],
    ['1500 円', 1500],
    ['1500', 1500],
    ['0円', 0],
    ['¥ 12,800', 12800],
    ['\\3,480', 3480],
    ['1,500円(税込)', 1500],
    ['1,500円（税込み）', 1500],
    ['1,234,567円', 1234567],
    ['0001500', 1500],
    [' 1500 ', 1500],
    ['1,000,000,000,000', MAX_YEN],
  ])('%j → %d', (input, expected) => {
    expect(parseYen(input)).toBe(expected);
  });

  it.each([
    '',
    '円',
    '¥',
    'abc',
    '15,00',
    '1,5000',
    ',500',
    '1500.00',
    '1500.5',
    '-1500',
    '−1,500円',
    '▲1,500',
    '1,000,000,000,001',
    '99999999999999999999',
    '1 500',
    '1500円です',
    '1.5万円',
    '¥-¥1500',
    'x'.repeat(100_000),
  ])('refuses %j', (input) => {
    expect(parseYen(input)).toBeNull();
  });

  it.each([
    ['-1500', -1500],
    ['−1,500円', -1500],
    ['▲1,500', -1500],
    ['△500', -500],
    ['¥-1,500', -1500],
    ['-¥1,500', -1500],
    ['-0', 0],
  ])('with allowNegative, %j → %d', (input, expected) => {
    expect(parseYen(input, { allowNegative: true })).toBe(expected);
  });

  it.each([
    ['1500.00', 1500],
    ['1500.4', 1500],
    ['1500.5', 1501],
    ['1,500.99円', 1501],
    ['1500', 1500],
  ])('with allowDecimal, %j → %d (half away from zero)', (input, expected) => {
    expect(parseYen(input, { allowDecimal: true })).toBe(expected);
  });

  it('rounds negative decimals away from zero when both are allowed', () => {
    expect(parseYen('-1500.5', { allowNegative: true, allowDecimal: true })).toBe(-1501);
  });

  it('refuses a value that only rounding pushes above 10^12', () => {
    expect(parseYen('1000000000000.5', { allowDecimal: true })).toBeNull();
  });
});
