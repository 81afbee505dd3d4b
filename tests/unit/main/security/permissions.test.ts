import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../../electron/main/security/origins';
import {
  installPermissionHandlers,
  isPermissionGranted,
} from '../../../../electron/main/security/permissions';
import { hostileUrls } from './hostile-urls';

const ours = [APP_ORIGIN];
const everyOtherPermission = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'local-fonts',
  'fileSystem',
  'unknown',
  'clipboard-sanitized-write ',
  'CLIPBOARD-SANITIZED-WRITE',
];

describe('isPermissionGranted', () => {
  it('grants clipboard writes to our main frame only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://torihiki/index.html', true, ours)).toBe(
      true,
    );
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ORIGIN, true, ours)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://torihiki/index.html', false, ours)).toBe(
      false,
    );
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, true, ours)).toBe(false);
  });

  it.each(everyOtherPermission)('refuses %s even to our own page', (permission) => {
    expect(isPermissionGranted(permission, 'app://torihiki/index.html', true, ours)).toBe(false);
  });

  it.each(hostileUrls)('refuses the clipboard to %s', (url) => {
    expect(isPermissionGranted('clipboard-sanitized-write', url, true, ours)).toBe(false);
  });
});

describe('installPermissionHandlers', () => {
  it('installs both handlers and answers through them', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installPermissionHandlers(session as never, ours);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];

    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: 'app://torihiki/index.html', isMainFrame: true });
    request({}, 'clipboard-sanitized-write', callback, {
      requestingUrl: 'app://torihiki/index.html',
      isMainFrame: true,
    });
    expect(callback.mock.calls).toEqual([[false], [true]]);

    expect(check(null, 'geolocation', APP_ORIGIN, { isMainFrame: true })).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.com', { isMainFrame: true })).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', APP_ORIGIN, { isMainFrame: true })).toBe(true);
  });
});
