/** The part of Electron's powerMonitor this module uses, so it can be tested without Electron. */
export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/** Events after which reminders may have come due unnoticed: timers do not run while the computer sleeps. */
export const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

/**
 * Calls onWake when the computer resumes from sleep or the screen is unlocked. Resume and unlock often
 * arrive together; calls within `debounceMs` of the last one are merged (the backend would find nothing new).
 * Returns a function that stops listening.
 */
export function watchWakeUps(
  monitor: PowerMonitorLike,
  onWake: () => void,
  options: { debounceMs?: number; now?: () => number } = {},
): () => void {
  const debounceMs = options.debounceMs ?? 2_000;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  const listener = () => {
    const at = now();
    if (at - last < debounceMs) return;
    last = at;
    try {
      onWake();
    } catch (e) {
      console.error('[power] wake-up handling failed', e);
    }
  };
  for (const event of WAKE_EVENTS) monitor.on(event, listener);
  return () => {
    for (const event of WAKE_EVENTS) monitor.removeListener(event, listener);
  };
}
