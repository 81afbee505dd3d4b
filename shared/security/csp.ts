/**
 * The renderer's Content-Security-Policy, shared by the desktop protocol handler and the browser
 * host. No remote origins at all: scripts, styles, fonts and images all come from the app itself.
 * Mantine injects CSS variables at runtime, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.length ? ` ${connectSrc.join(' ')}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
