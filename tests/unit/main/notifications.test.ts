import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  createNotificationCentre,
  isInAppRoute,
  type NotificationLike,
} from '../../../electron/main/notifications';

describe('isInAppRoute', () => {
  it.each(['/', '/followups', '/deals/12?tab=steps', '/cases/3#reply', '/search?q=%E5%B1%B1%E7%94%B0'])(
    'accepts %s',
    (route) => {
      expect(isInAppRoute(route)).toBe(true);
    },
  );

  it.each([
    '',
    'followups',
    '//evil.com/x',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com/',
    'javascript:alert(1)',
    'app://torihiki/',
    '/deals/1\nSet-Cookie: x',
    '/a b',
    '/\u0000',
    `/${'a'.repeat(3000)}`,
    null,
    42,
  ])('rejects %s', (route) => {
    expect(isInAppRoute(route)).toBe(false);
  });
});

class FakeNotification extends EventEmitter implements NotificationLike {
  shown = false;
  closed = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
}

function centre(supported = true) {
  const created: FakeNotification[] = [];
  const onActivate = vi.fn();
  const c = createNotificationCentre({
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
    onActivate,
  });
  return { c, created, onActivate };
}

const request = { key: 'followup:1', title: '対応期限です', body: '山田様への返信', route: '/followups/1' };

describe('createNotificationCentre', () => {
  it('shows a notification and keeps it referenced until clicked', () => {
    const { c, created, onActivate } = centre();
    expect(c.show(request)).toBe(true);
    expect(created[0]?.shown).toBe(true);
    expect(created[0]?.options).toEqual({ title: request.title, body: request.body });
    expect(c.size).toBe(1);
    created[0]?.emit('click');
    expect(onActivate).toHaveBeenCalledExactlyOnceWith('/followups/1');
    expect(c.size).toBe(0);
  });

  it.each(['close', 'failed'])('releases a notification on %s', (event) => {
    const { c, created, onActivate } = centre();
    c.show(request);
    created[0]?.emit(event);
    expect(c.size).toBe(0);
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('replaces a notification with the same key, and keeps different keys apart', () => {
    const { c, created } = centre();
    c.show(request);
    c.show({ ...request, body: 'updated' });
    c.show({ ...request, key: 'followup:2' });
    expect(created[0]?.closed).toBe(true);
    expect(c.size).toBe(2);
    // The replaced one's close event must not release its successor.
    created[0]?.emit('close');
    expect(c.size).toBe(2);
  });

  it('sends a click on a notification with a hostile route to the home page', () => {
    const { c, created, onActivate } = centre();
    c.show({ ...request, route: 'https://evil.com/' });
    created[0]?.emit('click');
    expect(onActivate).toHaveBeenCalledExactlyOnceWith('/');
  });

  it('truncates very long text', () => {
    const { c, created } = centre();
    c.show({ ...request, title: '件'.repeat(500), body: '本'.repeat(5000) });
    expect(created[0]?.options.title.length).toBeLessThanOrEqual(100);
    expect(created[0]?.options.body.length).toBeLessThanOrEqual(300);
  });

  it('does nothing where notifications are unsupported', () => {
    const { c, created } = centre(false);
    expect(c.show(request)).toBe(false);
    expect(created).toHaveLength(0);
  });
});
