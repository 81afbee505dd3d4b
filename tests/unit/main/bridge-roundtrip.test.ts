import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { createBackendBridge, type BackendChild } from '../../../electron/main/backend-bridge';
import type { BackendToMain, MainToBackend } from '../../../electron/main/backend-messages';
import { serveBackend } from '../../../electron/main/backend-service';

/**
 * Main's bridge and the utility process's service joined by an in-memory channel that clones
 * and delivers asynchronously, as Electron does: proves both sides speak the same protocol.
 */
function linkedPair(backend: Backend) {
  const toChild = new EventEmitter();
  const toMain = new EventEmitter();
  const child: BackendChild = {
    postMessage: (message: MainToBackend) => {
      const copy = structuredClone(message);
      setImmediate(() => toChild.emit('message', { data: copy }));
    },
    onMessage: (listener) => toMain.on('message', listener),
    onExit: (listener) => toMain.on('exit', listener),
    kill: () => toMain.emit('exit', 9),
  };
  serveBackend(
    {
      on: (_event, listener) => toChild.on('message', listener),
      postMessage: (message: BackendToMain) => {
        const copy = structuredClone(message);
        setImmediate(() => toMain.emit('message', copy));
      },
    },
    { createBackend: async () => backend, exit: (code) => setImmediate(() => toMain.emit('exit', code)) },
  );
  return child;
}

describe('bridge and service together', () => {
  it('opens, calls, pushes events and closes', async () => {
    const events = new EventEmitter();
    const close = vi.fn();
    const backend = {
      schemaVersion: 2,
      preMigrationBackup: null,
      callUnknown: async (method: string, input: unknown) => {
        if (method === 'members.create') events.emit('data.changed', { topics: ['members'] });
        return { ok: true, value: { method, input } };
      },
      events: {
        on: (event: string, listener: (payload: unknown) => void) => {
          events.on(event, listener);
          return () => events.off(event, listener);
        },
      },
      close,
    } as unknown as Backend;
    const onEvent = vi.fn();
    const bridge = createBackendBridge({
      spawn: () => linkedPair(backend),
      dbPath: '/data/torihiki.sqlite',
      onEvent,
      onNotify: vi.fn(),
      onFatal: vi.fn(),
    });

    expect(await bridge.start()).toEqual({ ok: true, value: { schemaVersion: 2, preMigrationBackup: null } });
    const results = await Promise.all([
      bridge.call('members.create', { name: '愛子' }),
      bridge.call('system.info', undefined),
    ]);
    expect(results).toEqual([
      { ok: true, value: { method: 'members.create', input: { name: '愛子' } } },
      { ok: true, value: { method: 'system.info', input: undefined } },
    ]);
    await vi.waitFor(() => expect(onEvent).toHaveBeenCalledWith('data.changed', { topics: ['members'] }));

    await bridge.stop();
    expect(close).toHaveBeenCalledOnce();
    expect(bridge.state).toBe('stopped');
  });
});
