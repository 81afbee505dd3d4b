import { describe, expect, it } from 'vitest';
import { describeFrame, isTrustedSender } from '../../../../electron/main/security/ipc-sender';
import { APP_ORIGIN } from '../../../../electron/main/security/origins';
import { hostileUrls } from './hostile-urls';

const ours = [APP_ORIGIN];

describe('isTrustedSender', () => {
  it('trusts our main frame', () => {
    expect(isTrustedSender({ url: 'app://torihiki/index.html', isMainFrame: true }, ours)).toBe(true);
    expect(isTrustedSender({ url: 'app://torihiki/deals/3?x=1#y', isMainFrame: true }, ours)).toBe(true);
  });

  it('does not trust our own page inside an iframe', () => {
    expect(isTrustedSender({ url: 'app://torihiki/index.html', isMainFrame: false }, ours)).toBe(false);
  });

  it.each(hostileUrls)('does not trust a main frame at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true }, ours)).toBe(false);
  });

  it.each([null, undefined, { url: 'app://torihiki/', isMainFrame: 'yes' as unknown as boolean }])(
    'does not trust a missing or odd frame %#',
    (frame) => {
      expect(isTrustedSender(frame, ours)).toBe(false);
    },
  );
});

describe('describeFrame', () => {
  it('treats a frame without a parent as the main frame', () => {
    expect(describeFrame({ url: 'app://torihiki/', parent: null })).toEqual({
      url: 'app://torihiki/',
      isMainFrame: true,
    });
    expect(describeFrame({ url: 'app://torihiki/', parent: {} })).toEqual({
      url: 'app://torihiki/',
      isMainFrame: false,
    });
    expect(describeFrame(null)).toBeNull();
  });
});
