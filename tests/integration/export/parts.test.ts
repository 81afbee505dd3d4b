import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvPart, exportToFile, PART_BYTES } from '../../../electron/backend/export/writer';
import {
  exportEncodings,
  exportTables,
  type ExportEncoding,
  type ExportTable,
} from '../../../shared/contract';
import { databaseChecksum } from '../../support/checksum';
import { createDeal } from '../../support/deals';
import { exportInParts, seedExportLedger } from '../../support/export';
import { useBackend, useTempDir } from '../../support/temp';
import { decodeCp932 } from '../labels/support';

const open = useBackend();
const tempDir = useTempDir();

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const combinations = exportTables.flatMap((table) =>
  exportEncodings.map((encoding) => [table, encoding] as const),
);

/** What `torihiki export` writes (exportToFile), with its summary. */
function fileExport(backend: Awaited<ReturnType<typeof open>>, table: ExportTable, encoding: ExportEncoding) {
  const out = path.join(tempDir(), `${table}.csv`);
  const summary = exportToFile(backend.db, table, encoding, out);
  return { bytes: fs.readFileSync(out), ...summary };
}

/** The text of a file, or of a part (only the first part of a UTF-8 export starts with the BOM). */
const textOf = (bytes: Buffer, encoding: ExportEncoding, first = true) =>
  encoding === 'cp932' ? decodeCp932(bytes) : bytes.subarray(first ? 3 : 0).toString('utf8');

/** Counts of each occurrence of `needle` in `bytes`. */
function occurrences(bytes: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) n++;
  return n;
}

