import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Backend, BackendOptions } from '../../../electron/backend';
import type { BackendToMain } from '../../../electron/main/backend-messages';
import { serveBackend, type ParentPortLike } from '../../../electron/main/backend-service';
import { TorihikiError, type Result } from '../../../shared/result';

/** Stands in for process.parentPort inside the utility process. */
class FakePort extends EventEmitter implements ParentPortLike {
  posted: BackendToMain[] = [];
  failNextPost = false;
  postMessage(message: BackendToMain): void {
    if (this.failNextPost) {
      this.failNextPost = false;
      throw new Error('DataCloneError');
    }
    this.posted.push(message);
  }
  fromMain(data: unknown): void {
    this.emit('message', { data });
  }
  ofType<T extends BackendToMain['type']>(type: T) {
    return this.posted.filter((m): m is Extract<BackendToMain, { type: T }> => m.type === type);
  }
}

function fakeBackend(
  call: (method: string, input: unknown) => Promise<Result<unknown>> = async () => ({
    ok: true,
    value: 'ok',
  }),
) {
  const events = new EventEmitter();
  const backend = {
    callUnknown: vi.fn(call),
    events: {
      on: (event: string, listener: (payload: unknown) => void) => {
        events.on(event, listener);
        return () => events.off(event, listener);
      },
    },
    schemaVersion: 4,
    preMigrationBackup: '/data/backups/before-v4.sqlite',
    close: vi.fn(),
  };
  return { backend, backendAsBackend: backend as unknown as Backend, emit: events.emit.bind(events) };
}

