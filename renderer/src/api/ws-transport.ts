import type { EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { CallMessage, ServerMessage } from '../../../shared/transport';
import type { Transport } from './transport';

const TOKEN_KEY = 'torihiki.token';

/**
 * Browser mode: one WebSocket to the local host, authenticated with the per-run token from the
 * address bar. The token is moved to sessionStorage and removed from the visible URL.
 */
export function wsTransport(location: Location, history: History, storage: Storage): Transport {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  const token = storage.getItem(TOKEN_KEY) ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;

  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  // Calls wait on `open`; while the socket is down it is a fresh, unresolved promise, so a call made
  // during a reconnect is sent once the socket is back instead of vanishing into a closed socket.
  let resolveOpen: (ws: WebSocket) => void = () => {};
  let open: Promise<WebSocket> = new Promise((resolve) => (resolveOpen = resolve));
  let live: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryMs = 250;
      live = socket;
      resolveOpen(socket);
      connectionListeners.forEach((l) => l(true));
    });
    socket.addEventListener('message', (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage;
      if (message.type === 'reply') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        listeners.get(message.event)?.forEach((l) => l(message.payload));
      }
    });
    socket.addEventListener('close', () => {
      if (live === socket) {
        live = null;
        open = new Promise((resolve) => (resolveOpen = resolve));
      }
      connectionListeners.forEach((l) => l(false));
      // Calls in flight cannot be answered any more; say so instead of hanging.
      for (const [id, resolve] of pending) {
        resolve({
          ok: false,
          error: { code: 'disconnected', message: 'The connection to Torihiki was lost.' },
        });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    async call(method, input) {
      const ws = await open;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input } satisfies CallMessage));
      });
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
