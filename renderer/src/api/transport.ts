import type { EventMap, EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/** How the UI reaches the backend: Electron IPC in the desktop app, a WebSocket in browser mode. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Browser mode only: connection state changes, so the UI can say "reconnecting". */
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}
