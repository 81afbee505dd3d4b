import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDbPath } from '../../../electron/backend/paths';

describe('default data location', () => {
  it('honours TORIHIKI_DATA_DIR first', () => {
    expect(defaultDataDir({ TORIHIKI_DATA_DIR: '/data/shop' }, 'linux')).toBe(path.resolve('/data/shop'));
  });
  it('uses the XDG config folder on Linux, like Electron userData', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/Torihiki');
  });
  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Torihiki');
  });
  it('puts the database file inside the data folder', () => {
    expect(defaultDbPath({ TORIHIKI_DATA_DIR: '/x' }, 'linux')).toBe(path.resolve('/x/torihiki.sqlite'));
  });
});
