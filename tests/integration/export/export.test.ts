import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../support/checksum';
import { runCli } from '../../support/cli';
import { createCase } from '../../support/cases';
import { createDeal } from '../../support/deals';
import { exportInParts } from '../../support/export';
import { useBackend, useTempDir } from '../../support/temp';
import { decodeCp932 } from '../labels/support';

const open = useBackend();
const tempDir = useTempDir();

const run = runCli;

const rowsOf = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('data export', () => {
  it('deals as UTF-8 with BOM: one row per deal, formulas neutralised, amounts as numbers', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      notes: '=HYPERLINK("http://evil","click")',
      externalId: '+81-x',
    });
    await createDeal(backend);
    const file = await exportInParts(backend, 'deals', 'utf-8-bom');
    const bytes = file.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(bytes.toString('utf8'));
    expect(file.rows).toBe(2);
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    const first = rows.find((r) => r[0] === String(deal.id))!;
    expect(first[header.indexOf('メモ')]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(first[header.indexOf('注文番号')]).toBe("'+81-x");
    expect(first[header.indexOf('合計')]).toBe(String(deal.total));
    expect(first[header.indexOf('注文日時')]).toBe('2026/11/18 12:00');
    expect(file.fileName).toMatch(/^torihiki-deals-\d{8}-\d{4}\.csv$/);
  });

  it('items and customers; CP932 writes emoji as "?" and counts them', async () => {
    const backend = await open();
    await createDeal(backend, {
      buyer: { name: 'みか🌸' },
      items: [
        { name: 'マフラー', quantity: 2, unitPrice: 1500 },
        { name: '@帽子', quantity: 1, unitPrice: 900 },
      ],
    });
    const items = await exportInParts(backend, 'items', 'cp932');
    const itemRows = rowsOf(decodeCp932(items.bytes));
    expect(itemRows.slice(1).map((r) => [r[3], r[5], r[7]])).toEqual([
      ['マフラー', '2', '3000'],
      ["'@帽子", '1', '900'],
    ]);
    const customers = await exportInParts(backend, 'customers', 'cp932');
    expect(customers.replaced).toBe(1);
    expect(decodeCp932(customers.bytes)).toContain('みか?');
  });

  it('cases: category and state codes, buyer and order number, formulas neutralised', async () => {
    const backend = await open();
    const deal = await createDeal(backend, { externalId: 'ORD-7' });
    const raised = await createCase(backend, {
      dealId: deal.id,
      category: 'damaged',
      summary: '=1+2 箱がつぶれていた',
      wish: '@交換希望',
    });
    await createCase(backend, { summary: '-5 円違う', category: 'billing' });
    const file = await exportInParts(backend, 'cases', 'utf-8-bom');
    expect(file.rows).toBe(2);
    expect(file.fileName).toMatch(/^torihiki-cases-\d{8}-\d{4}\.csv$/);
    const rows = rowsOf(file.bytes.toString('utf8'));
    const header = rows[0]!;
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const first = rows.find((r) => r[0] === String(raised.id))!;
    expect(cell(first, '種類')).toBe('damaged');
    expect(cell(first, '状態')).toBe('received');
    expect(cell(first, '概要')).toBe("'=1+2 箱がつぶれていた");
    expect(cell(first, 'お客さまの希望')).toBe("'@交換希望");
    expect(cell(first, '購入者')).toBe('山田 花子');
    expect(cell(first, '注文番号')).toBe('ORD-7');
    expect(cell(first, '費用')).toBe('0');
    const second = rows.find((r) => r[0] !== String(raised.id) && r !== header)!;
    expect(cell(second, '概要')).toBe("'-5 円違う");
    expect(cell(second, '購入者')).toBe('');
  });
});

describe('torihiki export', () => {
  async function seededDb() {
    const dir = tempDir();
    const db = path.join(dir, 'shop.sqlite');
    expect((await run('seed-demo', '--db', db, '--deals', '30')).code).toBe(0);
    return { dir, db };
  }

  it('export deals|customers writes CSV files and leaves the database untouched', async () => {
    const { dir, db } = await seededDb();
    const before = databaseChecksum(db);
    const out = path.join(dir, 'deals.csv');
    const deals = await run('export', 'deals', '--db', db, '--out', out);
    expect(deals.code, deals.err).toBe(0);
    expect(deals.out).toContain('30 deals written');
    expect(rowsOf(fs.readFileSync(out, 'utf8'))).toHaveLength(31);
    const customers = await run(
      'export',
      'customers',
      '--db',
      db,
      '--out',
      path.join(dir, 'c.csv'),
      '--encoding',
      'cp932',
    );
    expect(customers.code, customers.err).toBe(0);
    expect(databaseChecksum(db)).toBe(before);
  });

  it('export cases writes every case; the database is left untouched', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'shop.sqlite');
    const backend = await open({ dbPath: db });
    await createCase(backend, { summary: '+81 から電話あり', category: 'service' });
    await createCase(backend, { summary: '届かない' });
    backend.close();
    const before = databaseChecksum(db);
    const out = path.join(dir, 'cases.csv');
    const result = await run('export', 'cases', '--db', db, '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('2 cases written');
    const rows = rowsOf(fs.readFileSync(out, 'utf8'));
    expect(rows.slice(1).map((r) => [r[2], r[5]])).toEqual([
      ['service', "'+81 から電話あり"],
      ['not_arrived', '届かない'],
    ]);
    expect(databaseChecksum(db)).toBe(before);
  });

  it('bad arguments give one-line errors and write nothing', async () => {
    const { dir, db } = await seededDb();
    const noTable = await run('export', 'complaints', '--db', db, '--out', path.join(dir, 'x.csv'));
    expect(noTable.code).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
    const badCarrier = await run(
      'export',
      'labels',
      '--carrier',
      'fedex',
      '--db',
      db,
      '--out',
      path.join(dir, 'l.csv'),
    );
    expect(badCarrier.code).not.toBe(0);
    expect(badCarrier.err).toContain('yamato-b2');
    const badFolder = await run('export', 'deals', '--db', db, '--out', path.join(dir, 'nope', 'x.csv'));
    expect(badFolder.code).not.toBe(0);
    const missingDb = await run(
      'export',
      'deals',
      '--db',
      path.join(dir, 'missing.sqlite'),
      '--out',
      path.join(dir, 'x.csv'),
    );
    expect(missingDb.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('export labels --carrier clickpost --state 発送待ち writes one file per 40 labels', async () => {
    const { dir, db } = await seededDb();
    const out = path.join(dir, 'labels.csv');
    const result = await run(
      'export',
      'labels',
      '--carrier',
      'clickpost',
      '--db',
      db,
      '--out',
      out,
      '--state',
      '発送待ち',
    );
    expect([0, 2]).toContain(result.code);
    expect(result.out).toMatch(/\d+ labels written/);
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('labels'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const rows = rowsOf(decodeCp932(fs.readFileSync(path.join(dir, f))));
      expect(rows[0]).toHaveLength(8);
      expect(rows.length - 1).toBeLessThanOrEqual(40);
    }
  });
});
