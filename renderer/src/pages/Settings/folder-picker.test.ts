import { describe, expect, it, vi } from 'vitest';
import type { PreloadApi } from '../../../../shared/preload-api';
import { folderPickerOf } from './folder-picker';

describe('folderPickerOf', () => {
  it('offers no picker in browser mode or when the preload has no dialogs', () => {
    expect(folderPickerOf({})).toBeNull();
    expect(folderPickerOf({ torihiki: { api: {} as PreloadApi['api'] } })).toBeNull();
    expect(folderPickerOf({ torihiki: { dialogs: {} as PreloadApi['dialogs'] } })).toBeNull();
    const notAFunction = { chooseFolder: 'yes' } as unknown as PreloadApi['dialogs'];
    expect(folderPickerOf({ torihiki: { dialogs: notAFunction } })).toBeNull();
  });

  it('passes the options to the desktop picker and answers the chosen folder', async () => {
    const chooseFolder = vi.fn(async () => 'D:\\バックアップ 2026');
    const pick = folderPickerOf({ torihiki: { dialogs: { chooseFolder } } });
    expect(pick).not.toBeNull();
    expect(await pick!({ defaultPath: 'C:\\Users\\母', title: '保存先' })).toBe('D:\\バックアップ 2026');
    expect(chooseFolder).toHaveBeenCalledExactlyOnceWith({ defaultPath: 'C:\\Users\\母', title: '保存先' });
  });

  it('treats a cancel, an empty answer or a non-string as no choice', async () => {
    for (const answer of [null, '', '   ', 42, undefined]) {
      const chooseFolder = vi.fn(async () => answer as string | null);
      expect(await folderPickerOf({ torihiki: { dialogs: { chooseFolder } } })!()).toBeNull();
    }
  });
});
