/**
 * Who "we" are. The renderer is served from app://torihiki; every security decision in main
 * (navigation, IPC sender, permissions) compares against this list of origins and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'torihiki';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer URLs are never ours; refusing them early keeps parsing cheap and logs readable. */
export const MAX_URL_LENGTH = 8192;

/**
 * The origin of `url` as `scheme://host[:port]`, or null when the URL is malformed, carries
 * userinfo, or is an app:// URL with any host but ours. Node's URL treats app: as a non-special
 * scheme whose `origin` is "null", so the origin is built by hand and compared as a string.
 */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST ? APP_ORIGIN : null;
    case 'http:':
    case 'https:':
      return `${parsed.protocol}//${parsed.host}`;
    default:
      return null;
  }
}

export function isTrustedOrigin(url: unknown, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server origin (ELECTRON_RENDERER_URL), honoured only in an unpackaged
 * app and only on loopback over plain http: an installed Torihiki must never be pointed at
 * another page by an environment variable.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw || raw.length > 200) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' || parsed.username !== '' || parsed.password !== '') return null;
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return parsed.href;
}

/** Our own origin, plus the dev server's while developing. */
export function trustedOrigins(devUrl: string | null): string[] {
  const dev = devUrl === null ? null : originOf(devUrl);
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev];
}
