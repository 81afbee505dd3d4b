import type { EventMap } from '../../../shared/contract';
import type { ServiceContext } from '../context';

export type ProgressPhase = EventMap['imports.progress']['phase'];

/** Reports how far a long import call is; a no-op when the caller gave no token. */
export interface Progress {
  report(phase: ProgressPhase, done: number, total: number): void;
}

/** Events at most this often (~10 a second), plus the first and last of each phase. */
export const PROGRESS_INTERVAL_MS = 100;

const silent: Progress = { report() {} };

/**
 * The backend's calls are synchronous, so events are emitted from inside the work: both transports write
 * them out at once (the WebSocket host writes to the socket, the utility process posts to main), so they
 * reach the UI while the call still runs. Throttled so a 100,000-row file sends a few dozen, not 100,000.
 */
export function progressFor(
  ctx: Pick<ServiceContext, 'emit'>,
  token: string | undefined,
  now: () => number = () => performance.now(),
): Progress {
  const emit = ctx.emit;
  if (!token || !emit) return silent;
  let last = -Infinity;
  let lastPhase: ProgressPhase | null = null;
  return {
    report(phase, done, total) {
      const t = now();
      const edge = phase !== lastPhase || done >= total;
      if (!edge && t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      lastPhase = phase;
      emit('imports.progress', { token, phase, done: Math.min(done, total), total });
    },
  };
}
