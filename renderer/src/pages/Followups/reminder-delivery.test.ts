import { describe, expect, it } from 'vitest';
import { deliveryFor, safeRoute } from './reminder-delivery';

describe('reminder delivery', () => {
  it.each([
    [{ desktop: true, permission: 'granted' as const }, 'desktop-shell'],
    [{ desktop: true, permission: 'unsupported' as const }, 'desktop-shell'],
    [{ desktop: false, permission: 'granted' as const }, 'web-notification'],
    [{ desktop: false, permission: 'default' as const }, 'in-app'],
    [{ desktop: false, permission: 'denied' as const }, 'in-app'],
    [{ desktop: false, permission: 'unsupported' as const }, 'in-app'],
  ])('%j → %s', (env, expected) => {
    expect(deliveryFor(env)).toBe(expected);
  });

  it.each([
    ['/cases/12', '/cases/12'],
    ['/followups', '/followups'],
    ['//evil.example/x', '/followups'],
    ['https://evil.example/', '/followups'],
    ['javascript:alert(1)', '/followups'],
    ['/cases/1 onclick', '/followups'],
    ['/\\evil', '/followups'],
  ])('route %s → %s', (route, expected) => {
    expect(safeRoute({ key: 'k', title: 't', body: 'b', route })).toBe(expected);
  });
});
