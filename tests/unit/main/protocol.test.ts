import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isInside,
  planAppRequest,
} from '../../../electron/main/protocol';
import { contentSecurityPolicy } from '../../../shared/security/csp';

describe('planAppRequest', () => {
  it.each([
    ['app://torihiki/', 'index.html', false],
    ['app://torihiki/index.html', 'index.html', false],
    ['app://torihiki/assets/index-abc.js', 'assets/index-abc.js', false],
    ['app://torihiki/deals/12', 'deals/12', true],
    ['app://torihiki/deals/12?tab=steps#x', 'deals/12', true],
    // The URL parser resolves dot segments (even encoded) before we see the path: still inside.
    ['app://torihiki/../../etc/passwd', 'etc/passwd', true],
    ['app://torihiki/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd', true],
    ['app://torihiki/assets/./x.css', 'assets/x.css', false],
  ])('%s -> %s', (url, relative, route) => {
    expect(planAppRequest(url, 'GET')).toEqual({ kind: 'file', relative, route });
  });

  it.each([
    ['app://torihiki/..%2f..%2fetc%2fpasswd', 400],
    ['app://torihiki/%2e%2e%2f%2e%2e%2fetc/passwd', 400],
    ['app://torihiki/..%5c..%5cwindows%5cwin.ini', 400],
    ['app://torihiki/assets\\..\\..\\secret', 400],
    ['app://torihiki/C:/Windows/win.ini', 400],
    ['app://torihiki/%00index.html', 400],
    ['app://torihiki/%E0%A4%A', 400],
    ['app://evil/index.html', 404],
    ['app://torihiki.evil/index.html', 404],
    ['app://user@torihiki/index.html', 404],
    ['app://torihiki:99/index.html', 404],
    ['app:///etc/passwd', 404],
    ['file:///etc/passwd', 404],
    ['https://torihiki/index.html', 404],
    ['not a url', 404],
  ])('refuses %s with %i', (url, status) => {
    expect(planAppRequest(url, 'GET')).toEqual({ kind: 'refuse', status });
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'get'])('refuses method %s', (method) => {
    expect(planAppRequest('app://torihiki/index.html', method)).toEqual({ kind: 'refuse', status: 405 });
  });
});

describe('isInside', () => {
  const root = path.resolve('/srv/renderer');
  it.each([
    [path.join(root, 'index.html'), true],
    [path.join(root, 'assets', 'a.js'), true],
    [root, false],
    [path.resolve(root, '..', 'secret'), false],
    [path.resolve('/srv/renderer-evil/index.html'), false],
    [path.resolve('/etc/passwd'), false],
  ])('%s -> %s', (file, inside) => {
    expect(isInside(root, file)).toBe(inside);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app:// as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let rendererDir: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-protocol-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Torihiki</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => createAppProtocolHandler(rendererDir)({ url, method });

  it('serves index.html with the CSP and nosniff', async () => {
    const res = await get('app://torihiki/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Torihiki</title>');
  });

  it('serves assets with their content type', async () => {
    const res = await get('app://torihiki/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://torihiki/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('falls back to index.html for client routes but not for missing files', async () => {
    expect(await (await get('app://torihiki/deals/12')).text()).toContain('Torihiki');
    expect((await get('app://torihiki/assets/missing.js')).status).toBe(404);
  });

  it('never serves a directory', async () => {
    fs.mkdirSync(path.join(rendererDir, 'assets', 'v1.0'));
    expect((await get('app://torihiki/assets/v1.0')).status).toBe(404);
    // Without a dot it reads as a client route, so the page itself comes back.
    expect(await (await get('app://torihiki/assets')).text()).toContain('<title>Torihiki</title>');
  });

  it.each([
    'app://torihiki/..%2fsecret.txt',
    'app://torihiki/%2e%2e%2fsecret.txt',
    'app://torihiki/..%5csecret.txt',
    'app://torihiki/assets\\..\\..\\secret.txt',
    'app://evil/secret.txt',
  ])('never serves the file beside the folder via %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('do not serve');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('does not follow a symlink out of the folder', async () => {
    try {
      fs.symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    } catch {
      return; // Symlinks need privileges on some Windows machines; nothing to test there.
    }
    const res = await get('app://torihiki/assets/link.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('do not serve');
  });
});
