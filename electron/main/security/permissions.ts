import type { Session } from 'electron';
import { isTrustedOrigin } from './origins';

/**
 * The one permission our own page gets: writing to the clipboard, so "copy reply" buttons work
 * (Chromium routes navigator.clipboard.writeText through the permission handler). Everything
 * else (camera, location, notifications from the page, reading the clipboard...) is refused.
 */
const GRANTED_TO_OUR_PAGE: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
  trustedOrigins: readonly string[],
): boolean {
  if (!GRANTED_TO_OUR_PAGE.has(permission) || !isMainFrame) return false;
  return isTrustedOrigin(requestingUrl, trustedOrigins);
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function installPermissionHandlers(
  session: PermissionSession,
  trustedOrigins: readonly string[],
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      permission,
      details.requestingUrl ?? requestingOrigin,
      details.isMainFrame,
      trustedOrigins,
    ),
  );
}
