import type { PreloadApi } from '../../../shared/preload-api';
import type { Result } from '../../../shared/result';
import type { Transport } from './transport';

export function electronTransport(bridge: PreloadApi): Transport {
  return {
    call(method, input) {
      const fn = (bridge.api as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>)[
        method
      ];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: method } });
      return fn(input);
    },
    on: (event, listener) => bridge.events.on(event, listener),
  };
}
