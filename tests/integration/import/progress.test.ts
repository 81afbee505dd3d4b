import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBackend } from '../../../electron/backend';
import type { BackendToMain } from '../../../electron/main/backend-messages';
import { serveBackend } from '../../../electron/main/backend-service';
import type { EventMap } from '../../../shared/contract';
import type { ServerMessage } from '../../../shared/transport';
import { bigExport } from '../../support/big-export';
import { fixtureFile } from '../../support/imports';
import { useBackend, useTempDir } from '../../support/temp';

const tempDir = useTempDir();
const open = useBackend();
const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'progress-test-token-0123456789';
const ROWS = 20_000;

type Progress = EventMap['imports.progress'];

function startHostProcess(db: string, rendererDir: string): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'support', 'host-child.ts'), db, rendererDir, TOKEN],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]) });
    });
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => reject(new Error(`host exited (${code}): ${err}`)));
  });
}

/**
 * Sends one call and collects the progress events of its token with their arrival times, until the reply.
 */
function call(ws: WebSocket, id: number, method: string, input: Record<string, unknown>, token: string) {
  return new Promise<{
    result: unknown;
    events: (Progress & { at: number })[];
    sentAt: number;
    repliedAt: number;
  }>((resolve) => {
    const events: (Progress & { at: number })[] = [];
    const sentAt = performance.now();
    const onMessage = (data: Buffer) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'event' && message.event === 'imports.progress') {
        const p = message.payload as Progress;
        if (p.token === token) events.push({ ...p, at });
      } else if (message.type === 'reply' && message.id === id) {
        ws.off('message', onMessage);
        resolve({ result: message.result, events, sentAt, repliedAt: at });
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, method, input }));
  });
}

/**
 * Progress never runs backwards within a phase, keeps one total per phase (a bar that does not jump), stays
 * within it, and ends at it.
 */
function expectWellFormed(events: Progress[], phases: Progress['phase'][]) {
  expect([...new Set(events.map((e) => e.phase))]).toEqual(phases);
  for (const phase of phases) {
    const list = events.filter((e) => e.phase === phase);
    list.forEach((e, i) => {
      expect(e.done).toBeGreaterThanOrEqual(0);
      expect(e.done).toBeLessThanOrEqual(e.total);
      if (i > 0) expect(e.done).toBeGreaterThanOrEqual(list[i - 1]!.done);
    });
    expect(new Set(list.map((e) => e.total)).size).toBe(1);
    expect(list.at(-1)!.done).toBe(list.at(-1)!.total);
  }
}

it('import progress reaches a browser client while the synchronous preview and commit still run', async () => {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Torihiki</title>');
  const { proc, port } = await startHostProcess(path.join(dir, 'ledger.sqlite'), rendererDir);
  try {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${TOKEN}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const file = { name: 'big.csv', contentBase64: bigExport(ROWS, 3).toString('base64') };

    const previewToken = randomUUID();
    const preview = await call(
      ws,
      1,
      'imports.preview',
      { files: [file], progressToken: previewToken },
      previewToken,
    );
    const value = (preview.result as { ok: true; value: { status: string; previewId: string } }).value;
    expect(value.status).toBe('ready');
    expectWellFormed(preview.events, ['read', 'plan']);
    // At most ~10 a second (plus the first and last of each phase): a few dozen, not one per row.
    const seconds = (preview.repliedAt - preview.sentAt) / 1000;
    expect(preview.events.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 4);
    // Delivered while the call ran, not queued until its reply: the first one arrives well before the answer.
    expect(preview.repliedAt - preview.events[0]!.at).toBeGreaterThan(
      (preview.repliedAt - preview.sentAt) / 4,
    );

    const commitToken = randomUUID();
    const commit = await call(
      ws,
      2,
      'imports.commit',
      { previewId: value.previewId, progressToken: commitToken },
      commitToken,
    );
    expect((commit.result as { ok: boolean }).ok).toBe(true);
    expectWellFormed(commit.events, ['commit']);
    expect(commit.events.length).toBeGreaterThan(2);
    expect(commit.repliedAt - commit.events[0]!.at).toBeGreaterThan((commit.repliedAt - commit.sentAt) / 4);
    ws.close();
  } finally {
    proc.kill('SIGTERM');
  }
}, 120_000);

it('the desktop backend process posts progress to main while the call runs, before its answer', async () => {
  const posted: { at: number; message: BackendToMain }[] = [];
  const listeners: ((e: { data: unknown }) => void)[] = [];
  // process.parentPort as the utility process sees it: what is posted here leaves for main at once.
  const port = {
    on: (_: 'message', listener: (e: { data: unknown }) => void) => listeners.push(listener),
    postMessage: (message: BackendToMain) => void posted.push({ at: performance.now(), message }),
  };
  const opened: Promise<unknown>[] = [];
  serveBackend(port, {
    createBackend: (options) => {
      const backend = createBackend(options);
      opened.push(backend);
      return backend;
    },
    exit: () => undefined,
  });
  const send = (data: unknown) => listeners.forEach((l) => l({ data }));
  send({ type: 'open', dbPath: path.join(tempDir(), 'desktop.sqlite') });
  await Promise.all(opened);
  const token = randomUUID();
  const file = { name: 'big.csv', contentBase64: bigExport(ROWS, 5).toString('base64') };
  const sentAt = performance.now();
  send({ type: 'call', id: 7, method: 'imports.preview', input: { files: [file], progressToken: token } });
  await new Promise<void>((resolve) => {
    const wait = () => (posted.some((p) => p.message.type === 'reply') ? resolve() : setTimeout(wait, 20));
    wait();
  });
  const reply = posted.find((p) => p.message.type === 'reply')!;
  const progress = posted.filter((p) => p.message.type === 'event' && p.message.event === 'imports.progress');
  expectWellFormed(
    progress.map((p) => (p.message as { payload: Progress }).payload),
    ['read', 'plan'],
  );
  expect(reply.at - progress[0]!.at).toBeGreaterThan((reply.at - sentAt) / 4);
  send({ type: 'close' });
}, 120_000);

it('progress is only sent for a call that asks for it, and a malformed token is refused', async () => {
  const backend = await open();
  const seen: Progress[] = [];
  backend.events.on('imports.progress', (p) => seen.push(p));
  const plain = await backend.call('imports.preview', { files: [fixtureFile('rakuten-pay.csv')] });
  expect(plain.ok).toBe(true);
  expect(seen).toEqual([]);

  for (const progressToken of ['x', '', 'not-a-uuid-0000', 42, null]) {
    const bad = await backend.callUnknown('imports.preview', {
      files: [fixtureFile('rakuten-pay.csv')],
      progressToken,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const commit = await backend.callUnknown('imports.commit', { previewId: randomUUID(), progressToken });
    expect(commit).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }
  expect(seen).toEqual([]);

  const token = randomUUID();
  const p = await backend.call('imports.preview', {
    files: [fixtureFile('rakuten-pay.csv')],
    progressToken: token,
  });
  expect(p.ok && p.value.status).toBe('ready');
  expectWellFormed(seen, ['read', 'plan']);
  expect(seen.every((e) => e.token === token)).toBe(true);
  // Six data lines and a header in the file; five deals.
  expect(seen.filter((e) => e.phase === 'plan').at(-1)).toMatchObject({ done: 5, total: 5 });
  // Reading counts the file's physical lines: a header, six rows, two quoted line breaks, the final newline.
  expect(seen.find((e) => e.phase === 'read')!.total).toBeGreaterThanOrEqual(8);
});
