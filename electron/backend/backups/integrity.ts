import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The cheap check on the open path: reads the 100-byte SQLite header and compares the page count it
 * records with the file's size. A truncated copy (a sync client that stopped halfway, a full USB
 * stick) is caught in microseconds, where `PRAGMA quick_check` on a million deals takes ~28 s.
 */
export function headerLooksIntact(file: string): { ok: true } | { ok: false; reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { ok: true };
  }
  try {
    const header = Buffer.alloc(100);
    const n = fs.readSync(fd, header, 0, 100, 0);
    if (n < 100) return { ok: false, reason: 'the file is shorter than an SQLite header' };
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
      return { ok: false, reason: 'invalid page size' };
    const pages = header.readUInt32BE(28);
    // The in-header size is only valid when the change counter matches "version-valid-for".
    const valid = header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0;
    let walBytes = 0;
    try {
      walBytes = fs.statSync(`${file}-wal`).size;
    } catch {
      walBytes = 0;
    }
    const size = fs.fstatSync(fd).size;
    // With a non-empty WAL the newest pages may live there; only the WAL-free case is conclusive.
    if (valid && walBytes === 0 && size < pages * pageSize)
      return { ok: false, reason: `the file is cut short (${size} of ${pages * pageSize} bytes)` };
    return { ok: true };
  } finally {
    fs.closeSync(fd);
  }
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
let message;
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check(20)', { simple: false }).map((r) => Object.values(r)[0]);
  message = { ok: rows.length === 1 && rows[0] === 'ok', detail: rows.join('; ').slice(0, 2000) };
} catch (e) {
  const code = String((e && e.code) || '');
  // SQLite itself reporting damage is a finding; anything else (file gone, locked) means the check could not run.
  const damage = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  message = { ok: false, detail: String((e && e.message) || e).slice(0, 2000), error: !damage };
} finally {
  // Closed before answering: the app may close its own connection next, and only the last one to
  // close checkpoints the WAL into the database file.
  if (db) db.close();
}
parentPort.postMessage(message);
`;

export interface FullCheck {
  ok: boolean;
  detail: string;
  /** The check itself could not run (file gone, locked), as opposed to finding damage. */
  error?: boolean;
}

/**
 * `PRAGMA integrity_check` on its own read-only connection in a worker thread: it takes tens of seconds
 * on a large ledger, and the backend must keep answering the UI meanwhile.
 */
export function fullCheckInBackground(file: string): Promise<FullCheck> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module } });
    worker.once('message', (m: FullCheck) => resolve(m));
    worker.once('error', (e) => resolve({ ok: false, detail: e.message, error: true }));
    worker.once('exit', (code) => {
      if (code !== 0) resolve({ ok: false, detail: `check stopped (exit ${code})`, error: true });
    });
  });
}
