import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventNames, methodNames } from '../../../shared/contract';
import {
  IPC_CALL_CHANNEL,
  IPC_CHOOSE_FOLDER_CHANNEL,
  IPC_EVENT_CHANNEL,
  type PreloadApi,
} from '../../../shared/preload-api';

const electron = vi.hoisted(() => {
  type IpcListener = (event: unknown, ...args: unknown[]) => void;
  const ipcListeners: IpcListener[] = [];
  return {
    ipcListeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
      on: vi.fn((_channel: string, listener: IpcListener) => {
        ipcListeners.push(listener);
      }),
      removeListener: vi.fn(),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

/** Loads the preload afresh and returns what it put on window.torihiki. */
async function loadPreload(): Promise<PreloadApi> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, PreloadApi];
  expect(key).toBe('torihiki');
  return value;
}

/** What main does with webContents.send(IPC_EVENT_CHANNEL, name, payload). */
function pushFromMain(name: unknown, payload: unknown) {
  const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
  for (const listener of [...electron.ipcListeners]) listener(ipcEvent, name, payload);
}

beforeEach(() => {
  electron.ipcListeners.length = 0;
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
});

describe('window.torihiki', () => {
  it('exposes exactly { api, events: { on }, dialogs: { chooseFolder } }', async () => {
    const torihiki = await loadPreload();
    expect(Object.keys(torihiki).sort()).toEqual(['api', 'dialogs', 'events']);
    expect(Object.keys(torihiki.events)).toEqual(['on']);
    expect(Object.keys(torihiki.dialogs!)).toEqual(['chooseFolder']);
  });

  it('asks main for a folder with plain strings only, and answers what main chose', async () => {
    const { dialogs } = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce('/media/usb/backups' as never);
    expect(await dialogs!.chooseFolder({ defaultPath: '/home/母', title: '保存先' })).toBe(
      '/media/usb/backups',
    );
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHOOSE_FOLDER_CHANNEL, {
      defaultPath: '/home/母',
      title: '保存先',
    });
    // A page passing objects or functions gets them dropped, not forwarded.
    const hostile = { defaultPath: { toString: () => '/etc' }, title: () => 'x' } as unknown as {
      defaultPath: string;
    };
    await dialogs!.chooseFolder(hostile);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHOOSE_FOLDER_CHANNEL, {
      defaultPath: undefined,
      title: undefined,
    });
    await dialogs!.chooseFolder();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(3);
  });

  it('has exactly one api function per contract method, and nothing else', async () => {
    const { api } = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('never exposes ipcRenderer or any of its functions', async () => {
    const torihiki = await loadPreload();
    const seen = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value))
        return;
      seen.add(value);
      expect(value).not.toBe(electron.ipcRenderer);
      for (const fn of Object.values(electron.ipcRenderer)) expect(value).not.toBe(fn);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    walk(torihiki);
  });

  it('sends each method over the call channel with its own name', async () => {
    const { api } = await loadPreload();
    for (const method of methodNames) {
      electron.ipcRenderer.invoke.mockClear();
      const call = (api as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method]!;
      await expect(call({ probe: method })).resolves.toEqual({ ok: true, value: 'answer' });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CALL_CHANNEL, method, {
        probe: method,
      });
    }
  });
});

describe('events.on', () => {
  it.each([
    'unknown.event',
    'app.navigate-ish',
    '',
    '__proto__',
    'constructor',
    'toString',
    IPC_EVENT_CHANNEL,
    IPC_CALL_CHANNEL,
    'data.changed ',
  ])('rejects the event name %j', async (name) => {
    const { events } = await loadPreload();
    expect(() => events.on(name as never, () => undefined)).toThrow(TypeError);
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, {}, ['data.changed']])('rejects a non-string name %#', async (name) => {
    const { events } = await loadPreload();
    expect(() => events.on(name as never, () => undefined)).toThrow(TypeError);
  });

  it('rejects a listener that is not a function', async () => {
    const { events } = await loadPreload();
    expect(() => events.on('data.changed', 'alert(1)' as never)).toThrow(TypeError);
  });

  it.each(eventNames)('passes only the payload of %s, never the IPC event', async (name) => {
    const { events } = await loadPreload();
    const listener = vi.fn();
    events.on(name, listener);
    pushFromMain(name, { topics: ['deals'] });
    expect(listener.mock.calls).toEqual([[{ topics: ['deals'] }]]);
  });

  it('delivers only the subscribed event and ignores names outside the contract', async () => {
    const { events } = await loadPreload();
    const changed = vi.fn();
    const session = vi.fn();
    events.on('data.changed', changed);
    events.on('session.changed', session);
    pushFromMain('session.changed', { memberId: 2 });
    pushFromMain('evil.event', { x: 1 });
    pushFromMain(42, {});
    pushFromMain('__proto__', {});
    expect(changed).not.toHaveBeenCalled();
    expect(session.mock.calls).toEqual([[{ memberId: 2 }]]);
  });

  it('unsubscribes, once and only that subscription', async () => {
    const { events } = await loadPreload();
    const listener = vi.fn();
    const offFirst = events.on('data.changed', listener);
    events.on('data.changed', listener);
    offFirst();
    offFirst();
    pushFromMain('data.changed', { topics: [] });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('uses a single IPC listener however many subscriptions there are', async () => {
    const { events } = await loadPreload();
    for (let i = 0; i < 50; i++) events.on('data.changed', () => undefined);
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function));
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const { events } = await loadPreload();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    events.on('data.changed', () => {
      throw new Error('page bug');
    });
    events.on('data.changed', good);
    pushFromMain('data.changed', { topics: [] });
    expect(good).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

describe('the built preload bundle', () => {
  const bundle = path.resolve(import.meta.dirname, '../../../out/preload/index.cjs');
  // Only meaningful after `npm run build`; the sandbox lets a preload require 'electron' alone.
  it.skipIf(!fs.existsSync(bundle) || fs.statSync(bundle).size === 0)('requires nothing but electron', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source).not.toMatch(/\bimport\s*\(/);
  });
});
