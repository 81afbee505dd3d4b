import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBackendBridge,
  type BackendBridgeOptions,
  type BackendChild,
} from '../../../electron/main/backend-bridge';
import type { MainToBackend } from '../../../electron/main/backend-messages';

/** Stands in for Electron's UtilityProcess: records what main posts and lets the test answer. */
class FakeChild extends EventEmitter implements BackendChild {
  sent: MainToBackend[] = [];
  killed = false;
  failPosts = false;

  postMessage(message: MainToBackend): void {
    if (this.failPosts) throw new Error('DataCloneError: could not be cloned');
    // Posting copies, as the real structured clone does.
    this.sent.push(structuredClone(message));
  }
  onMessage(listener: (message: unknown) => void): void {
    this.on('message', listener);
  }
  onExit(listener: (code: number) => void): void {
    this.on('exit', listener);
  }
  kill(): void {
    this.killed = true;
  }

  send(message: unknown): void {
    this.emit('message', message);
  }
  ready(): void {
    this.send({ type: 'ready', schemaVersion: 3, preMigrationBackup: null });
  }
  die(code = 1): void {
    this.emit('exit', code);
  }
  calls() {
    return this.sent.filter((m): m is Extract<MainToBackend, { type: 'call' }> => m.type === 'call');
  }
  answer(id: number, value: unknown): void {
    this.send({ type: 'reply', id, result: { ok: true, value } });
  }
}

function setup(overrides: Partial<BackendBridgeOptions> = {}) {
  const children: FakeChild[] = [];
  const mocks = {
    spawn: vi.fn((): BackendChild => {
      const child = new FakeChild();
      children.push(child);
      return child;
    }),
    onEvent: vi.fn(),
    onNotify: vi.fn(),
    onFatal: vi.fn(),
  };
  const options = {
    ...mocks,
    dbPath: '/data/torihiki.sqlite',
    restartDelayMs: 100,
    log: vi.fn(),
    ...overrides,
  };
  const bridge = createBackendBridge(options);
  const child = (i = children.length - 1) => {
    const c = children[i];
    if (!c) throw new Error(`no child ${i}`);
    return c;
  };
  return { bridge, options: mocks, children, child };
}

