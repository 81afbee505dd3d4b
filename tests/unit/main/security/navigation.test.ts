import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { attachNavigationGuards, isAllowedNavigation } from '../../../../electron/main/security/navigation';
import { APP_ORIGIN } from '../../../../electron/main/security/origins';
import { hostileUrls } from './hostile-urls';

const ours = [APP_ORIGIN];

describe('isAllowedNavigation', () => {
  it.each([
    'app://torihiki/index.html',
    'app://torihiki/',
    'app://torihiki/deals/12?tab=steps',
    'app://torihiki/%2e%2e/%2e%2e/etc/passwd',
    'app://torihiki/index.html#/followups',
  ])('allows our own %s', (url) => {
    expect(isAllowedNavigation(url, ours)).toBe(true);
  });

  it.each(hostileUrls)('refuses %s', (url) => {
    expect(isAllowedNavigation(url, ours)).toBe(false);
  });

  it('allows the dev server only when it is trusted', () => {
    expect(isAllowedNavigation('http://localhost:5173/deals', ours)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/deals', [...ours, 'http://localhost:5173'])).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/deals', [...ours, 'http://localhost:5173'])).toBe(
      false,
    );
  });
});

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

function guarded() {
  const contents = new FakeContents();
  const openExternal = vi.fn();
  attachNavigationGuards(contents as never, { trustedOrigins: ours, openExternal, log: () => undefined });
  return { contents, openExternal };
}

describe('attachNavigationGuards', () => {
  it('lets our own navigations through', () => {
    const { contents, openExternal } = guarded();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const event = navigationEvent('app://torihiki/index.html');
      contents.emit(name, event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(hostileUrls)('prevents will-navigate and will-redirect to %s', (url) => {
    const { contents } = guarded();
    const navigate = navigationEvent(url);
    const redirect = navigationEvent(url);
    contents.emit('will-navigate', navigate);
    contents.emit('will-redirect', redirect);
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('offers a refused main-frame navigation to the external opener, not a redirect', () => {
    const { contents, openExternal } = guarded();
    contents.emit('will-navigate', navigationEvent('https://jp.mercari.com/item/1'));
    contents.emit('will-redirect', navigationEvent('https://jp.mercari.com/item/2'));
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://jp.mercari.com/item/1');
  });

  it('prevents subframe navigations away from us but leaves main frames to will-navigate', () => {
    const { contents } = guarded();
    const sub = navigationEvent('https://evil.com/', false);
    const main = navigationEvent('https://evil.com/', true);
    contents.emit('will-frame-navigate', sub);
    contents.emit('will-frame-navigate', main);
    expect(sub.preventDefault).toHaveBeenCalled();
    expect(main.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://jp.mercari.com/', 'app://torihiki/index.html', 'javascript:alert(1)', 'about:blank'])(
    'denies every new window, even %s',
    (url) => {
      const { contents, openExternal } = guarded();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      expect(openExternal).toHaveBeenCalledWith(url);
    },
  );

  it('prevents webviews from attaching', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
