import type { WebContents } from 'electron';
import { isTrustedOrigin } from './origins';

/** A page may only ever navigate within our own origin; everything else is refused. */
export function isAllowedNavigation(url: unknown, trustedOrigins: readonly string[]): boolean {
  return isTrustedOrigin(url, trustedOrigins);
}

export interface NavigationGuardOptions {
  trustedOrigins: readonly string[];
  /** Offered every refused URL; opens it in the browser when it is on the external allow-list. */
  openExternal: (url: string) => void;
  log?: (message: string) => void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Installs the navigation half of the security baseline on any web contents, including ones we
 * did not expect to exist (attached from app 'web-contents-created').
 */
export function attachNavigationGuards(contents: GuardedContents, options: NavigationGuardOptions): void {
  const { trustedOrigins, openExternal } = options;
  const log = options.log ?? (() => undefined);
  const refuse = (kind: string, url: string) => log(`[security] refused ${kind} to ${url.slice(0, 200)}`);

  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, trustedOrigins)) return;
    event.preventDefault();
    refuse('navigation', event.url);
    // A plain <a href> to a marketplace page is a request to open it, just not in our window.
    openExternal(event.url);
  });
  // will-navigate covers the main frame only; iframes are never ours to navigate anywhere else.
  // Main frames are left to will-navigate, which Electron skips once this event was prevented.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAllowedNavigation(event.url, trustedOrigins)) return;
    event.preventDefault();
    refuse('frame navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url, trustedOrigins)) return;
    event.preventDefault();
    refuse('redirect', event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    refuse('new window', url);
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('webview', '');
  });
}
