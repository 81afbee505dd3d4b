import { describe, expect, it } from 'vitest';
import {
  importIssueCodes,
  type ImportIssue,
  type ImportIssueCode,
} from '../../../../shared/domain/import/issues';
import { tEn, tJa } from '../../i18n/testing';
import { changeLabel, issuePlace, issueText } from './issue-text';
import { checkFiles } from './read-files';

/** Parameters as the importer sends them (see shared/domain/import: reader, registry, values). */
const params: Partial<Record<ImportIssueCode, ImportIssue['params']>> = {
  encoding_replaced: { count: 3, encoding: 'cp932' },
  columns_missing: { columns: '受注番号, 注文日時', format: 'rakuten_legacy' },
  files_incomplete: { missing: 'items', format: 'yahoo_shopping' },
  too_many_rows: { max: 1_000_000 },
  row_width: { expected: 25, actual: 26 },
  too_long: { length: 130, max: 100 },
  date_invalid: { value: '2024/13/45' },
  amount_invalid: { value: '１２ドル' },
  amount_negative: { value: '-500' },
  amount_too_large: { max: 100_000_000 },
  amount_fraction: { value: '12.5' },
  quantity_invalid: { value: '0', max: 9999 },
  postal_invalid: { value: '12-34' },
  phone_invalid: { value: 'abc' },
  email_invalid: { value: 'taro@' },
  order_conflict: { orderId: 'store-10000001' },
  items_missing: { orderId: '338012-20241001-0000000001' },
  too_many_items: { count: 600, max: 500 },
  line_duplicate: { key: 'sku-1' },
  required: { field: 'orderedAt' },
};

const issueOf = (code: ImportIssueCode): ImportIssue => ({
  code,
  severity: 'error',
  file: 'orders.csv',
  line: 12,
  column: '注文日時',
  params: params[code] ?? {},
  message: 'English text for the CLI',
});

describe('import problems in the seller’s words', () => {
  it.each(importIssueCodes)('%s has a filled-in sentence in Japanese and English', (code) => {
    for (const t of [tJa, tEn]) {
      const text = issueText(issueOf(code), t);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).not.toContain('import.issues');
      expect(text).not.toBe('English text for the CLI');
      // Every value the importer reports about the cell reaches the user.
      const value = params[code]?.value;
      if (value !== undefined) expect(text).toContain(String(value));
    }
  });

  it('says "your mapping does not fit" rather than "the format lacks columns" for a mapping', () => {
    const issue = { ...issueOf('columns_missing'), params: { unmapped: 'externalId', columns: '' } };
    expect(issueText(issue, tJa)).toBe('列の対応付けがこのファイルに合いません。列を選び直してください。');
    expect(issueText(issueOf('columns_missing'), tJa)).toContain('受注番号, 注文日時');
  });

  it('names the missing file of a two-file export the way the marketplace does', () => {
    expect(issueText(issueOf('files_incomplete'), tJa)).toBe(
      'この形式は複数のファイルを一緒に取り込みます。足りないファイル: Items',
    );
  });

  it('names the place of a problem: file, line and column, or the whole file', () => {
    expect(issuePlace(issueOf('date_invalid'), tJa, true)).toBe('orders.csv · 12 行目 · 列「注文日時」');
    expect(issuePlace({ ...issueOf('file_binary'), line: null, column: null }, tEn, false)).toBe(
      'whole file',
    );
  });

  it('words the deal fields and steps an import changes, and keeps unknown names as they are', () => {
    expect(changeLabel('shipTo.address1', tJa)).toBe('お届け先住所');
    expect(changeLabel('steps.shipping', tJa)).toBe('発送');
    expect(changeLabel('paidAt', tEn)).toBe('paid date');
    expect(changeLabel('steps.unknown', tJa)).toBe('steps.unknown');
    expect(changeLabel('constructor', tJa)).toBe('constructor');
  });
});

describe('files are checked before they are read', () => {
  const file = (name: string, size: number) => ({ name, size }) as File;

  it('accepts the two files of a Yahoo!ショッピング export', () => {
    expect(checkFiles([file('orders.csv', 1200), file('items.csv', 3400)])).toBeNull();
  });

  it('refuses more files than the contract takes, empty files and files over the transport limit', () => {
    expect(checkFiles(Array.from({ length: 11 }, (_, i) => file(`${i}.csv`, 10)))).toEqual({
      kind: 'tooMany',
      max: 10,
    });
    expect(checkFiles([file('empty.csv', 0)])).toEqual({ kind: 'empty', name: 'empty.csv' });
    expect(checkFiles([file('huge.csv', 37_000_000)])).toEqual({
      kind: 'tooLarge',
      name: 'huge.csv',
      bytes: 37_000_000,
    });
    // Each file fits, but not all of them in one message.
    expect(checkFiles([file('a.csv', 30_000_000), file('b.csv', 30_000_000)])).toEqual({
      kind: 'tooLargeTotal',
    });
  });
});
