import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../support/cli';
import { databaseChecksum } from '../../support/checksum';
import { fixtureDir } from '../../support/import-fixtures';
import { csvFile, RAKUTEN_PAY_BUYER_HEADER, rakutenPayBuyerRow } from '../../support/imports';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();
const fixture = (name: string) => path.join(fixtureDir, name);

function writeCsv(name: string, header: string[], rows: Record<string, string>[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, Buffer.from(csvFile(name, header, rows).contentBase64, 'base64'));
  return file;
}

const HEADER = ['注文番号', '送付先ID', '注文日時', '商品名', '個数', '単価', '注文者姓', '注文者名'];
const good = {
  送付先ID: '1',
  注文日時: '2026/11/01 10:00',
  商品名: '手ぬぐい',
  個数: '1',
  単価: '1100',
  注文者姓: '佐藤',
  注文者名: '美咲',
};

describe('torihiki import', () => {
  it('imports with --json: one object with format, encoding, counts, errors and the batch id', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const { code, out } = await run('import', fixture('rakuten-pay.csv'), '--db', db, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      format: 'rakuten_pay',
      encoding: 'cp932',
      rows: 6,
      deals: { inserted: 5, updated: 0, unchanged: 0, invalid: 0 },
      customers: { inserted: 3, matched: 0, filled: 0 },
      errors: [],
      errorCount: 0,
      warnings: 0,
      dryRun: false,
      batchId: 1,
    });
    // Again: nothing changes and no batch is recorded.
    const again = await run('import', fixture('rakuten-pay.csv'), '--db', db, '--json');
    expect(JSON.parse(again.out)).toMatchObject({
      deals: { inserted: 0, updated: 0, unchanged: 5 },
      batchId: null,
    });
  });

  it('--json adds customers.filled: the known buyers the dry run and the import give missing details', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const phone = { 注文者電話番号1: '090', 注文者電話番号2: '1234', 注文者電話番号3: '5678' };
    const buyer = { 注文者姓: '佐藤', 注文者名: '美咲', ...phone };
    const first = writeCsv('a.csv', RAKUTEN_PAY_BUYER_HEADER, [rakutenPayBuyerRow('A-1', buyer)]);
    expect((await run('import', first, '--db', db)).code).toBe(0);
    // Her next order has her reading and e-mail: she is matched by phone and name, and given both.
    const next = writeCsv('b.csv', RAKUTEN_PAY_BUYER_HEADER, [
      rakutenPayBuyerRow('A-2', {
        ...buyer,
        注文者姓カナ: 'サトウ',
        注文者名カナ: 'ミサキ',
        注文者メールアドレス: 'misaki@example.jp',
      }),
    ]);
    const dry = await run('import', next, '--db', db, '--dry-run', '--json');
    expect(JSON.parse(dry.out).customers).toEqual({ inserted: 0, matched: 1, filled: 1 });
    const done = await run('import', next, '--db', db);
    expect(done.code).toBe(0);
    expect(done.out).toContain('customers: 0 new, 1 matched, 1 given missing details');
  });

  it('imports the two Yahoo!ショッピング files together and prints a readable summary', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const { code, out } = await run(
      'import',
      fixture('yahoo-orders.csv'),
      fixture('yahoo-items.csv'),
      '--db',
      db,
    );
    expect(code).toBe(0);
    expect(out).toContain('deals:     2 new, 0 updated, 0 unchanged, 0 with errors');
    expect(out).toMatch(/imported as batch 1 \(undo: torihiki import-undo 1\)/);
  });

  it('--dry-run shows what would happen and writes nothing', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await run('import', fixture('minne.csv'), '--db', db);
    const before = databaseChecksum(db);
    const { code, out } = await run('import', fixture('rakuten-pay.csv'), '--db', db, '--dry-run', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dryRun: true, batchId: null, deals: { inserted: 5 } });
    expect(databaseChecksum(db)).toBe(before);
  });

  it('--dry-run never creates a missing database: it previews against an empty ledger', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'not-yet.sqlite');
    const leftovers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('torihiki-dry-run-'));
    const before = leftovers();
    const { code, out } = await run('import', fixture('rakuten-pay.csv'), '--db', db, '--dry-run', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      dryRun: true,
      batchId: null,
      deals: { inserted: 5, updated: 0, unchanged: 0 },
      customers: { inserted: 3, matched: 0, filled: 0 },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(leftovers()).toEqual(before);
    // An invalid file still exits 1 on a dry run, and still creates nothing.
    const bad = writeCsv('bad.csv', HEADER, [{ 注文番号: 'A-1', ...good, 注文日時: '2026/13/01' }]);
    const failed = await run('import', bad, '--db', db, '--dry-run', '--json');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({ dryRun: true, errorCount: 1 });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('exits 1 and writes nothing when a row is invalid, listing line, column and reason', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await run('import', fixture('minne.csv'), '--db', db);
    const before = databaseChecksum(db);
    const file = writeCsv('bad.csv', HEADER, [
      { 注文番号: 'A-1', ...good },
      { 注文番号: 'A-2', ...good, 注文日時: '2026/13/01' },
      { 注文番号: 'A-3', ...good, 単価: '￥1,100.5' },
    ]);
    const { code, out, err } = await run('import', file, '--db', db, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ batchId: null, errorCount: 2, deals: { inserted: 1, invalid: 2 } });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: '注文日時',
        code: 'date_invalid',
        message: expect.stringContaining('2026/13/01'),
      }),
      expect.objectContaining({ line: 4, column: '単価', code: 'amount_fraction' }),
    ]);
    expect(err).toBe('');
    expect(databaseChecksum(db)).toBe(before);

    const text = await run('import', file, '--db', db);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/bad\.csv:3 {2}Line 3, column "注文日時"/);
    expect(text.err).toMatch(/2 row\(s\) have errors; nothing was imported/);

    const skipped = await run('import', file, '--db', db, '--skip-invalid', '--json');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toMatchObject({ batchId: 2, deals: { inserted: 1 } });
  });

  it('undoes a batch and lists the history', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    await run('import', fixture('creema.csv'), '--db', db);
    const history = await run('import-history', '--db', db, '--json');
    expect(JSON.parse(history.out).batches).toEqual([
      expect.objectContaining({ id: 1, formatId: 'creema', files: ['creema.csv'] }),
    ]);
    const undo = await run('import-undo', '1', '--db', db, '--json');
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.out)).toMatchObject({ batchId: 1, dealsRemoved: 1 });
    const again = await run('import-undo', '1', '--db', db);
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/already undone/) });
  });

  it('reads a file with a chosen preset, and explains when no format matches', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const unknown = writeCsv('own.csv', ['a', 'b'], [{ a: '1', b: '2' }]);
    const { code, out } = await run('import', unknown, '--db', db, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).errors[0].message).toMatch(/--preset.*--mapping NAME/);
    const forced = await run('import', unknown, '--db', db, '--preset', 'minne');
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(
      /not a minne order CSV file: the column\(s\) "注文ID", "作品名", "配送先の氏名" are missing/,
    );
  });

  it('lists the formats', async () => {
    const { code, out } = await run('formats', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).formats).toHaveLength(11);
    expect((await run('formats')).out).toContain('rakuten_pay          楽天ペイ受注CSV（RMS）');
  });

  it.each([
    [['import'], /missing required argument/],
    [['import', '/definitely/missing.csv', '--db', 'x.sqlite'], /does not exist/],
    [['import', 'x.csv', '--preset', 'nope'], /expected one of rakuten_pay/],
    [['import', 'x.csv', '--encoding', 'latin1'], /expected one of utf-8/],
    [['import-undo', 'abc'], /whole number/],
    [['import-undo', '1', '--db', '/definitely/missing.sqlite'], /does not exist/],
  ])('fails with one line on bad arguments: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
