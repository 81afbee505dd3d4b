import { Command, Option } from 'commander';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend';
import { defaultDbPath } from '../backend/paths';
import { TorihikiError } from '../../shared/result';
import { startHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(root, 'out', 'renderer');

/** `npm run web`: build the renderer when it is missing or older than its sources, then serve it. */
async function run(): Promise<void> {
  const program = new Command('torihiki-web')
    .description('Serve the Torihiki UI and backend on 127.0.0.1 for a browser')
    .option('--db <path>', `database file (default: ${defaultDbPath()})`)
    .option('--port <n>', 'port (default: a free one)', (v) => Number.parseInt(v, 10), 0)
    .option('--no-build', 'serve the existing build even if sources changed')
    // End-to-end tests only: a clock the test moves through the token-protected /__test__/clock.
    .addOption(new Option('--test-clock <iso>').hideHelp())
    .parse();
  const opts = program.opts<{ db?: string; port: number; build: boolean; testClock?: string }>();

  if (opts.build && needsBuild()) {
    console.log('Building the UI (first run or sources changed)...');
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('The UI build failed; see the output above.');
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built UI in ${rendererDir}; run "npm run build".`);
  }

  const dbPath = opts.db ?? defaultDbPath();
  const testClock = opts.testClock !== undefined ? settableClock(opts.testClock) : undefined;
  const backend = await createBackend({ dbPath, maintenance: true, reminders: true, clock: testClock });
  const token = randomBytes(24).toString('base64url');
  const host = await startHost({ backend, rendererDir, token, port: opts.port, testClock });
  console.log(`Torihiki browser mode on ${dbPath}`);
  console.log(`Open: ${host.url}`);

  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function settableClock(start: string) {
  let now = new Date(start).getTime();
  if (Number.isNaN(now)) throw new Error(`--test-clock needs an ISO time, not "${start}"`);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
  };
}

function needsBuild(): boolean {
  const index = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const builtAt = fs.statSync(index).mtimeMs;
  return ['renderer', 'shared'].some((dir) => newestMtime(path.join(root, dir)) > builtAt);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

run().catch((e: unknown) => {
  console.error(`torihiki web: ${e instanceof TorihikiError ? e.message : (e as Error).message}`);
  process.exit(1);
});
