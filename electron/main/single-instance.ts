import type { App } from 'electron';

/**
 * Two Torihiki processes on one ledger would race each other's writes and notifications, so a
 * second launch hands over to the first (which brings its window forward) and quits.
 * Call after app.setPath('userData'): Electron keeps the lock inside that folder.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  onSecondInstance: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}
