import type { CsvExportPartDto, ExportEncoding, ExportTable } from './contract/exports';

/** One `exports.csv` call, however the caller reaches the backend (the UI's client, a test's backend). */
export type ExportPartCall = (input: {
  table: ExportTable;
  encoding: ExportEncoding;
  part: number;
  after?: number[];
}) => Promise<CsvExportPartDto>;

/**
 * Runs an in-app export part after part, each from the cursor the previous one returned, handing every part
 * to `onPart` as it arrives (the caller keeps the bytes; nothing here holds the file). Resolves true once the
 * last part is in, false as soon as `signal` aborts: the part in flight is dropped when it comes, unseen.
 */
export async function eachExportPart(
  call: ExportPartCall,
  request: { table: ExportTable; encoding: ExportEncoding },
  onPart: (part: CsvExportPartDto) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  let after: number[] | undefined;
  for (let part = 0; ; part++) {
    if (signal?.aborted) return false;
    const answer = await unlessAborted(call({ ...request, part, ...(after ? { after } : {}) }), signal);
    if (answer === ABORTED || signal?.aborted) return false;
    onPart(answer);
    if (!answer.next) return true;
    // A backend that stopped moving on would have this loop ask for the same part forever.
    if (after && answer.next.join() === after.join()) throw new Error('The export did not move past a part');
    after = answer.next;
  }
}

const ABORTED = Symbol('aborted');

/** The call's answer, or ABORTED the moment the signal aborts (a cancel need not wait for a part of MBs). */
function unlessAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | typeof ABORTED> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // After a cancel nobody waits for this part: its failure is not the user's problem.
        if (signal.aborted) resolve(ABORTED);
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
