import { describe, expect, it } from 'vitest';
import { importRowStatuses } from '../../../../shared/contract';
import { tEn, tJa } from '../../i18n/testing';
import { rowStatusText } from './row-status';

describe('rowStatusText', () => {
  it('words one row in English in the singular, unlike the summary counts', () => {
    expect(importRowStatuses.map((s) => rowStatusText(s, tEn))).toEqual([
      'New',
      'Updated',
      'Unchanged',
      'Error',
    ]);
    expect(rowStatusText('error', tEn)).not.toBe(tEn('import.preview.counts.error'));
  });

  it('has a word for every status in Japanese', () => {
    const words = importRowStatuses.map((s) => rowStatusText(s, tJa));
    for (const word of words) expect(word).toMatch(/^[\u3040-\u30ff\u4e00-\u9fff]+$/);
    expect(new Set(words).size).toBe(importRowStatuses.length);
  });
});
