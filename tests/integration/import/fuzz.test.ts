import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { ImportPreviewDto } from '../../../shared/contract';
import { changeStamp } from '../../../electron/backend/db/sqlite-meta';
import { databaseChecksum } from '../../support/checksum';
import { encodeCp932 } from '../../support/cp932';
import { fixtureDir } from '../../support/import-fixtures';
import { fixtureFile, importFiles } from '../../support/imports';
import { seeded, type Random } from '../../support/random';
import { useBackend } from '../../support/temp';

const open = useBackend();
const FILES = 520;

const seeds = [
  'rakuten-pay.csv',
  'amazon-orders-utf8.txt',
  'base-orders.csv',
  'minne.csv',
  'mercari-shops-two-row.csv',
].map((name) => ({ name, bytes: fs.readFileSync(path.join(fixtureDir, name)) }));
const decode = (bytes: Buffer) =>
  bytes[0] === 0xef ? bytes.subarray(3).toString('utf8') : new TextDecoder('shift_jis').decode(bytes);
const encode = (text: string, r: Random) => (r.chance(0.5) ? encodeCp932(text) : Buffer.from(text, 'utf8'));

type Mutation = (r: Random) => { name: string; bytes: Buffer; encoding?: string };

/** Rebuilds a sample with one kind of damage per call. Each returns what the user would have picked. */
const mutations: Record<string, Mutation> = {
  truncated: (r) => {
    const s = r.pick(seeds);
    return { name: s.name, bytes: s.bytes.subarray(0, 1 + r.int(s.bytes.length - 1)) };
  },
  binary: (r) => {
    const bytes = Buffer.alloc(16 + r.int(4000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256);
    if (r.chance(0.5)) bytes[r.int(bytes.length)] = 0;
    return { name: 'photo.jpg', bytes };
  },
  wrongEncoding: (r) => {
    const text = decode(r.pick(seeds).bytes);
    const bytes = r.pick([
      () => Buffer.from(text, 'utf16le'),
      () => Buffer.from(text, 'latin1'),
      () => Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8'),
      () => encodeCp932(text).subarray(1),
    ])();
    return {
      name: 'mojibake.csv',
      bytes,
      ...(r.chance(0.3) ? { encoding: r.pick(['cp932', 'utf-8', 'euc-jp', 'utf-16be']) } : {}),
    };
  },
  ragged: (r) => {
    const lines = decode(r.pick(seeds).bytes).split('\r\n');
    const out = lines.map((line, i) => {
      if (i === 0 || !r.chance(0.4)) return line;
      const cells = line.split(',');
      if (r.chance(0.5)) cells.splice(r.int(cells.length), 1 + r.int(3));
      else cells.splice(r.int(cells.length), 0, ...Array.from({ length: 1 + r.int(3) }, () => 'x'));
      return cells.join(',');
    });
    return { name: 'ragged.csv', bytes: encode(out.join('\r\n'), r) };
  },
  unclosedQuote: (r) => {
    const text = decode(r.pick(seeds).bytes);
    const at = r.int(text.length);
    return { name: 'quote.csv', bytes: encode(text.slice(0, at) + '"' + text.slice(at), r) };
  },
  hugeField: (r) => {
    const lines = decode(r.pick(seeds).bytes).split('\r\n');
    const row = 1 + r.int(Math.max(1, lines.length - 2));
    const cells = (lines[row] ?? '').split(',');
    cells[r.int(cells.length)] = `"${'長い値,"" '.repeat(1_048_576 / 6)}"`;
    lines[row] = cells.join(',');
    return { name: 'huge.csv', bytes: Buffer.from(lines.join('\r\n'), 'utf8') };
  },
  empty: (r) => ({
    name: 'empty.csv',
    bytes: r.pick([
      Buffer.alloc(0),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('\r\n\r\n'),
      Buffer.from('   '),
      Buffer.from([0xff, 0xfe]),
    ]),
  }),
  headerOnly: (r) => {
    const text = decode(r.pick(seeds).bytes);
    return { name: 'header.csv', bytes: encode(text.split('\r\n')[0]! + (r.chance(0.5) ? '\r\n' : ''), r) };
  },
  hugeNumbers: (r) =>
    cellMutation(r, () =>
      r.pick([
        '99999999999999999999',
        '1e308',
        '-1e9',
        'Infinity',
        'NaN',
        '0x10',
        '１２３４５６７８９０１２',
        '-0',
        '1,2,3',
      ]),
    ),
  impossibleDates: (r) =>
    cellMutation(r, () =>
      r.pick([
        '2024/02/30',
        '0000/00/00',
        '9999-99-99T99:99',
        '2024-13-45',
        '25:61',
        '昨日',
        '2024/1/1 24:00',
        '99999999999999',
      ]),
    ),
  hostileCells: (r) =>
    cellMutation(r, () =>
      r.pick([
        '\u0000\u0007',
        '=cmd|" /C calc"!A0',
        '🙂'.repeat(300),
        'x'.repeat(5000),
        '\u202e',
        '"',
        ';DROP TABLE deals;--',
        '\\',
        '\r',
      ]),
    ),
};

/** Replaces random cells of a sample with hostile values. */
function cellMutation(r: Random, value: () => string) {
  const lines = decode(r.pick(seeds).bytes).split('\r\n');
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out = lines.map((line, i) => {
    if (i === 0 || line === '') return line;
    const cells = line.split(',');
    for (let k = 0; k < 1 + r.int(4); k++) cells[r.int(cells.length)] = quote(value());
    return cells.join(',');
  });
  return { name: 'cells.csv', bytes: encode(out.join('\r\n'), r) };
}

it(`survives ${FILES} malformed files: a clear error or a valid preview each, nothing written on rejection`, async () => {
  const backend = await open();
  await importFiles(backend, [fixtureFile('creema.csv')]);
  const r = seeded(20261122);
  const kinds = Object.keys(mutations);
  const seen: Record<string, number> = {};
  let checksum = databaseChecksum(backend.dbPath);
  // Every kind in turn; 1 MB fields are slow to build and read, so they come once per 40 files.
  const cheap = kinds.filter((k) => k !== 'hugeField');
  const kindOf = (n: number) => (n % 40 === 39 ? 'hugeField' : cheap[n % cheap.length]!);
  // "Nothing written" is checked two ways: SQLite's own change counters after every file (exact for
  // any write, by any connection), and a full digest of every row every 25 files and at the end.
  let stamp = changeStamp(backend.db.raw);
  const unchanged = (context: string) => expect(changeStamp(backend.db.raw), context).toBe(stamp);
  for (let n = 0; n < FILES; n++) {
    const kind = kindOf(n);
    const file = mutations[kind]!(r);
    const context = `#${n} ${kind} ${file.name} (${file.bytes.length} bytes)`;
    const result = await backend.callUnknown('imports.preview', {
      files: [{ name: file.name, contentBase64: file.bytes.toString('base64') }],
      ...(file.encoding ? { encoding: file.encoding } : {}),
    });
    if (!result.ok) {
      // Only bad input may fail the call itself, never an internal error.
      expect(result.error.code, context).toBe('invalid_input');
      expect(result.error.message.length, context).toBeGreaterThan(10);
      seen['call refused'] = (seen['call refused'] ?? 0) + 1;
      unchanged(context);
      continue;
    }
    const preview = result.value as ImportPreviewDto;
    seen[preview.status] = (seen[preview.status] ?? 0) + 1;
    unchanged(context);
    if (preview.status === 'rejected') {
      expect(preview.issues.length, context).toBeGreaterThan(0);
      for (const i of preview.issues) expect(i.message.length, context).toBeGreaterThan(10);
    } else if (preview.status === 'ready') {
      expect(
        preview.deals.new + preview.deals.updated + preview.deals.unchanged + preview.deals.error,
        context,
      ).toBeGreaterThan(0);
      const commit = await backend.callUnknown('imports.commit', { previewId: preview.previewId });
      if (preview.invalidRows > 0) {
        expect(commit, context).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        unchanged(context);
      } else {
        expect(commit.ok, `${context}: ${JSON.stringify(commit).slice(0, 300)}`).toBe(true);
        stamp = changeStamp(backend.db.raw);
        checksum = databaseChecksum(backend.dbPath);
      }
    }
    if (n % 25 === 24) expect(databaseChecksum(backend.dbPath), context).toBe(checksum);
  }
  expect(databaseChecksum(backend.dbPath)).toBe(checksum);
  expect(backend.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  // The generator really produced every outcome, not 500 copies of one.
  expect(seen.rejected).toBeGreaterThan(50);
  expect(seen.ready).toBeGreaterThan(50);
});
