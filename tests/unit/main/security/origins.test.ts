import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  devServerUrl,
  MAX_URL_LENGTH,
  originOf,
  trustedOrigins,
} from '../../../../electron/main/security/origins';

describe('originOf', () => {
  it.each([
    [APP_ENTRY_URL, APP_ORIGIN],
    ['app://torihiki/', APP_ORIGIN],
    ['app://torihiki', APP_ORIGIN],
    ['APP://torihiki/deals/12?tab=steps#x', APP_ORIGIN],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['https://jp.mercari.com/item/1', 'https://jp.mercari.com'],
  ])('%s -> %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'app://evil/',
    'app://torihiki.evil/',
    'app://evil.torihiki/',
    'app://torihiki:8080/',
    'app://user@torihiki/',
    'app://torihiki@evil/',
    'app:torihiki/index.html',
    'app:///torihiki/index.html',
    'app://TORIHIKI/',
    'https://user:pw@jp.mercari.com/',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'blob:app://torihiki/1234',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
    `app://torihiki/${'a'.repeat(MAX_URL_LENGTH)}`,
  ])('%s has no origin we recognise', (url) => {
    expect(originOf(url)).toBeNull();
  });

  it.each([null, undefined, 1, {}])('non-string %#', (value) => {
    expect(originOf(value)).toBeNull();
  });
});

describe('devServerUrl', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:5173/'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/'],
    ['http://[::1]:5173/', 'http://[::1]:5173/'],
  ])('accepts loopback %s while unpackaged', (raw, expected) => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: raw }, false)).toBe(expected);
  });

  it('is ignored in a packaged app', () => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
  });

  it.each([
    'https://localhost:5173',
    'http://evil.com:5173',
    'http://localhost.evil.com/',
    'http://user@localhost:5173',
    'http://192.168.1.10:5173',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'garbage',
    '',
  ])('refuses %s', (raw) => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: raw }, false)).toBeNull();
  });

  it('is null when unset', () => {
    expect(devServerUrl({}, false)).toBeNull();
  });
});

describe('trustedOrigins', () => {
  it('is only our app origin without a dev server', () => {
    expect(trustedOrigins(null)).toEqual([APP_ORIGIN]);
  });
  it('adds the dev server origin', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });
});
