/**
 * Maps a URL path to a file inside the renderer folder, refusing anything that could escape it
 * (`..`, encoded slashes or backslashes, NUL, drive letters). Returns a relative POSIX path or null.
 * Pure, so both the desktop app:// handler and the browser host use and test the same rule.
 */
export function resolveStaticPath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (/%2f|%5c/i.test(urlPath)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:$/.test(s))) return null;
  if (segments.length === 0) return 'index.html';
  return segments.join('/');
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  map: 'application/json; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return contentTypes[ext] ?? 'application/octet-stream';
}
