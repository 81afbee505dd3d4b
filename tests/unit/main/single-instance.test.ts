import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';

function fakeApp(gotLock: boolean) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
  });
  return app;
}

describe('claimSingleInstance', () => {
  it('keeps the first instance and focuses it when another launches', () => {
    const app = fakeApp(true);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['torihiki'], '/');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('quits a second instance at once', () => {
    const app = fakeApp(false);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
