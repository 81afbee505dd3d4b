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
 * last part is in, false when `signal` aborted first: the part in flight is then dropped, not handed over.
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
    const answer = await call({ ...request, part, ...(after ? { after } : {}) });
    if (signal?.aborted) return false;
    onPart(answer);
    if (!answer.next) return true;
    // A backend that stopped moving on would have this loop ask for the same part forever.
    if (after && answer.next.join() === after.join()) throw new Error('The export did not move past a part');
    after = answer.next;
  }
}