describe('the in-app export in parts', () => {
  it('through the contract, joined parts are byte for byte the CLI file for every table and encoding', async () => {
    const backend = await open();
    // Enough deals and cases for several parts of the real size (about 250 bytes a row).
    seedExportLedger(backend, { deals: 12_000, cases: 12_000 });
    for (const [table, encoding] of combinations) {
      const parts = await exportInParts(backend, table, encoding);
      const file = fileExport(backend, table, encoding);
      expect(parts.bytes.equals(file.bytes), `${table} ${encoding}`).toBe(true);
      expect(parts.rows).toBe(file.rows);
      expect(parts.replaced, `${table} ${encoding}`).toBe(file.replaced);
      expect(parts.totalRows).toBe(file.rows);
      expect(parts.fileName).toMatch(new RegExp(`^torihiki-${table}-\\d{8}-\\d{4}\\.csv$`));
      expect(parts.parts.slice(1).every((p) => p.fileName === null && p.totalRows === null)).toBe(true);
      expect(parts.parts.map((p) => p.part)).toEqual(parts.parts.map((_, i) => i));
      // No part is bigger than the transport is comfortable with: about PART_BYTES, plus one row.
      for (const p of parts.parts)
        expect(Buffer.from(p.contentBase64, 'base64').length).toBeLessThan(PART_BYTES + 4096);
      if (table === 'deals' || table === 'cases') expect(parts.parts.length, table).toBeGreaterThanOrEqual(2);
      if (encoding === 'utf-8-bom') {
        expect(parts.bytes.subarray(0, 3).equals(BOM)).toBe(true);
        expect(occurrences(parts.bytes, BOM)).toBe(1);
      }
    }
    // The seeded emoji and formulas are really in there, so "identical" covered them.
    expect((await exportInParts(backend, 'customers', 'cp932')).replaced).toBeGreaterThan(10);
    expect(textOf((await exportInParts(backend, 'cases', 'utf-8-bom')).bytes, 'utf-8-bom')).toContain(`"'-`);
  }, 60_000);

  it('small parts: every row boundary is a possible cut, and the joined file is still the same', async () => {
    const backend = await open();
    seedExportLedger(backend, { deals: 1_500, cases: 1_500 });
    for (const [table, encoding] of combinations) {
      const file = fileExport(backend, table, encoding);
      const columns = Papa.parse<string[]>(textOf(file.bytes, encoding), { preview: 1 }).data[0]!.length;
      const chunks: Buffer[] = [];
      let after: number[] | undefined;
      let rows = 0;
      let replaced = 0;
      do {
        const part = csvPart(backend.db, table, encoding, after, 16 * 1024);
        chunks.push(part.bytes);
        rows += part.rows;
        replaced += part.replaced;
        // Every part holds whole CSV rows: it parses on its own, each row with every column.
        const parsed = Papa.parse<string[]>(textOf(part.bytes, encoding, !after), { skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect(new Set(parsed.data.map((r) => r.length))).toEqual(new Set([columns]));
        after = part.next ?? undefined;
      } while (after);
      expect(chunks.length, `${table} ${encoding}`).toBeGreaterThanOrEqual(5);
      expect(Buffer.concat(chunks).equals(file.bytes), `${table} ${encoding}`).toBe(true);
      expect([rows, replaced]).toEqual([file.rows, file.replaced]);
    }
  }, 60_000);

  it('a member changing the ledger between parts still gives a valid CSV with one header and no torn rows', async () => {
    const backend = await open();
    seedExportLedger(backend, { deals: 1_000, cases: 100 });
    const raw = backend.db.raw;
    const first = csvPart(backend.db, 'deals', 'utf-8-bom', undefined, 32 * 1024);
    const lastSent = first.next![0]!;
    // Meanwhile: a deal already sent is edited, one still to come is edited, the newest is removed
    // (an undone import), and a new deal arrives.
    raw.prepare(`UPDATE deals SET notes = '送った後の変更' WHERE id = ?`).run(lastSent);
    raw.prepare(`UPDATE deals SET notes = 'まだ送っていない取引の変更' WHERE id = ?`).run(lastSent + 1);
    const newest = raw.prepare('SELECT max(id) FROM deals').pluck().get() as number;
    raw.prepare('DELETE FROM deals WHERE id = ?').run(newest);
    const added = await createDeal(backend, { notes: '途中で入った取引' });

    const chunks = [first.bytes];
    for (let after = first.next; after;) {
      const part = csvPart(backend.db, 'deals', 'utf-8-bom', after, 32 * 1024);
      chunks.push(part.bytes);
      after = part.next;
    }
    const parsed = Papa.parse<string[]>(Buffer.concat(chunks).subarray(3).toString('utf8'), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header![0]).toBe('取引ID');
    expect(rows.filter((r) => r[0] === '取引ID')).toEqual([]);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    const ids = rows.map((r) => Number(r[0]));
    // Each deal at most once, in id order; the header never repeats.
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    const notes = (id: number) => rows.find((r) => Number(r[0]) === id)?.[header!.indexOf('メモ')];
    expect(notes(lastSent)).not.toBe('送った後の変更');
    expect(notes(lastSent + 1)).toBe('まだ送っていない取引の変更');
    expect(ids).not.toContain(newest);
    expect(notes(added.id)).toBe('途中で入った取引');
  });

  it('refuses a bad cursor, part number, table or type with a clear error and writes nothing', async () => {
    const backend = await open();
    await createDeal(backend);
    const before = databaseChecksum(backend.dbPath);
    const bad: [unknown, string][] = [
      [{ table: 'deals', encoding: 'utf-8-bom', part: -1 }, 'part'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 2 ** 40, after: [1] }, 'part'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1.5, after: [1] }, 'part'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: '1', after: [1] }, 'part'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1 }, 'after'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 0, after: [1] }, 'after'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: [-5] }, 'after.0'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: [2 ** 60] }, 'after.0'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: ['12'] }, 'after.0'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: [] }, 'after'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: [1, 2] }, 'after'],
      [{ table: 'items', encoding: 'utf-8-bom', part: 1, after: [1] }, 'after'],
      [{ table: 'deals', encoding: 'utf-8-bom', part: 1, after: 'eyJpZCI6MX0=' }, 'after'],
      [{ table: 'members', encoding: 'utf-8-bom', part: 0 }, 'table'],
      [{ table: 'deals; DROP TABLE deals', encoding: 'utf-8-bom', part: 0 }, 'table'],
      [{ table: 'deals', encoding: 'utf-16', part: 0 }, 'encoding'],
      [{ table: 'deals', encoding: 'cp932', part: 0, offset: 10 }, ''],
    ];
    for (const [input, field] of bad) {
      const result = await backend.callUnknown('exports.csv', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('exports.csv');
      expect(
        result.error.issues?.map((i) => i.path),
        JSON.stringify(input),
      ).toContain(field);
    }
    // A cursor past the end is no error: the last part, empty.
    const end = await backend.call('exports.csv', {
      table: 'deals',
      encoding: 'cp932',
      part: 7,
      after: [10 ** 9],
    });
    expect(end).toMatchObject({ ok: true, value: { rows: 0, next: null, contentBase64: '' } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});
