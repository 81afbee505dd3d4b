import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

import * as electronModule from 'electron';
import { createTray, trayMenuTemplate, trayTitle, trayTooltip } from '../../../electron/main/tray';
import type { FakeElectron } from './fake-electron';
import { japaneseIn } from './japanese';

const electron = electronModule as unknown as FakeElectron;

describe('trayTooltip / trayTitle', () => {
  it.each([
    [0, 'Torihiki', ''],
    [1, 'Torihiki（期限の来た対応 1件）', '1'],
    [12, 'Torihiki（期限の来た対応 12件）', '12'],
    [150, 'Torihiki（期限の来た対応 150件）', '99+'],
    [2.7, 'Torihiki（期限の来た対応 2件）', '2'],
    [-3, 'Torihiki', ''],
    [Number.NaN, 'Torihiki', ''],
    [Number.POSITIVE_INFINITY, 'Torihiki', ''],
  ])('%s -> %s / %s', (count, tooltip, title) => {
    expect(trayTooltip(count)).toBe(tooltip);
    expect(trayTitle(count)).toBe(title);
  });
});

describe('trayTooltip in English', () => {
  it.each([
    [0, 'Torihiki'],
    [1, 'Torihiki (1 follow-up due)'],
    [12, 'Torihiki (12 follow-ups due)'],
    [2.7, 'Torihiki (2 follow-ups due)'],
    [Number.NaN, 'Torihiki'],
  ])('%s -> %s', (count, tooltip) => {
    expect(trayTooltip(count, 'en')).toBe(tooltip);
  });
});

describe('trayMenuTemplate', () => {
  it('offers 開く and 終了', () => {
    const open = vi.fn();
    const quit = vi.fn();
    const items = trayMenuTemplate({ open, quit }).filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual(['開く', '終了']);
    (items[0]?.click as () => void)();
    (items[1]?.click as () => void)();
    expect(open).toHaveBeenCalledOnce();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('offers Open and Quit in English, with no Japanese left', () => {
    const items = trayMenuTemplate({ open: vi.fn(), quit: vi.fn() }, 'en');
    expect(items.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Open', 'Quit']);
    expect(japaneseIn(items)).toEqual([]);
  });
});

describe('createTray', () => {
  beforeEach(() => {
    electron.fake.trays.length = 0;
    electron.fake.existingImages.clear();
  });

  it('uses the icon from resources when there is one', () => {
    electron.fake.existingImages.add('icon.png');
    createTray({ resourcesDir: '/app/resources', platform: 'win32', onOpen: vi.fn(), onQuit: vi.fn() });
    expect((electron.fake.trays[0]?.image as { source: string }).source).toBe('/app/resources/icon.png');
  });

  it('falls back to the built-in icon when resources has none', () => {
    createTray({ resourcesDir: '/app/resources', platform: 'linux', onOpen: vi.fn(), onQuit: vi.fn() });
    expect((electron.fake.trays[0]?.image as { source: string }).source).toMatch(/^data:image\/png/);
  });

  it('starts with the plain tooltip, updates it with a due count, and reopens on click', () => {
    const onOpen = vi.fn();
    const tray = createTray({ resourcesDir: '/r', platform: 'darwin', onOpen, onQuit: vi.fn() });
    const fakeTray = electron.fake.trays[0]!;
    expect(fakeTray.tooltip).toBe('Torihiki');
    tray.setDueCount(3);
    expect(fakeTray.tooltip).toBe('Torihiki（期限の来た対応 3件）');
    expect(fakeTray.title).toBe('3');
    fakeTray.emit('click');
    expect(onOpen).toHaveBeenCalledOnce();
    tray.destroy();
    expect(fakeTray.destroyed).toBe(true);
    expect(() => tray.setDueCount(1)).not.toThrow();
  });

  const menuLabels = (fakeTray: { menu: unknown }) =>
    ((fakeTray.menu as { template: Array<{ label?: string }> }).template ?? [])
      .map((i) => i.label)
      .filter(Boolean);

  it('starts in the language it is given and rewords tooltip and menu when the language changes', () => {
    const onOpen = vi.fn();
    const tray = createTray({
      resourcesDir: '/r',
      platform: 'darwin',
      onOpen,
      onQuit: vi.fn(),
      language: 'en',
    });
    const fakeTray = electron.fake.trays[0]!;
    expect(menuLabels(fakeTray)).toEqual(['Open', 'Quit']);
    tray.setDueCount(3);
    expect(fakeTray.tooltip).toBe('Torihiki (3 follow-ups due)');

    tray.setLanguage('ja');
    // The count is kept: only the words change.
    expect(fakeTray.tooltip).toBe('Torihiki（期限の来た対応 3件）');
    expect(fakeTray.title).toBe('3');
    expect(menuLabels(fakeTray)).toEqual(['開く', '終了']);
    // The rebuilt menu still works.
    const open = (fakeTray.menu as { template: Array<{ click?: () => void }> }).template[0]?.click;
    open?.();
    expect(onOpen).toHaveBeenCalledOnce();

    tray.destroy();
    expect(() => tray.setLanguage('en')).not.toThrow();
    expect(menuLabels(fakeTray)).toEqual(['開く', '終了']);
  });
});
