import type { CustomScheme } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { contentTypeFor, resolveStaticPath } from '../../shared/security/static-path';
import { APP_HOST, APP_SCHEME, originOf, APP_ORIGIN } from './security/origins';

/**
 * `standard` gives app:// a real origin (so relative URLs, localStorage and the CSP's 'self' work),
 * `secure` makes it a secure context. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
};

export type AppRequestPlan =
  | {
      kind: 'file';
      relative: string;
      /** A client-side route: serve index.html when no such file exists. */ route: boolean;
    }
  | { kind: 'refuse'; status: 400 | 404 | 405 };

/** Decides what an app:// request may read, before touching the disk. */
export function planAppRequest(url: string, method: string): AppRequestPlan {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refuse', status: 405 };
  if (originOf(url) !== APP_ORIGIN) return { kind: 'refuse', status: 404 };
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== APP_HOST) return { kind: 'refuse', status: 404 };
    pathname = parsed.pathname;
  } catch {
    return { kind: 'refuse', status: 400 };
  }
  const relative = resolveStaticPath(pathname);
  if (relative === null) return { kind: 'refuse', status: 400 };
  const last = relative.slice(relative.lastIndexOf('/') + 1);
  return { kind: 'file', relative, route: !last.includes('.') };
}

/** True when `file` is strictly inside `root` (both absolute, already resolved). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const securityHeaders = (): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

function refusal(status: number): Response {
  return new Response(null, { status, headers: securityHeaders() });
}

/**
 * The app:// handler: serves files from the built renderer folder only. Paths are checked three
 * times: by the URL parser, by resolveStaticPath, and by comparing real paths on disk, so neither
 * `..`, encoded separators nor a symlink can reach a file outside the folder.
 */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: { url: string; method: string }) => Promise<Response> {
  const root = path.resolve(rendererDir);
  let realRoot: Promise<string> | null = null;

  const readInside = async (relative: string): Promise<Buffer | null> => {
    const file = path.resolve(root, relative);
    if (!isInside(root, file)) return null;
    try {
      realRoot ??= fs.realpath(root);
      const real = await fs.realpath(file);
      if (!isInside(await realRoot, real)) return null;
      const stat = await fs.stat(real);
      return stat.isFile() ? await fs.readFile(real) : null;
    } catch {
      return null;
    }
  };

  return async (request) => {
    const plan = planAppRequest(request.url, request.method);
    if (plan.kind === 'refuse') return refusal(plan.status);
    let relative = plan.relative;
    let body = await readInside(relative);
    if (body === null && plan.route) {
      relative = 'index.html';
      body = await readInside(relative);
    }
    if (body === null) return refusal(404);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders(), 'content-type': contentTypeFor(relative) },
    });
  };
}
