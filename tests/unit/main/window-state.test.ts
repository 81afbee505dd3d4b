import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clampBoundsToDisplays,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowState,
  type DisplayArea,
  type Rect,
} from '../../../electron/main/window-state';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 860 }, primary: true };
const rightMonitor: DisplayArea = { workArea: { x: 1440, y: 0, width: 1920, height: 1040 }, primary: false };
const leftMonitor: DisplayArea = { workArea: { x: -1280, y: 200, width: 1280, height: 984 }, primary: false };

const within = (r: Rect, area: Rect) =>
  r.x >= area.x &&
  r.y >= area.y &&
  r.x + r.width <= area.x + area.width &&
  r.y + r.height <= area.y + area.height;

describe('clampBoundsToDisplays', () => {
  it('keeps bounds that already fit', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 700 };
    expect(clampBoundsToDisplays(saved, [laptop])).toEqual(saved);
  });

  it('centres the default size on the primary display without saved bounds', () => {
    expect(clampBoundsToDisplays(null, [rightMonitor, laptop])).toEqual({
      x: Math.round((1440 - DEFAULT_WINDOW_SIZE.width) / 2),
      y: Math.round((860 - DEFAULT_WINDOW_SIZE.height) / 2),
      ...DEFAULT_WINDOW_SIZE,
    });
  });

  it('keeps a window on a secondary monitor that is still attached', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(clampBoundsToDisplays(saved, [laptop, rightMonitor])).toEqual(saved);
    const onLeft = { x: -1200, y: 250, width: 1000, height: 700 };
    expect(clampBoundsToDisplays(onLeft, [laptop, leftMonitor])).toEqual(onLeft);
  });

  it('brings a window from an unplugged monitor back to the primary display, keeping its size', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800 };
    const result = clampBoundsToDisplays(saved, [laptop]);
    expect(result).toEqual({ x: 120, y: 30, width: 1200, height: 800 });
  });

  it('moves a window that hangs off an edge fully onto the display it overlaps most', () => {
    const result = clampBoundsToDisplays({ x: 800, y: -300, width: 1000, height: 700 }, [
      laptop,
      rightMonitor,
    ]);
    expect(result).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
  });

  it('picks the display with the larger overlap when a window spans two', () => {
    const result = clampBoundsToDisplays({ x: 1300, y: 100, width: 1000, height: 700 }, [
      laptop,
      rightMonitor,
    ]);
    expect(within(result, rightMonitor.workArea)).toBe(true);
  });

  it('shrinks a window larger than the work area after a resolution change', () => {
    const result = clampBoundsToDisplays({ x: 0, y: 0, width: 2560, height: 1440 }, [laptop]);
    expect(result).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
  });

  it('does not go below the minimum size unless the display itself is smaller', () => {
    expect(clampBoundsToDisplays({ x: 10, y: 10, width: 200, height: 100 }, [laptop])).toMatchObject(
      MIN_WINDOW_SIZE,
    );
    const tiny: DisplayArea = { workArea: { x: 0, y: 0, width: 640, height: 480 }, primary: true };
    expect(clampBoundsToDisplays({ x: 10, y: 10, width: 1200, height: 900 }, [tiny])).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 480,
    });
  });

  it('treats the first display as primary when none says so', () => {
    const result = clampBoundsToDisplays({ x: 99_999, y: 99_999, width: 900, height: 600 }, [
      { ...rightMonitor, primary: false },
    ]);
    expect(within(result, rightMonitor.workArea)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['NaN', { x: Number.NaN, y: 0, width: 800, height: 600 }],
    ['Infinity', { x: 0, y: Number.POSITIVE_INFINITY, width: 800, height: 600 }],
    ['negative size', { x: 0, y: 0, width: -800, height: 600 }],
    ['zero size', { x: 0, y: 0, width: 0, height: 0 }],
    ['huge', { x: 1e12, y: 1e12, width: 1e12, height: 1e12 }],
    ['strings', { x: '0', y: '0', width: '800', height: '600' }],
  ])('starts over with %s bounds', (_label, bounds) => {
    const result = clampBoundsToDisplays(bounds as Rect, [laptop]);
    expect(within(result, laptop.workArea)).toBe(true);
    expect(result.width).toBe(DEFAULT_WINDOW_SIZE.width);
  });

  it('rounds fractional DIPs', () => {
    expect(clampBoundsToDisplays({ x: 10.4, y: 20.6, width: 900.5, height: 600.2 }, [laptop])).toEqual({
      x: 10,
      y: 21,
      width: 901,
      height: 600,
    });
  });

  it('always lands inside some work area', () => {
    const displays = [laptop, rightMonitor, leftMonitor];
    for (let i = 0; i < 500; i++) {
      const saved = {
        x: Math.round((Math.random() - 0.5) * 10_000),
        y: Math.round((Math.random() - 0.5) * 10_000),
        width: Math.round(Math.random() * 4000) + 1,
        height: Math.round(Math.random() * 3000) + 1,
      };
      const result = clampBoundsToDisplays(saved, displays);
      expect(displays.some((d) => within(result, d.workArea))).toBe(true);
    }
  });

  it('survives an empty display list', () => {
    expect(clampBoundsToDisplays(null, [])).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
  });
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":700},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 900, height: 700 },
      maximized: true,
    });
  });

  it('treats anything but true as not maximised', () => {
    expect(
      parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":700},"maximized":"yes"}')?.maximized,
    ).toBe(false);
  });

  it.each([
    '',
    'null',
    '[]',
    '"bounds"',
    '{',
    '{"bounds":null}',
    '{"bounds":{"x":1,"y":2,"width":900}}',
    '{"bounds":{"x":1,"y":2,"width":0,"height":700}}',
    '{"bounds":{"x":"1","y":2,"width":900,"height":700}}',
    '{"bounds":{"x":1e400,"y":2,"width":900,"height":700}}',
    '{"__proto__":{"bounds":{"x":1,"y":2,"width":900,"height":700}}}',
  ])('rejects %s', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('loadWindowState / saveWindowState', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-window-'));
    dirs.push(dir);
    return dir;
  };

  it('round-trips through the file and leaves no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('returns null for a missing or garbled file', () => {
    const dir = tempDir();
    expect(loadWindowState(path.join(dir, 'none.json'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'bad.json'), '\u0000\u0001garbage');
    expect(loadWindowState(path.join(dir, 'bad.json'))).toBeNull();
  });

  it('does not read a file far larger than any state it writes', () => {
    const dir = tempDir();
    const bounds = { x: 10, y: 20, width: 1000, height: 700 };
    fs.writeFileSync(path.join(dir, 'huge.json'), JSON.stringify({ bounds, pad: 'x'.repeat(1024 * 1024) }));
    expect(loadWindowState(path.join(dir, 'huge.json'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'padded.json'), JSON.stringify({ bounds, pad: 'x'.repeat(1024) }));
    expect(loadWindowState(path.join(dir, 'padded.json'))).toEqual({ bounds, maximized: false });
  });

  it('does not throw when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() =>
      saveWindowState(path.join(blocker, 'window-state.json'), {
        bounds: { x: 0, y: 0, width: 900, height: 700 },
        maximized: false,
      }),
    ).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
