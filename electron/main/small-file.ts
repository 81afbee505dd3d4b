import fs from 'node:fs';
import path from 'node:path';

/**
 * The little files main keeps beside the ledger (window position, language): read with a size cap and
 * written through a temporary file and a rename. They only make the next start nicer, so a missing,
 * oversized or unreadable one is "nothing saved", never an error.
 */

/** The file's text, or null when it is missing, unreadable or longer than `maxBytes`. */
export function readSmallFile(file: string, maxBytes: number): string | null {
  let fd: number | undefined;
  try {
    // A folder or a pipe in its place is not a saved file (and opening a pipe would wait for a writer).
    if (!fs.statSync(file).isFile()) return null;
    fd = fs.openSync(file, 'r');
    // One byte more than allowed tells an oversized file from one of exactly the limit, without reading
    // a hand-edited or planted gigabyte into memory.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return null;
    }
    return buffer.toString('utf8', 0, length);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Written through a temporary file and a rename, so a crash mid-write never leaves half a file. Failures
 * are logged under `label` and swallowed; returns whether the file was written.
 */
export function writeSmallFile(file: string, text: string, label: string): boolean {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    return true;
  } catch (e) {
    console.warn(`[${label}] could not save`, (e as Error).message);
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing was written if the folder itself is unusable.
    }
    return false;
  }
}

/** The JSON object in a small file's text, or null for anything else (garbage, an array, a bare value). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : null;
}
