import { describe, expect, it } from 'vitest';
import { dealListEn } from '../../i18n/sections/deal-list.en';
import { dealListJa } from '../../i18n/sections/deal-list.ja';
import { tEn, tJa } from '../../i18n/testing';
import { parseNaviPaste, warningText, type NaviPasteNote } from '../../../../shared/domain/navi-paste';
import { noteText } from './note-text';

/** One example of every note the parser can give. */
const examples: NaviPasteNote[] = [
  { code: 'too_long', maxChars: 20_000 },
  { code: 'empty' },
  { code: 'nothing_found' },
  { code: 'clock_invalid' },
  { code: 'date_unreadable', text: '2月30日' },
  { code: 'leap_day', month: 2, day: 29, year: 2024 },
  { code: 'year_inferred', years: [2024, 2025] },
  { code: 'name_guessed', name: '山田 花子' },
  { code: 'no_prefecture' },
  { code: 'postal_code_invalid', text: '〒123-45' },
  { code: 'phone_invalid', text: '090-1234' },
  { code: 'status_unreadable', text: '???' },
];

describe('取引ナビ paste notes', () => {
  it('word every code in Japanese exactly as the parser does, and in English', () => {
    const codes = new Set(examples.map((n) => n.code));
    expect(Object.keys(dealListJa.naviNotes).sort()).toEqual([...codes].sort());
    expect(Object.keys(dealListEn.naviNotes).sort()).toEqual([...codes].sort());
    for (const note of examples) {
      expect(noteText(note, tJa, 'ja')).toBe(warningText(note));
      // English words, apart from the page name 取引ナビ (no hiragana: not a left-over Japanese sentence),
      // and no Japanese marks added around the values (年, ・).
      expect(dealListEn.naviNotes[note.code]).not.toMatch(/[ぁ-ん]/);
      expect(noteText(note, tEn, 'en')).not.toMatch(/[ぁ-ん年・]/);
    }
  });

  it('come with the warnings they explain, one for one', () => {
    const text = '氏名 山田 花子 様\n郵便番号 123\n電話番号 0901\n取引の状況\n・支払い完了 2月30日 10時 0分';
    const result = parseNaviPaste(text, new Date('2026-11-20T00:00:00Z'));
    expect(result.notes.length).toBeGreaterThan(0);
    expect(result.notes.map(warningText)).toEqual(result.warnings);
    expect(result.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['postal_code_invalid', 'phone_invalid']),
    );
  });
});
