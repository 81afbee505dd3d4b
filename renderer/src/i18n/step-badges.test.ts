import { expect, it } from 'vitest';
import { stepKinds } from '../../../shared/domain/steps';
import { tEn, tJa } from './testing';

it('gives each step a short badge text that fits the badge and tells the steps apart, in each language', () => {
  for (const [language, t] of [
    ['ja', tJa],
    ['en', tEn],
  ] as const) {
    const shorts = stepKinds.map((kind) => t(`steps.short.${kind}`));
    expect(new Set(shorts).size, language).toBe(stepKinds.length);
    for (const short of shorts) expect(short.length, `${language}: ${short}`).toBeLessThanOrEqual(2);
  }
  // An English page shows Latin letters, not 連/入/発/受/評.
  for (const kind of stepKinds) expect(tEn(`steps.short.${kind}`)).toMatch(/^[A-Za-z]+$/);
});