async function started(overrides: Partial<BackendBridgeOptions> = {}) {
  const s = setup(overrides);
  const start = s.bridge.start();
  s.child().ready();
  expect(await start).toEqual({ ok: true, value: { schemaVersion: 3, preMigrationBackup: null } });
  return s;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('start', () => {
  it('spawns the backend, asks it to open the database and reports ready', async () => {
    const { bridge, child } = await started();
    expect(child().sent[0]).toEqual({ type: 'open', dbPath: '/data/torihiki.sqlite' });
    expect(bridge.state).toBe('ready');
  });

  it('reports a database that refuses to open, without restarting or calling onFatal', async () => {
    const { bridge, child, options } = setup();
    const start = bridge.start();
    child().send({
      type: 'open-failed',
      error: { code: 'db_newer', message: 'written by a newer Torihiki' },
    });
    expect(await start).toEqual({
      ok: false,
      error: { code: 'db_newer', message: 'written by a newer Torihiki' },
    });
    expect(bridge.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(options.spawn).toHaveBeenCalledTimes(1);
    expect(options.onFatal).not.toHaveBeenCalled();
    expect(await bridge.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reports a process that dies before opening', async () => {
    const { bridge, child, options } = setup();
    const start = bridge.start();
    child().die(9);
    expect(await start).toMatchObject({ ok: false, error: { code: 'internal' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(options.spawn).toHaveBeenCalledTimes(1);
    expect(options.onFatal).not.toHaveBeenCalled();
  });

  it('reports a process that cannot be spawned', async () => {
    const { bridge } = setup({
      spawn: () => {
        throw new Error('ENOENT backend.js');
      },
    });
    expect(await bridge.start()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses to start twice', async () => {
    const { bridge } = await started();
    expect(await bridge.start()).toMatchObject({ ok: false });
  });
});

describe('calls', () => {
  it('correlates replies by id, whatever order they come in', async () => {
    const { bridge, child } = await started();
    const a = bridge.call('members.list', {});
    const b = bridge.call('system.info', undefined);
    const [callA, callB] = child().calls();
    expect(callA).toMatchObject({ method: 'members.list', input: {} });
    expect(callB).toMatchObject({ method: 'system.info' });
    expect(callA?.id).not.toBe(callB?.id);
    child().answer(callB!.id, 'info');
    child().answer(callA!.id, ['Aiko']);
    expect(await a).toEqual({ ok: true, value: ['Aiko'] });
    expect(await b).toEqual({ ok: true, value: 'info' });
  });

  it('passes failed Results through untouched', async () => {
    const { bridge, child } = await started();
    const call = bridge.call('members.get', { id: 99 });
    const error = { code: 'not_found', message: 'Member 99 does not exist.' };
    child().send({ type: 'reply', id: child().calls()[0]!.id, result: { ok: false, error } });
    expect(await call).toEqual({ ok: false, error });
  });

  it('ignores garbage, unknown ids and duplicate replies', async () => {
    const { bridge, child, options } = await started();
    const call = bridge.call('system.info', {});
    const { id } = child().calls()[0]!;
    for (const raw of [
      null,
      'hello',
      42,
      [],
      { type: 'reply', id: id + 1000, result: { ok: true, value: 'wrong call' } },
      { type: 'reply', id: String(id), result: { ok: true, value: 'string id' } },
      { type: 'reply', result: { ok: true, value: 'no id' } },
      { type: 'ready', schemaVersion: 99, preMigrationBackup: null },
      { type: 'open-failed', error: { code: 'db_corrupt', message: 'late' } },
      JSON.parse('{"__proto__":{"ok":true},"type":"reply","id":' + id + '}'),
    ]) {
      child().send(raw);
    }
    // The prototype-polluted message above is a reply with no result: it settles the call as an error.
    expect(await call).toMatchObject({ ok: false, error: { code: 'internal' } });
    child().answer(id, 'late duplicate');
    expect(bridge.state).toBe('ready');
    expect(options.onFatal).not.toHaveBeenCalled();
    expect(options.onEvent).not.toHaveBeenCalled();

    const next = bridge.call('system.info', {});
    child().answer(child().calls()[1]!.id, 'fine');
    expect(await next).toEqual({ ok: true, value: 'fine' });
  });

  it('settles a call whose reply has a malformed result with an error Result', async () => {
    const { bridge, child } = await started();
    const call = bridge.call('system.info', {});
    child().send({ type: 'reply', id: child().calls()[0]!.id, result: { ok: 'maybe' } });
    expect(await call).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The backend sent a malformed answer.' },
    });
  });

  it('answers an input that cannot be posted with an error Result', async () => {
    const { bridge, child } = await started();
    child().failPosts = true;
    expect(await bridge.call('members.create', { name: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses calls before start', async () => {
    const { bridge } = setup();
    expect(await bridge.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('events and notifications', () => {
  it('forwards contract events and notification requests, dropping the rest', async () => {
    const { child, options } = await started();
    child().send({ type: 'event', event: 'data.changed', payload: { topics: ['members'] } });
    child().send({ type: 'event', event: 'shell.execute', payload: { cmd: 'calc' } });
    const request = { key: 'f1', title: '期限', body: '本日が期限です', route: '/followups/1' };
    child().send({ type: 'notify', request });
    child().send({ type: 'notify', request: { ...request, route: 7 } });
    expect(options.onEvent.mock.calls).toEqual([['data.changed', { topics: ['members'] }]]);
    expect(options.onNotify.mock.calls).toEqual([[request]]);
  });
});

describe('wake', () => {
  it('tells a ready backend the computer woke up, and drops it while none is ready', async () => {
    const s = setup();
    s.bridge.wake();
    const start = s.bridge.start();
    s.bridge.wake();
    expect(s.child().sent.map((m) => m.type)).toEqual(['open']);
    s.child().ready();
    await start;
    s.bridge.wake();
    expect(s.child().sent.map((m) => m.type)).toEqual(['open', 'wake']);

    // A restarting backend evaluates on opening anyway: nothing is queued for it.
    s.child().die(1);
    s.bridge.wake();
    await vi.advanceTimersByTimeAsync(100);
    expect(s.child(1).sent.map((m) => m.type)).toEqual(['open']);
  });

  it('does not throw when the wake-up cannot be posted', async () => {
    const { bridge, child } = await started();
    child().failPosts = true;
    expect(() => bridge.wake()).not.toThrow();
  });
});

describe('a backend that dies', () => {
  it('settles pending calls with an error Result and restarts', async () => {
    const { bridge, child, children, options } = await started();
    const lost = bridge.call('members.create', { name: 'Aiko' });
    child().die(134);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(bridge.state).toBe('restarting');

    // A call made while no process runs waits for the new one.
    const queued = bridge.call('system.info', {});
    await vi.advanceTimersByTimeAsync(100);
    expect(children).toHaveLength(2);
    expect(child(1).sent.map((m) => m.type)).toEqual(['open', 'call']);
    child(1).ready();
    expect(bridge.state).toBe('ready');
    child(1).answer(child(1).calls()[0]!.id, 'after restart');
    expect(await queued).toEqual({ ok: true, value: 'after restart' });
    expect(options.onFatal).not.toHaveBeenCalled();
  });

  it('ignores anything the dead process still says', async () => {
    const { bridge, child, options } = await started();
    child(0).die();
    await vi.advanceTimersByTimeAsync(100);
    child(1).ready();
    const call = bridge.call('system.info', {});
    const { id } = child(1).calls()[0]!;
    child(0).answer(id, 'from the dead');
    child(0).send({ type: 'event', event: 'data.changed', payload: { topics: [] } });
    child(0).die();
    child(1).answer(id, 'alive');
    expect(await call).toEqual({ ok: true, value: 'alive' });
    expect(options.onEvent).not.toHaveBeenCalled();
    expect(bridge.state).toBe('ready');
  });

  it('gives up after repeated crashes and reports once', async () => {
    const { bridge, child, options } = await started({ maxRestarts: 2 });
    for (let i = 0; i < 2; i++) {
      child().die();
      await vi.advanceTimersByTimeAsync(100);
      child().ready();
    }
    const pending = bridge.call('system.info', {});
    child().die();
    expect(await pending).toMatchObject({ ok: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(options.spawn).toHaveBeenCalledTimes(3);
    expect(options.onFatal).toHaveBeenCalledOnce();
    expect(options.onFatal.mock.calls[0]?.[0]).toMatchObject({ code: 'internal' });
    expect(bridge.state).toBe('failed');
    expect(await bridge.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('keeps restarting when crashes are far apart', async () => {
    let clock = 0;
    const { child, options, bridge } = await started({
      maxRestarts: 1,
      restartWindowMs: 1000,
      now: () => clock,
    });
    for (let i = 0; i < 5; i++) {
      clock += 5000;
      child().die();
      await vi.advanceTimersByTimeAsync(100);
      child().ready();
    }
    expect(options.onFatal).not.toHaveBeenCalled();
    expect(bridge.state).toBe('ready');
  });

  it('reports a database that no longer opens after a restart', async () => {
    const { bridge, child, options } = await started();
    child().die();
    await vi.advanceTimersByTimeAsync(100);
    child().send({ type: 'open-failed', error: { code: 'db_corrupt', message: 'damaged' } });
    expect(options.onFatal).toHaveBeenCalledExactlyOnceWith({ code: 'db_corrupt', message: 'damaged' });
    expect(bridge.state).toBe('failed');
  });
});

describe('stop', () => {
  it('asks the backend to close and waits for it to exit, without restarting', async () => {
    const { bridge, child, options } = await started();
    const stopping = bridge.stop();
    expect(child().sent.at(-1)).toEqual({ type: 'close' });
    expect(await bridge.call('system.info', {})).toMatchObject({ ok: false });
    child().die(0);
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bridge.state).toBe('stopped');
    expect(options.spawn).toHaveBeenCalledTimes(1);
    expect(child().killed).toBe(false);
    expect(bridge.stop()).toBe(stopping);
  });

  it('settles calls still in flight when the process exits', async () => {
    const { bridge, child } = await started();
    const call = bridge.call('system.info', {});
    const stopping = bridge.stop();
    child().die(0);
    await stopping;
    expect(await call).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('kills a backend that does not exit in time', async () => {
    const { bridge, child } = await started({ stopTimeoutMs: 1000 });
    const stopping = bridge.stop();
    await vi.advanceTimersByTimeAsync(1000);
    await stopping;
    expect(child().killed).toBe(true);
    expect(bridge.state).toBe('stopped');
  });

  it('does not restart a backend that crashed just before stopping', async () => {
    const { bridge, child, options } = await started();
    child().die();
    await bridge.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(options.spawn).toHaveBeenCalledTimes(1);
    expect(bridge.state).toBe('stopped');
  });

  it('closes a backend whose database refused to open', async () => {
    const { bridge, child } = setup();
    const start = bridge.start();
    child().send({ type: 'open-failed', error: { code: 'db_not_torihiki', message: 'x' } });
    await start;
    const stopping = bridge.stop();
    expect(child().sent.at(-1)).toEqual({ type: 'close' });
    child().die(0);
    await stopping;
    expect(bridge.state).toBe('stopped');
  });
});
