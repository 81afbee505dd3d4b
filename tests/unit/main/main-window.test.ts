import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

import * as electronModule from 'electron';
import { createMainWindow, revealWindow } from '../../../electron/main/main-window';

const electron = electronModule as unknown as FakeElectron;
let dir: string;

beforeEach(() => {
  electron.fake.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-window-'));
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(keepRunning = true) {
  const win = createMainWindow({
    preload: '/app/out/preload/index.cjs',
    url: 'app://torihiki/index.html',
    icon: {} as never,
    stateFile: path.join(dir, 'window-state.json'),
    allowDevTools: false,
    keepRunningOnClose: () => keepRunning,
  });
  return { win: win as unknown as (typeof electron.fake.windows)[number] };
}

describe('createMainWindow', () => {
  it('opens hidden and shows when the page is ready', () => {
    const { win } = open();
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('shows the window anyway if the page never gets ready', () => {
    vi.useFakeTimers();
    const { win } = open();
    vi.advanceTimersByTime(5_000);
    expect(win.visible).toBe(true);
  });

  it('does not show again a window the user already hid', () => {
    vi.useFakeTimers();
    const { win } = open();
    win.emit('ready-to-show');
    win.userCloses();
    vi.advanceTimersByTime(5_000);
    expect(win.visible).toBe(false);
  });

  it('brings a window saved on a monitor that is gone back on screen', () => {
    fs.writeFileSync(
      path.join(dir, 'window-state.json'),
      JSON.stringify({ bounds: { x: 5000, y: 3000, width: 1100, height: 700 }, maximized: false }),
    );
    const { win } = open();
    expect(win.options).toMatchObject({ x: 410, y: 170, width: 1100, height: 700 });
  });

  it('really closes when Torihiki is not kept running', () => {
    const { win } = open(false);
    expect(win.userCloses()).toBe(true);
    expect(fs.existsSync(path.join(dir, 'window-state.json'))).toBe(true);
  });
});

describe('revealWindow', () => {
  it('restores, shows and focuses', () => {
    const { win } = open();
    win.minimized = true;
    revealWindow(win as never);
    expect(win.restore).toHaveBeenCalled();
    expect(win.visible).toBe(true);
    expect(win.focus).toHaveBeenCalled();
  });
});
