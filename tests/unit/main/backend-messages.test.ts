import { describe, expect, it } from 'vitest';
import { isResult, parseBackendMessage, parseMainMessage } from '../../../electron/main/backend-messages';

const garbage: unknown[] = [
  null,
  undefined,
  0,
  'reply',
  [],
  [{ type: 'reply', id: 1, result: { ok: true, value: 1 } }],
  {},
  { type: 'nonsense' },
  { type: '__proto__' },
  JSON.parse('{"__proto__":{"type":"reply"},"id":1}'),
  { type: 'reply' },
  { type: 'reply', id: '1', result: { ok: true, value: 1 } },
  { type: 'reply', id: 0, result: { ok: true, value: 1 } },
  { type: 'reply', id: -3, result: { ok: true, value: 1 } },
  { type: 'reply', id: 1.5, result: { ok: true, value: 1 } },
  { type: 'reply', id: Number.MAX_SAFE_INTEGER + 2, result: { ok: true, value: 1 } },
  { type: 'event', event: 'evil.event', payload: {} },
  { type: 'event', event: 42, payload: {} },
  { type: 'event', event: 'constructor', payload: {} },
  { type: 'notify', request: null },
  { type: 'notify', request: { key: 'k', title: 1, body: 'b', route: '/' } },
  { type: 'notify', request: { key: 'k', title: 't', body: 'b' } },
  { type: 'notify', request: { key: 'k', title: 'x'.repeat(5000), body: 'b', route: '/' } },
  { type: 'ready', schemaVersion: '3', preMigrationBackup: null },
  { type: 'ready', schemaVersion: 3, preMigrationBackup: 7 },
];

describe('parseBackendMessage', () => {
  it.each(garbage)('drops garbage %#', (raw) => {
    expect(parseBackendMessage(raw)).toBeNull();
  });

  it('reads well-formed messages', () => {
    expect(parseBackendMessage({ type: 'ready', schemaVersion: 3, preMigrationBackup: null })).toEqual({
      type: 'ready',
      schemaVersion: 3,
      preMigrationBackup: null,
    });
    expect(parseBackendMessage({ type: 'reply', id: 7, result: { ok: true, value: [1] } })).toEqual({
      type: 'reply',
      id: 7,
      result: { ok: true, value: [1] },
    });
    expect(
      parseBackendMessage({ type: 'event', event: 'data.changed', payload: { topics: ['deals'] } }),
    ).toEqual({
      type: 'event',
      event: 'data.changed',
      payload: { topics: ['deals'] },
    });
    const request = { key: 'followup:1', title: '対応期限', body: '山田様', route: '/followups' };
    expect(parseBackendMessage({ type: 'notify', request, extra: 1 })).toEqual({ type: 'notify', request });
  });

  it('turns a reply with a malformed result into a bad reply for that call', () => {
    for (const result of [
      null,
      'ok',
      { ok: true },
      { ok: false },
      { ok: false, error: { code: 'pwned', message: 'x' } },
    ]) {
      expect(parseBackendMessage({ type: 'reply', id: 4, result })).toEqual({ type: 'bad-reply', id: 4 });
    }
  });

  it('keeps a known error code from a failed open and replaces an unknown one', () => {
    expect(
      parseBackendMessage({ type: 'open-failed', error: { code: 'db_newer', message: 'newer' } }),
    ).toEqual({
      type: 'open-failed',
      error: { code: 'db_newer', message: 'newer' },
    });
    expect(
      parseBackendMessage({ type: 'open-failed', error: { code: 'rm -rf', message: 'x' } }),
    ).toMatchObject({
      type: 'open-failed',
      error: { code: 'internal' },
    });
  });

  it('keeps the issues of a failed open (the latest good backup) only when they are well formed', () => {
    const issues = [
      { path: 'latestGoodBackup', message: '/data/backups/torihiki-20261120T010000000Z-auto.sqlite' },
      { path: 'latestGoodBackupAt', message: '2026-11-20T01:00:00.000Z' },
    ];
    expect(
      parseBackendMessage({ type: 'open-failed', error: { code: 'db_corrupt', message: 'x', issues } }),
    ).toEqual({ type: 'open-failed', error: { code: 'db_corrupt', message: 'x', issues } });
    for (const bad of [
      'latestGoodBackup',
      [{ path: 'latestGoodBackup' }],
      [{ path: 1, message: 'x' }],
      [{ path: 'p', message: 'x'.repeat(100_000) }],
      [null],
      Array.from({ length: 1000 }, () => ({ path: 'p', message: 'm' })),
    ]) {
      expect(
        parseBackendMessage({
          type: 'open-failed',
          error: { code: 'db_corrupt', message: 'x', issues: bad },
        }),
      ).toEqual({ type: 'open-failed', error: { code: 'db_corrupt', message: 'x' } });
    }
  });
});

describe('parseMainMessage', () => {
  it.each([
    ...garbage,
    { type: 'open' },
    { type: 'open', dbPath: '' },
    { type: 'open', dbPath: 5 },
    { type: 'call', id: 1 },
    { type: 'call', id: 1, method: 'x'.repeat(101) },
    { type: 'call', id: 'a', method: 'system.info' },
  ])('drops garbage %#', (raw) => {
    expect(parseMainMessage(raw)).toBeNull();
  });

  it('reads well-formed messages', () => {
    expect(parseMainMessage({ type: 'open', dbPath: '/d/torihiki.sqlite' })).toEqual({
      type: 'open',
      dbPath: '/d/torihiki.sqlite',
    });
    expect(parseMainMessage({ type: 'call', id: 2, method: 'system.info' })).toEqual({
      type: 'call',
      id: 2,
      method: 'system.info',
      input: undefined,
    });
    expect(parseMainMessage({ type: 'close' })).toEqual({ type: 'close' });
    // Extra fields never travel further than the parser.
    expect(parseMainMessage({ type: 'wake', reason: 'x'.repeat(10_000) })).toEqual({ type: 'wake' });
  });
});

describe('isResult', () => {
  it.each([
    [{ ok: true, value: null }, true],
    [{ ok: true, value: undefined }, true],
    [{ ok: false, error: { code: 'not_found', message: 'gone' } }, true],
    [{ ok: true }, false],
    [{ ok: 'true', value: 1 }, false],
    [{ ok: false, error: { code: 'not_found' } }, false],
    [{ ok: false, error: 'boom' }, false],
  ])('%j -> %s', (value, expected) => {
    expect(isResult(value)).toBe(expected);
  });
});
