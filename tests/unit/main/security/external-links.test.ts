import { describe, expect, it, vi } from 'vitest';
import {
  EXTERNAL_HOSTS,
  isAllowedExternalUrl,
  MAX_EXTERNAL_URL_LENGTH,
  openExternalIfAllowed,
} from '../../../../electron/main/security/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://auctions.yahoo.co.jp/',
    'https://page.auctions.yahoo.co.jp/jp/auction/x123456789',
    'https://jp.mercari.com/item/m12345678901',
    'https://item.rakuten.co.jp/shop/item-1/',
    'https://rakuten.co.jp',
    'https://sellercentral.amazon.co.jp/orders-v3/order/250-1234567-1234567',
    'https://store.shopping.yahoo.co.jp/shop/item.html',
    'https://thebase.in/',
    'https://admin.thebase.in/orders',
    'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012',
    'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=123456789012',
    'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789012',
    'HTTPS://jp.mercari.com/item/1',
    'https://jp.mercari.com/search?keyword=%E3%83%86%E3%82%B9%E3%83%88#top',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // not https
    ['http://jp.mercari.com/', 'plain http'],
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)//https://jp.mercari.com', 'javascript, mixed case'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['file:///C:/Windows/System32/calc.exe', 'file'],
    ['file://jp.mercari.com/etc/passwd', 'file with an allowed host'],
    ['ftp://jp.mercari.com/', 'ftp'],
    ['mailto:shop@example.com', 'mailto'],
    ['ms-settings:privacy', 'Windows protocol handler'],
    ['search-ms:query=x', 'Windows search handler'],
    ['app://torihiki/index.html', 'our own scheme'],
    ['//jp.mercari.com/', 'protocol-relative'],
    ['jp.mercari.com', 'no scheme'],
    ['https:jp.mercari.com', 'no slashes'],
    ['https:/jp.mercari.com', 'one slash'],
    // hosts
    ['https://evil.com/', 'host not on the list'],
    ['https://rakuten.co.jp.evil.com/', 'lookalike suffix'],
    ['https://evilrakuten.co.jp/', 'lookalike prefix without a dot'],
    ['https://mercari.com/', 'parent of an allowed host'],
    ['https://yahoo.co.jp/', 'parent of an allowed host'],
    ['https://shopping.yahoo.co.jp/', 'sibling of an allowed host'],
    ['https://amazon.co.jp/', 'parent of sellercentral'],
    ['https://rakuten.co.jp./', 'trailing dot'],
    ['https://.rakuten.co.jp/', 'empty label'],
    ['https://a..rakuten.co.jp/', 'empty inner label'],
    ['https://rakuten%2eco.jp/', 'percent-encoded dot'],
    ['https://ｒａｋｕｔｅｎ.co.jp/', 'full-width letters'],
    ['https://rakuten。co。jp/', 'ideographic full stops'],
    ['https://rakutеn.co.jp/', 'Cyrillic e (IDN homograph)'],
    ['https://xn--rakutn-3ve.co.jp/', 'punycode homograph'],
    ['https://123.45.67.89/', 'IPv4'],
    ['https://[::1]/', 'IPv6'],
    ['https://0x7f.0.0.1/', 'hex IPv4'],
    ['https://localhost/', 'localhost'],
    // userinfo and ports
    ['https://jp.mercari.com@evil.com/', 'allowed host as userinfo'],
    ['https://user:pass@jp.mercari.com/', 'credentials'],
    ['https://user@jp.mercari.com/', 'username'],
    ['https://@jp.mercari.com/', 'empty userinfo'],
    ['https://jp.mercari.com:443/', 'explicit default port'],
    ['https://jp.mercari.com:8443/', 'other port'],
    ['https://jp.mercari.com:/', 'empty port'],
    // things a browser would repair
    ['https:\\\\jp.mercari.com\\', 'backslashes'],
    ['https://evil.com\\@jp.mercari.com/', 'backslash userinfo trick'],
    [' https://jp.mercari.com/', 'leading space'],
    ['https://jp.mercari.com/\n', 'trailing newline'],
    ['https://jp.mer\tcari.com/', 'tab inside host'],
    ['https://jp.mercari.com/\u3000', 'ideographic space'],
    ['https://jp.mercari.com/\u0000', 'NUL'],
    ['https://jp.mercari.com/' + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH), 'very long'],
    ['', 'empty'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://jp.mercari.com/'], new URL('https://jp.mercari.com/')])(
    'refuses a non-string %#',
    (value) => {
      expect(isAllowedExternalUrl(value)).toBe(false);
    },
  );

  it('covers every host on the list, and their subdomains', () => {
    for (const host of EXTERNAL_HOSTS) {
      expect(isAllowedExternalUrl(`https://${host}/`)).toBe(true);
      expect(isAllowedExternalUrl(`https://www.${host}/`)).toBe(true);
      expect(isAllowedExternalUrl(`https://${host}.evil.com/`)).toBe(false);
      expect(isAllowedExternalUrl(`https://x${host}/`)).toBe(false);
    }
  });
});

describe('openExternalIfAllowed', () => {
  it('opens an allowed URL with the normalised href', () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openExternalIfAllowed('HTTPS://JP.Mercari.com/item/1', open)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://jp.mercari.com/item/1');
  });

  it('never calls the opener for a refused URL', () => {
    const open = vi.fn(() => Promise.resolve());
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://evil.com/']) {
      expect(openExternalIfAllowed(url, open)).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('swallows a failing opener instead of crashing main', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const open = vi.fn(() => Promise.reject(new Error('no browser')));
    expect(openExternalIfAllowed('https://jp.mercari.com/', open)).toBe(true);
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });
});
