import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate } from '../../../electron/main/app-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('buildAppMenuTemplate', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('has quit and the edit commands on %s', (platform) => {
    const r = roles(buildAppMenuTemplate({ platform, isPackaged: true }));
    expect(r).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(roles(buildAppMenuTemplate({ platform: 'win32', isPackaged: true }))).not.toContain(
      'toggleDevTools',
    );
    expect(roles(buildAppMenuTemplate({ platform: 'win32', isPackaged: false }))).toContain('toggleDevTools');
  });

  it('adds the application menu on macOS only', () => {
    expect(buildAppMenuTemplate({ platform: 'darwin', isPackaged: true })[0]?.label).toBe('Torihiki');
    expect(buildAppMenuTemplate({ platform: 'win32', isPackaged: true })[0]?.label).toBe('ファイル');
  });

  it('labels every item in Japanese (no role left to the OS language)', () => {
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [
        ...(item.type !== 'separator' && !item.label ? [item] : []),
        ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : []),
      ]);
    expect(unlabelled(buildAppMenuTemplate({ platform: 'darwin', isPackaged: false }))).toEqual([]);
  });
});