function serve(createBackend: (options: BackendOptions) => Promise<Backend>) {
  const port = new FakePort();
  const exit = vi.fn();
  serveBackend(port, { createBackend: vi.fn(createBackend), exit });
  return { port, exit };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serveBackend', () => {
  it('opens the database and reports ready', async () => {
    const fake = fakeBackend();
    const createBackend = vi.fn(async () => fake.backendAsBackend);
    const { port } = serve(createBackend);
    port.fromMain({ type: 'open', dbPath: '/data/torihiki.sqlite' });
    await flush();
    expect(port.posted).toEqual([
      { type: 'ready', schemaVersion: 4, preMigrationBackup: '/data/backups/before-v4.sqlite' },
    ]);
  });

  it('answers a call sent while the database is still opening', async () => {
    const fake = fakeBackend(async (method) => ({ ok: true, value: `did ${method}` }));
    let finishOpening: (b: Backend) => void = () => undefined;
    const { port } = serve(() => new Promise((resolve) => (finishOpening = resolve)));
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    port.fromMain({ type: 'call', id: 1, method: 'system.info', input: {} });
    await flush();
    expect(port.ofType('reply')).toEqual([]);
    finishOpening(fake.backendAsBackend);
    await flush();
    expect(port.ofType('reply')).toEqual([
      { type: 'reply', id: 1, result: { ok: true, value: 'did system.info' } },
    ]);
    expect(fake.backend.callUnknown).toHaveBeenCalledWith('system.info', {});
  });

  it.each([
    ['db_not_torihiki', new TorihikiError('db_not_torihiki', 'not ours')],
    ['db_corrupt', new TorihikiError('db_corrupt', 'damaged')],
    ['db_newer', new TorihikiError('db_newer', 'newer')],
    ['db_unwritable', new TorihikiError('db_unwritable', 'read-only')],
    ['internal', new Error('EACCES')],
    ['internal', 'a string was thrown'],
  ])('reports a refused open as %s, and answers calls with it', async (code, thrown) => {
    const { port } = serve(() => Promise.reject(thrown));
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    port.fromMain({ type: 'call', id: 5, method: 'system.info', input: {} });
    await flush();
    expect(port.ofType('open-failed')).toEqual([
      { type: 'open-failed', error: expect.objectContaining({ code }) },
    ]);
    expect(port.ofType('reply')).toEqual([
      { type: 'reply', id: 5, result: { ok: false, error: expect.objectContaining({ code }) } },
    ]);
  });

  it('answers a call that comes before any open with an error', async () => {
    const { port } = serve(async () => fakeBackend().backendAsBackend);
    port.fromMain({ type: 'call', id: 2, method: 'system.info', input: {} });
    await flush();
    expect(port.ofType('reply')[0]).toMatchObject({ id: 2, result: { ok: false } });
  });

  it('opens only once', async () => {
    const createBackend = vi.fn(async () => fakeBackend().backendAsBackend);
    const { port } = serve(createBackend);
    port.fromMain({ type: 'open', dbPath: '/a.sqlite' });
    port.fromMain({ type: 'open', dbPath: '/b.sqlite' });
    await flush();
    expect(createBackend).toHaveBeenCalledOnce();
  });

  it('forwards backend events and notification requests', async () => {
    const fake = fakeBackend();
    let notify: BackendOptions['notify'];
    const { port } = serve(async (options) => {
      notify = options.notify;
      return fake.backendAsBackend;
    });
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    await flush();
    fake.emit('data.changed', { topics: ['deals'] });
    fake.emit('session.changed', { memberId: 3 });
    notify?.({ key: 'k', title: 't', body: 'b', route: '/followups' });
    expect(port.posted.slice(1)).toEqual([
      { type: 'event', event: 'data.changed', payload: { topics: ['deals'] } },
      { type: 'event', event: 'session.changed', payload: { memberId: 3 } },
      { type: 'notify', request: { key: 'k', title: 't', body: 'b', route: '/followups' } },
    ]);
  });

  it('ignores garbage from main', async () => {
    const fake = fakeBackend();
    const { port, exit } = serve(async () => fake.backendAsBackend);
    for (const data of [
      null,
      undefined,
      'close',
      { type: 'call' },
      { type: 'call', id: 'x', method: 'system.info' },
      { type: 'call', id: 1, method: { toString: () => 'system.info' } },
      { type: 'open', dbPath: null },
      { type: 'exit' },
    ]) {
      port.fromMain(data);
    }
    port.emit('message', null);
    port.emit('message', 'not an event');
    await flush();
    expect(port.posted).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });

  it('answers with an error when callUnknown throws', async () => {
    const fake = fakeBackend(async () => {
      throw new Error('boom');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { port } = serve(async () => fake.backendAsBackend);
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    port.fromMain({ type: 'call', id: 3, method: 'system.info', input: {} });
    await flush();
    expect(port.ofType('reply')).toEqual([
      { type: 'reply', id: 3, result: { ok: false, error: expect.objectContaining({ code: 'internal' }) } },
    ]);
    error.mockRestore();
  });

  it('still answers when a result cannot be posted', async () => {
    const fake = fakeBackend();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { port } = serve(async () => fake.backendAsBackend);
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    await flush();
    port.failNextPost = true;
    port.fromMain({ type: 'call', id: 8, method: 'system.info', input: {} });
    await flush();
    expect(port.ofType('reply')).toEqual([
      { type: 'reply', id: 8, result: { ok: false, error: expect.objectContaining({ code: 'internal' }) } },
    ]);
    error.mockRestore();
  });

  it('closes after answering calls already in flight, then refuses new ones and exits', async () => {
    let release: () => void = () => undefined;
    const fake = fakeBackend(
      (method) =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, value: method });
        }),
    );
    const { port, exit } = serve(async () => fake.backendAsBackend);
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    await flush();
    port.fromMain({ type: 'call', id: 1, method: 'slow.import', input: {} });
    port.fromMain({ type: 'close' });
    port.fromMain({ type: 'call', id: 2, method: 'system.info', input: {} });
    await flush();
    expect(fake.backend.close).not.toHaveBeenCalled();
    expect(port.ofType('reply')).toEqual([
      { type: 'reply', id: 2, result: { ok: false, error: expect.objectContaining({ code: 'internal' }) } },
    ]);
    release();
    await flush();
    expect(port.ofType('reply')[1]).toEqual({
      type: 'reply',
      id: 1,
      result: { ok: true, value: 'slow.import' },
    });
    expect(fake.backend.close).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('exits on close even when the database never opened', async () => {
    const { port, exit } = serve(() => Promise.reject(new TorihikiError('db_corrupt', 'damaged')));
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    port.fromMain({ type: 'close' });
    await flush();
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });
});

describe('wake-ups', () => {
  function withReminders(started: boolean, evaluate = vi.fn()) {
    const fake = fakeBackend();
    const backend = { ...fake.backend, reminders: { started, evaluate } } as unknown as Backend;
    const { port } = serve(async () => backend);
    return { port, evaluate };
  }

  it('re-evaluates the reminders with reason "resume" once the database is open', async () => {
    const { port, evaluate } = withReminders(true);
    port.fromMain({ type: 'wake' });
    await flush();
    expect(evaluate).not.toHaveBeenCalled();
    port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    await flush();
    port.fromMain({ type: 'wake' });
    await flush();
    expect(evaluate).toHaveBeenCalledExactlyOnceWith('resume');
  });

  it('leaves reminders that never started alone, and survives an evaluation that throws', async () => {
    const idle = withReminders(false);
    idle.port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    idle.port.fromMain({ type: 'wake' });
    await flush();
    expect(idle.evaluate).not.toHaveBeenCalled();

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = withReminders(
      true,
      vi.fn(() => {
        throw new Error('disk I/O error');
      }),
    );
    broken.port.fromMain({ type: 'open', dbPath: '/d.sqlite' });
    broken.port.fromMain({ type: 'wake' });
    await flush();
    expect(broken.evaluate).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    broken.port.fromMain({ type: 'call', id: 1, method: 'system.info', input: {} });
    await flush();
    expect(broken.port.ofType('reply')).toHaveLength(1);
    error.mockRestore();
  });
});
