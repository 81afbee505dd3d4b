import { expect, it } from 'vitest';
import { storedTables } from '../../../shared/stored-tables';
import { tEn, tJa } from './testing';

it.each(storedTables)('labels the stored table %s in Japanese and English', (table) => {
  // Words for the seller: Japanese text, and English without the table's snake_case name.
  expect(tJa(`tables.${table}`)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(tEn(`tables.${table}`)).toMatch(/^[A-Z][^_]*$/);
});
