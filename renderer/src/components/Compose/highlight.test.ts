import { describe, expect, it } from 'vitest';
import type { ReplyFinding } from '../../../../shared/domain/replies';
import { segments } from './highlight';

const finding = (start: number, end: number, severity: 'error' | 'warning'): ReplyFinding => ({
  rule: 'x',
  severity,
  start,
  end,
  message: { ja: '', en: '' },
});

describe('segments', () => {
  it('splits the text into plain and marked runs, an error winning where findings overlap', () => {
    const text = 'たぶん【署名】です';
    expect(segments(text, [finding(0, 3, 'warning'), finding(2, 7, 'error')])).toEqual([
      { text: 'たぶ', severity: 'warning' },
      { text: 'ん【署名】', severity: 'error' },
      { text: 'です', severity: null },
    ]);
  });

  it('ignores spans beyond the text and keeps an unflagged text whole', () => {
    expect(segments('abc', [finding(2, 99, 'warning')])).toEqual([
      { text: 'ab', severity: null },
      { text: 'c', severity: 'warning' },
    ]);
    expect(segments('', [])).toEqual([]);
  });
});
