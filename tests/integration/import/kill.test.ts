import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { bigExport } from '../../support/big-export';
import { bundleImportChild } from '../../support/bundle-child';
import { fixtureFile, importFiles } from '../../support/imports';
import { seeded } from '../../support/random';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();
const KILLS = 20;
const ROWS = 3_000;

interface Run {
  /** Milliseconds from "committing" to the kill (or to "done" when not killed). */
  committedAfter: number | null;
  output: string;
}

/** Runs the child; kills it `killAfter` ms after it starts committing (never when null). */
function runChild(child: string, db: string, file: string, killAfter: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, db, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let committingAt = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!committingAt && output.includes('committing')) {
        committingAt = performance.now();
        if (killAfter !== null) setTimeout(() => proc.kill('SIGKILL'), killAfter);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${errors}`));
      else resolve({ committedAfter: committingAt ? performance.now() - committingAt : null, output });
    });
  });
}

function ledgerState(file: string) {
  const db = new Database(file);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      deals: (db.prepare('SELECT count(*) AS n FROM deals').get() as { n: number }).n,
      items: (db.prepare('SELECT count(*) AS n FROM deal_items').get() as { n: number }).n,
      batches: (db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n,
      sources: (db.prepare('SELECT count(*) AS n FROM import_sources').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

it(`a SIGKILL at ${KILLS} random moments of a commit leaves either the whole batch or none of it`, async () => {
  const dir = tempDir();
  const child = await bundleImportChild();
  const file = path.join(dir, 'big.csv');
  fs.writeFileSync(file, bigExport(ROWS, 7));
  // The ledger before the import: some deals already there, checkpointed so the file stands alone.
  const base = path.join(dir, 'base.sqlite');
  const backend = await createBackend({ dbPath: base });
  await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
  backend.db.raw.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  const before = ledgerState(base);

  // One full run tells how many deals the batch adds and how long its commit takes here.
  const full = path.join(dir, 'full.sqlite');
  fs.copyFileSync(base, full);
  const calibration = await runChild(child, full, file, null);
  const [, inserted, commitMs] = /done (\d+) (\d+)/.exec(calibration.output)!.map(Number) as [
    number,
    number,
    number,
  ];
  const after = ledgerState(full);
  expect(after.deals).toBe(before.deals + inserted);

  const r = seeded(4242);
  const outcomes = { none: 0, whole: 0 };
  const attempt = async (n: number) => {
    const db = path.join(dir, `kill-${n}.sqlite`);
    fs.copyFileSync(base, db);
    // Up to 1.3× the commit time, so some kills land after it finished (the batch must then be whole).
    await runChild(child, db, file, r.int(Math.ceil(commitMs * 1.3) + 1));
    const state = ledgerState(db);
    expect(state.integrity, `kill ${n}`).toBe('ok');
    expect(state.foreignKeys, `kill ${n}`).toBe(0);
    if (state.deals === before.deals) {
      expect(state, `kill ${n}: none of the batch`).toEqual(before);
      outcomes.none++;
    } else {
      expect(state, `kill ${n}: the whole batch`).toEqual(after);
      outcomes.whole++;
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  };
  // Two at a time: each child spends most of its life starting up and reading the file.
  for (let n = 0; n < KILLS; n += 2) await Promise.all([attempt(n), attempt(n + 1)]);
  expect(outcomes.none + outcomes.whole).toBe(KILLS);
  console.log(
    `kill test: ${outcomes.none} × none of the batch, ${outcomes.whole} × the whole batch (commit ≈ ${commitMs} ms)`,
  );
  fs.rmSync(child, { force: true });
}, 120_000);
