import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binDir, childEnv, repoRoot } from './paths';

export interface RunningHost {
  /** The address printed by the host, with the token. */
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * Starts `electron/host/main.ts` on a new database in a fresh temp folder, exactly as a developer's
 * `npm run web` would (minus the build), and waits for its "Open: URL" line.
 */
export async function startHost(options: { testClock?: string } = {}): Promise<RunningHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-e2e-'));
  const dbPath = path.join(dir, 'torihiki.sqlite');
  const child = spawn(
    path.join(binDir, 'tsx'),
    [
      'electron/host/main.ts',
      '--db',
      dbPath,
      '--port',
      '0',
      '--no-build',
      ...(options.testClock ? ['--test-clock', options.testClock] : []),
    ],
    // Own process group, so stopping it also stops the Node process tsx starts underneath.
    { cwd: repoRoot, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Open: (http\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  let stopped = false;
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dbPath,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcessGroup(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
