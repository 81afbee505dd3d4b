import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { ImportCommitDto, ImportPreviewDto, InputOf } from '../../shared/contract';
import { encodeCp932 } from './cp932';
import { value } from './deals';
import { fixtureDir } from './import-fixtures';

export type ImportFile = { name: string; contentBase64: string };

/** A sample export from tests/fixtures/import, as the UI sends it. */
export const fixtureFile = (name: string): ImportFile => ({
  name,
  contentBase64: fs.readFileSync(path.join(fixtureDir, name)).toString('base64'),
});

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV built in the test: header plus rows given as objects (missing cells are empty). */
export function csvFile(
  name: string,
  header: string[],
  rows: Record<string, string>[],
  encoding: 'cp932' | 'utf-8' = 'cp932',
): ImportFile {
  const text = `${[header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
  const bytes = encoding === 'cp932' ? encodeCp932(text) : Buffer.from(text, 'utf8');
  return { name, contentBase64: bytes.toString('base64') };
}

export async function preview(
  backend: Backend,
  input: InputOf<'imports.preview'>,
): Promise<ImportPreviewDto & { status: 'ready' }> {
  const result = await value(backend.call('imports.preview', input));
  if (result.status !== 'ready')
    throw new Error(`preview not ready: ${JSON.stringify(result).slice(0, 800)}`);
  return result;
}

/** Preview and commit, as the UI's import dialog does. */
export async function importFiles(
  backend: Backend,
  files: ImportFile[],
  options: Omit<InputOf<'imports.preview'>, 'files'> & { skipInvalid?: boolean } = {},
): Promise<{ preview: ImportPreviewDto & { status: 'ready' }; commit: ImportCommitDto }> {
  const { skipInvalid, ...rest } = options;
  const p = await preview(backend, { files, ...rest });
  const commit = await value(backend.call('imports.commit', { previewId: p.previewId, skipInvalid }));
  return { preview: p, commit };
}

/** A digest of the named tables only (the ledger's data, not its logs), to compare before and after. */
export function tablesChecksum(file: string, tables: string[]): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    for (const name of tables) {
      hash.update(`#${name}\n`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
        hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export const LEDGER_TABLES = [
  'customers',
  'deals',
  'deal_items',
  'deal_steps',
  'deal_tags',
  'import_sources',
];

export function expectReady(p: ImportPreviewDto): asserts p is ImportPreviewDto & { status: 'ready' } {
  expect(p.status).toBe('ready');
}

/** 楽天ペイ受注CSV columns of an order row with its buyer (注文者): tests add the ship-to columns they need. */
export const RAKUTEN_PAY_BUYER_HEADER = [
  '注文番号',
  '送付先ID',
  '注文日時',
  '商品名',
  '個数',
  '単価',
  '注文者姓',
  '注文者名',
  '注文者姓カナ',
  '注文者名カナ',
  '注文者メールアドレス',
  '注文者電話番号1',
  '注文者電話番号2',
  '注文者電話番号3',
];

/** A one-item order row under RAKUTEN_PAY_BUYER_HEADER, with the buyer (and any other cells) given. */
export function rakutenPayBuyerRow(order: string, cells: Record<string, string>): Record<string, string> {
  return {
    注文番号: order,
    送付先ID: '1',
    注文日時: '2026/11/01 10:00',
    商品名: '手ぬぐい',
    個数: '1',
    単価: '1100',
    ...cells,
  };
}
