import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';

/** A fresh folder per test, removed afterwards; tests can run in parallel without sharing files. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** A clock the test moves by hand. */
export function fakeClock(start = '2026-11-20T01:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Opens a backend on a new database file in a fresh temp dir; closed after the test. */
export function useBackend(): (options?: Partial<BackendOptions>) => Promise<Backend> {
  const tempDir = useTempDir();
  const opened: Backend[] = [];
  afterEach(() => {
    for (const b of opened.splice(0)) b.close();
  });
  return async (options = {}) => {
    const backend = await createBackend({
      dbPath: path.join(tempDir(), 'torihiki.sqlite'),
      clock: fakeClock(),
      ...options,
    });
    opened.push(backend);
    return backend;
  };
}

/** Bytes of a file, to prove a refused file was left exactly as it was. */
export const fileBytes = (file: string): Buffer => fs.readFileSync(file);
