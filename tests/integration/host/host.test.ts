import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHost, type RunningHost } from '../../../electron/host/server';
import type { ServerMessage } from '../../../shared/transport';
import { useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();
const TOKEN = 'test-token-0123456789abcdef';

async function host(): Promise<RunningHost> {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Torihiki</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  const running = await startHost({ backend: await open(), rendererDir, token: TOKEN });
  return running;
}

/** Raw HTTP so the test controls the Host header and the path bytes exactly. */
function get(port: number, rawPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: rawPath, headers, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

function connect(url: string, headers: Record<string, string> = {}) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser-mode host', () => {
  it('binds 127.0.0.1 and prints a ready-to-open URL with the token', async () => {
    const h = await host();
    try {
      expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${TOKEN}`);
    } finally {
      await h.close();
    }
  });

  it('refuses every request without the right token', async () => {
    const h = await host();
    try {
      for (const p of [
        '/',
        '/index.html',
        '/assets/app.js',
        `/?token=${TOKEN}x`,
        '/?token=',
        `/?tok=${TOKEN}`,
      ]) {
        expect((await get(h.port, p)).status, p).toBe(403);
      }
    } finally {
      await h.close();
    }
  });

  it('serves the UI with the token, sets a cookie for later requests, and sends a strict CSP', async () => {
    const h = await host();
    try {
      const first = await get(h.port, `/?token=${TOKEN}`);
      expect(first.status).toBe(200);
      expect(first.body).toContain('Torihiki');
      expect(first.headers['content-security-policy']).toContain("script-src 'self'");
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const asset = await get(h.port, '/assets/app.js', { cookie: cookie.split(';')[0]! });
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
    } finally {
      await h.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const h = await host();
    try {
      expect((await get(h.port, `/?token=${TOKEN}`, { host: `evil.example:${h.port}` })).status).toBe(403);
    } finally {
      await h.close();
    }
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%00',
  ])('never serves files outside the renderer folder: %s', async (p) => {
    const h = await host();
    try {
      const res = await get(h.port, `${p}${p.includes('?') ? '&' : '?'}token=${TOKEN}`);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('outside');
    } finally {
      await h.close();
    }
  });

  it('answers contract calls over the WebSocket and pushes events; refuses sockets without the token or from other origins', async () => {
    const h = await host();
    try {
      await expect(connect(`ws://127.0.0.1:${h.port}/api`)).rejects.toThrow(/403/);
      await expect(
        connect(`ws://127.0.0.1:${h.port}/api?token=${TOKEN}`, { origin: 'https://evil.example' }),
      ).rejects.toThrow(/403/);

      const ws = await connect(`ws://127.0.0.1:${h.port}/api?token=${TOKEN}`, {
        origin: `http://127.0.0.1:${h.port}`,
      });
      const messages: ServerMessage[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as ServerMessage));
      ws.send('not json');
      ws.send(
        JSON.stringify({
          type: 'call',
          id: 1,
          method: 'members.create',
          input: { name: '母', color: 'pink' },
        }),
      );
      ws.send(JSON.stringify({ type: 'call', id: 2, method: 'members.create', input: { name: 42 } }));
      await expect.poll(() => messages.filter((m) => m.type === 'reply').length).toBe(2);
      const replies = messages.filter((m) => m.type === 'reply');
      expect(replies.find((r) => r.id === 1)?.result).toMatchObject({ ok: true, value: { name: '母' } });
      expect(replies.find((r) => r.id === 2)?.result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(messages).toContainEqual({
        type: 'event',
        event: 'data.changed',
        payload: { topics: ['members', 'session'] },
      });
      ws.close();
    } finally {
      await h.close();
    }
  });
});
