/**
 * Sites a seller legitimately opens from Torihiki: marketplaces and carriers' tracking pages.
 * Hosts only; a host matches itself and its subdomains.
 */
export const EXTERNAL_HOSTS = [
  'auctions.yahoo.co.jp',
  'jp.mercari.com',
  'rakuten.co.jp',
  'sellercentral.amazon.co.jp',
  'store.shopping.yahoo.co.jp',
  'thebase.in',
  // Yamato Transport parcel tracking
  'toi.kuronekoyamato.co.jp',
  // Japan Post parcel tracking
  'trackings.post.japanpost.jp',
  // Sagawa Express parcel tracking
  'k2k.sagawa-exp.co.jp',
] as const;

export const MAX_EXTERNAL_URL_LENGTH = 2048;

const CANONICAL_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
// Whitespace (including U+3000), controls and backslashes are what browsers silently "repair";
// a URL that needs repairing is not one we generated, so it is refused rather than normalised.
// eslint-disable-next-line no-control-regex
const SUSPICIOUS_CHARS = /[\s\\\u0000-\u001f\u007f]/;

/**
 * True only for an https URL whose host is on the allow-list (exactly or as a subdomain), with no
 * userinfo, no explicit port (not even :443) and a host already written in canonical ASCII, so
 * percent-encoded, full-width or IDN spellings never sneak past the comparison.
 */
export function isAllowedExternalUrl(url: unknown, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  if (SUSPICIOUS_CHARS.test(url)) return false;
  const authority = /^https:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (authority === undefined || authority.includes('@') || authority.includes(':')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '')
    return false;
  const host = parsed.hostname;
  if (host !== authority.toLowerCase() || !CANONICAL_HOST.test(host)) return false;
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Opens `url` in the user's browser when allowed; returns whether it did. */
export function openExternalIfAllowed(url: unknown, open: (url: string) => Promise<void>): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  open(new URL(url as string).href).catch((e: unknown) => {
    console.error('[security] could not open an external link', e);
  });
  return true;
}
