import { MAX_IMPORT_FILE_BASE64, MAX_IMPORT_FILES } from '../../../../shared/contract';
import { MAX_MESSAGE_BYTES } from '../../../../shared/transport';

/** A file read in the browser, ready for imports.preview. */
export interface EncodedFile {
  name: string;
  bytes: number;
  contentBase64: string;
}

/** Why files cannot be sent; each kind has its own sentence in the import section's `pick` texts. */
export type FileProblem =
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooLarge'; name: string; bytes: number }
  | { kind: 'tooLargeTotal' }
  | { kind: 'empty'; name: string }
  | { kind: 'unreadable'; name: string };

export class FilePickError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.kind);
    this.name = 'FilePickError';
  }
}

/** Base64 grows 4 bytes for every 3. */
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
/** Room for the rest of the message (method name, JSON quotes, file names) within one transport message. */
const MAX_TOTAL_BASE64 = MAX_MESSAGE_BYTES - 4 * 1024 * 1024;

/** Checks sizes before reading anything: a 200 MB file should be refused at once, not after a long wait. */
export function checkFiles(files: readonly File[]): FileProblem | null {
  if (files.length > MAX_IMPORT_FILES) return { kind: 'tooMany', max: MAX_IMPORT_FILES };
  let total = 0;
  for (const f of files) {
    if (f.size === 0) return { kind: 'empty', name: f.name };
    if (base64Length(f.size) > MAX_IMPORT_FILE_BASE64)
      return { kind: 'tooLarge', name: f.name, bytes: f.size };
    total += base64Length(f.size);
  }
  return total > MAX_TOTAL_BASE64 ? { kind: 'tooLargeTotal' } : null;
}

/**
 * Reads the files as base64 (the contract carries files inside the call, so the same method works
 * over IPC and WebSocket). The browser's own data-URL encoder is used: it is native code and reports
 * progress, where encoding a 30 MB ArrayBuffer in JavaScript would freeze the page.
 */
export async function encodeFiles(
  files: readonly File[],
  onProgress: (done: number, total: number) => void,
): Promise<EncodedFile[]> {
  const problem = checkFiles(files);
  if (problem) throw new FilePickError(problem);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const out: EncodedFile[] = [];
  for (const file of files) {
    const url = await readDataUrl(file, (loaded) => onProgress(before + loaded, total));
    before += file.size;
    onProgress(before, total);
    // "data:text/csv;base64,AAAA" — everything after the first comma is the content.
    out.push({ name: file.name, bytes: file.size, contentBase64: url.slice(url.indexOf(',') + 1) });
  }
  return out;
}

function readDataUrl(file: File, onLoaded: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onLoaded(e.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new FilePickError({ kind: 'unreadable', name: file.name }));
    reader.readAsDataURL(file);
  });
}

/** "12.3 MB", "850 KB": sizes as a seller reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
