import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchWakeUps } from '../../../electron/main/power-events';

describe('watchWakeUps', () => {
  it('calls back on resume and on unlock, merging the two when they arrive together', () => {
    const monitor = new EventEmitter();
    let now = 1_000;
    const onWake = vi.fn();
    watchWakeUps(monitor, onWake, { debounceMs: 2_000, now: () => now });
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    expect(onWake).toHaveBeenCalledOnce();
    now += 2_000;
    monitor.emit('unlock-screen');
    expect(onWake).toHaveBeenCalledTimes(2);
    monitor.emit('suspend');
    expect(onWake).toHaveBeenCalledTimes(2);
  });

  it('stops listening when asked, and survives a callback that throws', () => {
    const monitor = new EventEmitter();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let now = 0;
    const onWake = vi.fn(() => {
      throw new Error('backend gone');
    });
    const stop = watchWakeUps(monitor, onWake, { now: () => (now += 10_000) });
    expect(() => monitor.emit('resume')).not.toThrow();
    expect(error).toHaveBeenCalled();
    stop();
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    expect(onWake).toHaveBeenCalledOnce();
    expect(monitor.listenerCount('resume') + monitor.listenerCount('unlock-screen')).toBe(0);
    error.mockRestore();
  });
});
