import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../shared/security/static-path';

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/./assets//x.css', 'assets/x.css'],
    ['/assets/%E6%97%A5%E6%9C%AC.png', 'assets/日本.png'],
  ])('maps %j to %j', (input, expected) => {
    expect(resolveStaticPath(input)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret',
    '/assets%2F..%2F..%2Fsecret',
    '/..%5c..%5csecret',
    '/..\\..\\windows\\win.ini',
    '/C:/Windows/win.ini',
    '/assets/file%00.js',
    '/%E0%A4%A',
    '/' + '../'.repeat(1000) + 'etc/passwd',
  ])('refuses %j', (input) => {
    expect(resolveStaticPath(input)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.JS', 'text/javascript; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
