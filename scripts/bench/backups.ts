/**
 * Backups and start-up integrity benchmark (issue 8). Reports:
 *   - the open-path header check vs `PRAGMA quick_check` and the background `integrity_check` (worker),
 *     read-only, on an existing ledger (--file PATH, e.g. a 1M-deal file from another benchmark);
 *   - on a seeded ledger (--deals N, default 20,000): a verified backup, a restore (close, swap, reopen)
 *     and the label check of 5,000 deals.
 * Usage: npm run bench:backups -- [--file PATH] [--deals N]
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { fullCheckInBackground, headerLooksIntact } from '../../electron/backend/backups/integrity';
import { seedDemoData } from '../../electron/backend/demo/seed';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

async function checks(file: string): Promise<void> {
  console.log(`file: ${file} (${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MiB)`);
  let started = performance.now();
  const header = headerLooksIntact(file);
  console.log(
    `open-path header check: ${((performance.now() - started) * 1000).toFixed(0)} µs (${header.ok ? 'ok' : 'damaged'})`,
  );
  started = performance.now();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const quick = db.pragma('quick_check', { simple: true });
  db.close();
  console.log(`PRAGMA quick_check (blocking): ${seconds(started)} (${String(quick)})`);
  started = performance.now();
  const full = await fullCheckInBackground(file);
  console.log(
    `background integrity_check (worker thread): ${seconds(started)} (${full.ok ? 'ok' : full.detail})`,
  );
}

async function seeded(deals: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-bench-backups-'));
  try {
    const backend = await createBackend({ dbPath: path.join(dir, 'shop.sqlite') });
    let started = performance.now();
    seedDemoData(backend.db, { deals, now: new Date(), seed: 42 });
    console.log(`seeded ${deals} deals in ${seconds(started)}`);
    started = performance.now();
    const file = await backend.backups.backupNow('manual');
    console.log(
      `verified backup (backup API + integrity_check): ${seconds(started)}, ${(file.bytes / 1024 / 1024).toFixed(0)} MiB`,
    );
    started = performance.now();
    await backend.backups.restore(file.file);
    console.log(`restore (verify, stage, close, swap, reopen): ${seconds(started)}`);
    const ids = Array.from({ length: Math.min(5000, deals) }, (_, i) => i + 1);
    started = performance.now();
    const result = await backend.call('labels.check', { format: 'yamato-b2', dealIds: ids });
    console.log(
      `labels.check of ${ids.length} deals: ${seconds(started)} (${result.ok ? 'ok' : result.error.message})`,
    );
    backend.close();
    await checks(path.join(dir, 'shop.sqlite'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `load average: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
const file = option('file');
if (file) await checks(path.resolve(file));
else await seeded(Number(option('deals') ?? 20_000));
