import { describe, expect, it } from 'vitest';
import { cp932Code, encodeCp932, encodeCp932Lossy } from '../../../electron/backend/labels/cp932';
import { seeded } from '../../support/random';
import { decodeCp932 } from '../../integration/labels/support';

/** The plain definition: each character CP932 lacks becomes "?", the rest is encoded as the labels are. */
function reference(text: string): { bytes: Buffer; replaced: number } {
  let replaced = 0;
  let safe = '';
  for (const ch of text) {
    if (cp932Code(ch.codePointAt(0)!) === null) {
      replaced++;
      safe += '?';
    } else safe += ch;
  }
  return { bytes: encodeCp932(safe), replaced };
}

const PIECES = [
  'a',
  ',',
  '"',
  '\r\n',
  '山田',
  'ｶﾞ',
  '①',
  '髙',
  '〜',
  '－',
  '🌸',
  '👨‍👩‍👧',
  '\ud83c',
  '\udf38x',
  '\u0000',
  'é',
  '€',
  '¥',
];

describe('encodeCp932Lossy', () => {
  it('writes what the character-by-character definition writes, on random mixed text', () => {
    const random = seeded(5);
    for (let round = 0; round < 2_000; round++) {
      let text = '';
      for (let i = random.int(40); i > 0; i--) text += random.pick(PIECES);
      const got = encodeCp932Lossy(text);
      const want = reference(text);
      expect(got.replaced, JSON.stringify(text)).toBe(want.replaced);
      expect(got.bytes.equals(want.bytes), JSON.stringify(text)).toBe(true);
    }
  });

  it('turns each emoji and each lone surrogate into one "?" and reads back as the text', () => {
    const { bytes, replaced } = encodeCp932Lossy('みか🌸、\ud83c髙①ｶﾞ');
    expect(replaced).toBe(2);
    expect(decodeCp932(bytes)).toBe('みか?、?髙①ｶﾞ');
    expect(encodeCp932Lossy('')).toEqual({ bytes: Buffer.alloc(0), replaced: 0 });
  });
});
