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
}

export const IPC_CALL_CHANNEL = 'torihiki:call';
export const IPC_EVENT_CHANNEL = 'torihiki:event';
