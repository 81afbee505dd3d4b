/**
 * Foundation benchmark: on a database with N demo deals (default 1,000,000) it measures
 *   - seeding (only when no cached file for this N, data version and schema exists yet),
 *   - "backend ready": createBackend({ dbPath }) from open to ready (checks, migrations, search index
 *     check), over repeated runs (target ≤ 300 ms),
 *   - the renderer's first meaningful paint in Chromium through browser mode: navigation start until
 *     performance.mark('torihiki:app-ready') (the app shell rendered with data), falling back to
 *     first-contentful-paint when the built UI has no such mark (target ≤ 1.5 s).
 * Usage: npm run bench -- [--deals N] [--runs N] [--ui-runs N] [--fresh] [--build] [--chromium PATH]
 * The seeded file is cached in <os temp>/torihiki-bench; --fresh seeds it again.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(root, 'out', 'renderer');
const APP_READY = 'torihiki:app-ready';
const FIRST_PAINT = 'first-contentful-paint';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Options {
  deals: number;
  runs: number;
  uiRuns: number;
  fresh: boolean;
  build: boolean;
  chromium: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    deals: 1_000_000,
    runs: 20,
    uiRuns: 10,
    fresh: false,
    build: false,
    chromium: '/usr/bin/chromium',
  };
  const count = (name: string, value: string | undefined) => {
    if (!value || !/^\d+$/.test(value) || Number(value) < 1) {
      throw new Error(`--${name} needs a whole number ≥ 1, got "${value ?? ''}"`);
    }
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--deals') options.deals = count('deals', argv[++i]);
    else if (arg === '--runs') options.runs = count('runs', argv[++i]);
    else if (arg === '--ui-runs') options.uiRuns = count('ui-runs', argv[++i]);
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--build') options.build = true;
    else if (arg === '--chromium') options.chromium = argv[++i] ?? '';
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
const megabytes = (file: string) => `${(fs.statSync(file).size / 1e6).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString('en-US');

interface Row {
  measure: string;
  runs: string;
  median: string;
  p95: string;
  target: string;
  verdict: string;
}

async function seededDatabase(options: Options): Promise<{ file: string; note: string }> {
  const { createBackend } = await import('../../electron/backend');
  const { seedDemoData } = await import('../../electron/backend/demo/seed');
  const { DEMO_DATA_VERSION } = await import('../../electron/backend/demo/generate');
  const { latestSchemaVersion } = await import('../../electron/backend/db/migrations');
  const { SEARCH_INDEX_VERSION } = await import('../../electron/backend/search/reindex');

  const dir = path.join(os.tmpdir(), 'torihiki-bench');
  fs.mkdirSync(dir, { recursive: true });
  // Anything that would make the first open migrate or re-index is part of the key.
  const key = `foundation-${options.deals}-data${DEMO_DATA_VERSION}-schema${latestSchemaVersion}-search${SEARCH_INDEX_VERSION}`;
  const file = path.join(dir, `${key}.sqlite`);
  if (fs.existsSync(file) && !options.fresh) {
    return {
      file,
      note: `reused ${file} (${megabytes(file)}), seeded ${fs.statSync(file).mtime.toISOString()}`,
    };
  }

  const partial = `${file}.seeding`;
  for (const f of [file, partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  console.log(`seeding ${thousands(options.deals)} deals into ${file} ...`);
  const started = performance.now();
  const backend = await createBackend({ dbPath: partial });
  const report = seedDemoData(backend.db, { deals: options.deals, now: new Date(), seed: 42 });
  const seeded = performance.now();
  backend.close(); // checkpoints the WAL into the file
  const closed = performance.now();
  fs.renameSync(partial, file);
  const note = [
    `seeded ${thousands(report.deals)} deals, ${thousands(report.customers)} customers, ${thousands(report.items)} items,`,
    `${thousands(report.steps)} steps in ${seconds(seeded - started)}`,
    `(rows ${seconds(report.timings.rowsMs)}, search index ${seconds(report.timings.searchIndexMs)};`,
    `closing/checkpoint ${seconds(closed - seeded)}); ${megabytes(file)}`,
  ].join(' ');
  return { file, note };
}

async function measureBackendReady(file: string, runs: number): Promise<number[]> {
  const { createBackend } = await import('../../electron/backend');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const backend = await createBackend({ dbPath: file, createIfMissing: false });
    times.push(performance.now() - started);
    backend.close();
  }
  return times;
}

function ensureRenderer(build: boolean): string | null {
  const index = path.join(rendererDir, 'index.html');
  if (build || !fs.existsSync(index)) {
    console.log('building the renderer (electron-vite build -c electron.config.ts) ...');
    const result = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('the renderer build failed; see the output above');
  }
  const builtAt = fs.statSync(index).mtimeMs;
  const newest = Math.max(...['renderer', 'shared'].map((dir) => newestMtime(path.join(root, dir))));
  return newest > builtAt ? 'the built renderer is older than its sources (pass --build to rebuild)' : null;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether the built UI sets the app-ready mark at all; if not, first-contentful-paint stands in. */
