import type { ChooseFolderOptions, PreloadApi } from '../../../../shared/preload-api';

export type FolderPicker = (options?: ChooseFolderOptions) => Promise<string | null>;

/**
 * The desktop app's native folder picker, or null where there is none (browser mode, tests, an older
 * preload): the UI then shows no picker button and the typed path is the only way in.
 */
export function folderPickerOf(host: { torihiki?: Partial<PreloadApi> }): FolderPicker | null {
  const choose = host.torihiki?.dialogs?.chooseFolder;
  if (typeof choose !== 'function') return null;
  return async (options) => {
    const folder = await choose(options);
    // Only a non-empty string is a choice; anything else is treated as "cancelled".
    return typeof folder === 'string' && folder.trim() !== '' ? folder : null;
  };
}
