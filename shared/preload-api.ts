import type { EventMap, EventName, InputOf, MethodName, OutputOf } from './contract';
import type { Result } from './result';

/**
 * What the desktop preload puts on `window.torihiki`: one named function per contract method
 * (an allow-list generated from the contract keys) and an event subscription. No ipcRenderer.
 */
export interface PreloadApi {
  api: { [M in MethodName]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>> };
  events: {
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  };
  /** Native dialogs of the desktop app. Absent in browser mode: the UI then offers typed paths only. */
  dialogs?: {
    /** Opens the system's folder picker; the chosen folder's absolute path, or null when cancelled. */
    chooseFolder(options?: ChooseFolderOptions): Promise<string | null>;
  };
}

export interface ChooseFolderOptions {
  /** The folder the picker opens in (e.g. the one in use now). */
  defaultPath?: string;
  /** The picker's title bar. */
  title?: string;
}

export const IPC_CALL_CHANNEL = 'torihiki:call';
export const IPC_EVENT_CHANNEL = 'torihiki:event';
export const IPC_CHOOSE_FOLDER_CHANNEL = 'torihiki:choose-folder';