function bundleHasAppReadyMark(): boolean {
  const assets = path.join(rendererDir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => fs.readFileSync(path.join(assets, f), 'utf8').includes(APP_READY));
}

async function measureFirstPaint(
  file: string,
  options: Options,
  entry: string,
): Promise<{ warmUp: number; times: number[] }> {
  const { createBackend } = await import('../../electron/backend');
  const { startHost } = await import('../../electron/host/server');
  const { chromium } = await import('@playwright/test');

  // The same wiring as `npm run web` (electron/host/main.ts): one backend, the built renderer, a token.
  const backend = await createBackend({ dbPath: file, createIfMissing: false });
  const host = await startHost({ backend, rendererDir, token: randomBytes(24).toString('base64url') });
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
  try {
    const once = async (): Promise<number> => {
      // A fresh context each time: empty HTTP cache and storage, as on a first start.
      const context = await browser.newContext({
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: 1280, height: 800 },
      });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(host.url, { waitUntil: 'commit' });
        try {
          await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, entry, {
            timeout: 60_000,
          });
        } catch (e) {
          throw new Error(
            `no "${entry}" within 60 s${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
            {
              cause: e,
            },
          );
        }
        // Entries are timed from navigation start (the page's time origin).
        return page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, entry);
      } finally {
        await context.close();
      }
    };
    const warmUp = await once(); // Chromium's own first-start costs are not the app's
    const times: number[] = [];
    for (let i = 0; i < options.uiRuns; i++) times.push(await once());
    return { warmUp, times };
  } finally {
    await browser.close();
    await host.close();
    backend.close();
  }
}

function printTable(rows: Row[]): void {
  const columns: (keyof Row)[] = ['measure', 'runs', 'median', 'p95', 'target', 'verdict'];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(columns.map((c) => r[c])));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const [load1] = os.loadavg();
  console.log(
    `Torihiki foundation benchmark: Node ${process.versions.node}, ${os.cpus().length} CPUs, load average ${load1?.toFixed(2)}`,
  );

  const { file, note } = await seededDatabase(options);
  console.log(note);

  const rows: Row[] = [];
  const ready = await measureBackendReady(file, options.runs);
  rows.push({
    measure: 'backend ready (createBackend)',
    runs: String(ready.length),
    median: ms(median(ready)),
    p95: ms(percentile(ready, 95)),
    target: '≤ 300 ms',
    verdict: percentile(ready, 95) <= 300 ? 'ok' : 'OVER',
  });
  console.log(`backend ready, run by run: ${ready.map((t) => t.toFixed(0)).join(' ')} ms`);

  const notes: string[] = [];
  if (!fs.existsSync(options.chromium)) {
    notes.push(
      `renderer paint not measured: no Chromium at ${options.chromium} (apt install chromium, or --chromium PATH)`,
    );
  } else {
    const stale = ensureRenderer(options.build);
    if (stale) notes.push(stale);
    const entry = bundleHasAppReadyMark() ? APP_READY : FIRST_PAINT;
    if (entry === FIRST_PAINT) {
      notes.push(`the built UI has no "${APP_READY}" mark yet: measured ${FIRST_PAINT} instead`);
    }
    try {
      const paint = await measureFirstPaint(file, options, entry);
      console.log(
        `renderer ${entry}, run by run: ${paint.times.map((t) => t.toFixed(0)).join(' ')} ms (warm-up run ${paint.warmUp.toFixed(0)} ms, not counted)`,
      );
      rows.push({
        measure: `renderer ${entry === APP_READY ? 'app-ready mark' : 'first contentful paint'} (Chromium)`,
        runs: String(paint.times.length),
        median: ms(median(paint.times)),
        p95: ms(percentile(paint.times, 95)),
        target: '≤ 1500 ms',
        verdict: percentile(paint.times, 95) <= 1500 ? 'ok' : 'OVER',
      });
    } catch (e) {
      notes.push(`renderer paint failed: ${(e as Error).message}`);
    }
  }

  console.log('');
  console.log(`database: ${file} (${megabytes(file)}, ${thousands(options.deals)} deals)`);
  printTable(rows);
  for (const n of notes) console.log(`note: ${n}`);
}

if (Number(process.versions.node.split('.')[0]) < 22) {
  // better-sqlite3 13 needs Node 22; npm scripts put the pinned node@22 first in PATH.
  console.error(`bench: Node ${process.versions.node} is too old; run it with "npm run bench".`);
  process.exit(1);
}
main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
