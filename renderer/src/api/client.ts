import type { EventMap, EventName, InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import type { PreloadApi } from '../../../shared/preload-api';
import { electronTransport } from './electron-transport';
import type { Transport } from './transport';
import { wsTransport } from './ws-transport';

/** A failed contract call, thrown so TanStack Query can show it; carries the backend's code and field issues. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  transport: Transport;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport,
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    on: (event, listener) => transport.on(event, listener),
  };
}

/** Picks the desktop bridge when the preload provided one, otherwise the browser-mode socket. */
export function detectTransport(): Transport {
  const bridge = (window as unknown as { torihiki?: PreloadApi }).torihiki;
  return bridge
    ? electronTransport(bridge)
    : wsTransport(window.location, window.history, window.sessionStorage);
}
