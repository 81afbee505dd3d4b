/**
 * In-app export benchmark (issue: the CSV export works for a ledger of any size). Exports one table part
 * after part exactly as `exports.csv` answers the UI (csvPart, then base64), and reports the parts, the
 * size, the time in all and per part, the peak RSS of the process (the backend must not hold the file)
 * and the load average, since this machine is shared.
 * Usage: npm run bench:export -- [--deals N] [--db FILE] [--table deals|items|customers|cases]
 *   [--encoding utf-8-bom|cp932]
 * The ledger is opened read-only (never migrated or written; SQLite may leave an empty -wal/-shm beside it):
 * --db FILE, or by default the one `npm run bench:deals -- --deals N` seeds and caches (N default 1,000,000).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../electron/backend/db/executor';
import { csvPart, PART_BYTES } from '../../electron/backend/export/writer';
import { exportEncodings, exportTables, type ExportEncoding, type ExportTable } from '../../shared/contract';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const DEALS = Number(option('deals') ?? 1_000_000);
const TABLE = (option('table') ?? 'deals') as ExportTable;
const ENCODING = (option('encoding') ?? 'utf-8-bom') as ExportEncoding;
if (!exportTables.includes(TABLE) || !exportEncodings.includes(ENCODING)) {
  throw new Error(
    `--table is one of ${exportTables.join(', ')}; --encoding one of ${exportEncodings.join(', ')}`,
  );
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** The ledger to read: --db, or the one bench:deals seeds and caches for N deals. */
function ledger(): string {
  const file = path.resolve(
    option('db') ?? path.join(os.tmpdir(), 'torihiki-bench', `deals-${DEALS}.sqlite`),
  );
  if (!fs.existsSync(file)) {
    throw new Error(
      `No ledger at ${file}: give --db FILE, or run npm run bench:deals -- --deals ${DEALS} first`,
    );
  }
  return file;
}

function main() {
  const file = ledger();
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const db = createDb(raw);
  console.log(`ledger: ${file}\ntable: ${TABLE}, encoding: ${ENCODING}, part size: ${mib(PART_BYTES)}`);
  console.log(`load average before: ${load()}`);
  const partMs: number[] = [];
  let bytes = 0;
  let rows = 0;
  let largestMessage = 0;
  let peakRss = process.memoryUsage().rss;
  // RSS after every 30th part: a plateau, not a climb, shows the file is never held whole.
  const rssTrail: string[] = [];
  const started = performance.now();
  let after: number[] | undefined;
  do {
    const t = performance.now();
    const part = csvPart(db, TABLE, ENCODING, after);
    const message = part.bytes.toString('base64');
    partMs.push(performance.now() - t);
    bytes += part.bytes.length;
    rows += part.rows;
    largestMessage = Math.max(largestMessage, message.length);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (partMs.length % 30 === 0) rssTrail.push(mib(process.memoryUsage().rss));
    after = part.next ?? undefined;
  } while (after);
  const total = performance.now() - started;
  raw.close();
  const sorted = [...partMs].sort((a, b) => a - b);
  console.log(`rows: ${rows}, file: ${mib(bytes)}, parts: ${partMs.length}`);
  console.log(`total: ${(total / 1000).toFixed(1)} s (${Math.round(rows / (total / 1000))} rows/s)`);
  console.log(
    `per part: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  console.log(`largest message (base64): ${mib(largestMessage)}; peak RSS: ${mib(peakRss)}`);
  console.log(`RSS every 30 parts: ${rssTrail.join(', ')}`);
  console.log(`load average after: ${load()}`);
}

main();
