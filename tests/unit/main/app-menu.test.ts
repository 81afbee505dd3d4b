import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate } from '../../../electron/main/app-menu';
import { japaneseIn } from './japanese';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);

const platforms = ['win32', 'linux', 'darwin'] as const;
const every = platforms.flatMap((platform) => [true, false].map((isPackaged) => ({ platform, isPackaged })));

describe('buildAppMenuTemplate', () => {
  it.each(platforms)('has quit and the edit commands on %s', (platform) => {
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

  it.each(['ja', 'en'] as const)('labels every item in %s (no role left to the OS language)', (language) => {
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [
        ...(item.type !== 'separator' && !item.label ? [item] : []),
        ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : []),
      ]);
    expect(unlabelled(buildAppMenuTemplate({ platform: 'darwin', isPackaged: false, language }))).toEqual([]);
  });

  it('keeps the Japanese labels word for word, Japanese being the default', () => {
    const mac = buildAppMenuTemplate({ platform: 'darwin', isPackaged: false });
    expect(labels(mac)).toEqual([
      'Torihiki',
      'Torihiki について',
      'Torihiki を隠す',
      'ほかを隠す',
      'すべてを表示',
      'Torihiki を終了',
      'ファイル',
      'ウインドウを閉じる',
      '編集',
      '元に戻す',
      'やり直す',
      '切り取り',
      'コピー',
      '貼り付け',
      'すべてを選択',
      '表示',
      '再読み込み',
      '実際のサイズ',
      '拡大',
      '縮小',
      '全画面表示',
      '開発者ツール',
      'ウインドウ',
      '最小化',
      'すべてを手前に移動',
    ]);
    expect(buildAppMenuTemplate({ platform: 'win32', isPackaged: true, language: 'ja' })).toEqual(
      buildAppMenuTemplate({ platform: 'win32', isPackaged: true }),
    );
    expect(labels(buildAppMenuTemplate({ platform: 'win32', isPackaged: true }))).toEqual(
      expect.arrayContaining(['終了', '閉じる']),
    );
  });

  it.each(every)('has no Japanese left in English ($platform, packaged: $isPackaged)', (options) => {
    const english = buildAppMenuTemplate({ ...options, language: 'en' });
    expect(japaneseIn(english)).toEqual([]);
    // The check itself finds Japanese where there is some.
    expect(japaneseIn(buildAppMenuTemplate({ ...options, language: 'ja' })).length).toBeGreaterThan(5);
  });

  it('has the same items and roles in both languages, only the words differ', () => {
    for (const options of every) {
      const ja = buildAppMenuTemplate({ ...options, language: 'ja' });
      const en = buildAppMenuTemplate({ ...options, language: 'en' });
      expect(roles(en)).toEqual(roles(ja));
      expect(labels(en)).toHaveLength(labels(ja).length);
    }
    expect(labels(buildAppMenuTemplate({ platform: 'darwin', isPackaged: true, language: 'en' }))).toEqual(
      expect.arrayContaining(['About Torihiki', 'Quit Torihiki', 'Edit', 'Copy', 'Paste', 'Window']),
    );
  });
});
