import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this many rows an import leaves too little garbage to be worth a full collection. */
const LARGE_IMPORT_ROWS = 10_000;

let collect: (() => void) | null | undefined;

/**
 * A large preview (100,000 rows) leaves a few hundred MB of parsed rows and plans behind once it is
 * committed or cancelled. V8 collects them lazily, often only while the next large file is being parsed,
 * so both sets are alive at once and the backend's peak memory nearly doubles. One full collection at the
 * moment the preview is dropped returns that memory first. `gc` is reached through V8's own flag, which
 * works in any Node or Electron utility process without a command-line switch; if a runtime refuses it,
 * nothing happens.
 */
export function releaseImportMemory(rows: number): void {
  if (rows < LARGE_IMPORT_ROWS) return;
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  // After the current call has answered (and its transaction committed), not inside it.
  if (collect) setImmediate(collect);
}
