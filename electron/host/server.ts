import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventNames } from '../../shared/contract';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { contentTypeFor, resolveStaticPath } from '../../shared/security/static-path';
import { MAX_MESSAGE_BYTES, type CallMessage, type ServerMessage } from '../../shared/transport';
import type { Backend } from '../backend';

export interface HostOptions {
  backend: Backend;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * End-to-end tests only (`--test-clock`): `POST /__test__/clock` with an ISO time moves the backend's
   * clock and re-evaluates reminders. Behind the same token as everything else; absent in normal use.
   */
  testClock?: { set(iso: string): void };
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'torihiki_token';

/**
 * Browser mode: the built renderer over HTTP and the contract over one WebSocket, on 127.0.0.1 only.
 * Every request must carry the per-run token (query parameter once, then an HttpOnly cookie),
 * and the Host header must be ours so a DNS-rebinding page cannot reach the backend.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { backend, token } = options;
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const allowedHost = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const tokenOf = (req: http.IncomingMessage): string | null => {
    const url = new URL(req.url ?? '/', 'http://x');
    const fromQuery = url.searchParams.get('token');
    if (fromQuery) return fromQuery;
    const cookie = (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${COOKIE}=`));
    return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null;
  };
  const authorised = (req: http.IncomingMessage) =>
    allowedHost(req.headers.host) && sameToken(tokenOf(req), token);

  const server = http.createServer((req, res) => {
    if (!authorised(req)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Forbidden: open the address printed by "npm run web" (it carries the access token).\n');
      return;
    }
    if (options.testClock && req.method === 'POST' && req.url?.startsWith('/__test__/clock')) {
      serveTestClock(req, res, options.testClock, backend);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const relative = resolveStaticPath(url.pathname);
    if (relative === null) {
      res.writeHead(400).end('Bad path\n');
      return;
    }
    const file = path.join(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('Not found\n');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': contentTypeFor(file),
      'content-security-policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': relative === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    };
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const origin = req.headers.origin;
    const originOk =
      origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (!authorised(req) || !originOk || new URL(req.url ?? '/', 'http://x').pathname !== '/api') {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, backend));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const TEST_CLOCK_MAX_BYTES = 100;

function serveTestClock(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  clock: { set(iso: string): void },
  backend: Backend,
): void {
  let body = '';
  let tooLong = false;
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    if (body.length + chunk.length > TEST_CLOCK_MAX_BYTES) tooLong = true;
    else body += chunk;
  });
  req.on('end', () => {
    if (tooLong) {
      res.writeHead(413).end();
      return;
    }
    const at = new Date(body.trim());
    if (!/^\d{4}-\d{2}-\d{2}T/.test(body.trim()) || Number.isNaN(at.getTime())) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Send an ISO-8601 time.\n');
      return;
    }
    clock.set(at.toISOString());
    // Like waking from sleep: whatever came due in between is reminded about now.
    const report = backend.reminders?.evaluate('resume');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ now: at.toISOString(), notified: report?.items.length ?? 0 }));
  });
}

function serveSocket(ws: WebSocket, backend: Backend): void {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = eventNames.map((event) =>
    backend.events.on(event, (payload) => send({ type: 'event', event, payload } as ServerMessage)),
  );
  ws.on('close', () => unsubscribe.forEach((off) => off()));
  // Reminders start once a window can show them, so the start-up catch-up is not sent to nobody.
  try {
    backend.reminders?.start();
  } catch (e) {
    console.error('[host] reminders could not start', e);
  }
  ws.on('message', async (data) => {
    let message: CallMessage;
    try {
      message = JSON.parse(data.toString()) as CallMessage;
    } catch {
      return; // Not ours; a well-behaved client never sends this.
    }
    if (message?.type !== 'call' || typeof message.id !== 'number' || typeof message.method !== 'string')
      return;
    const result = await backend.callUnknown(message.method, message.input);
    send({ type: 'reply', id: message.id, result });
  });
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
