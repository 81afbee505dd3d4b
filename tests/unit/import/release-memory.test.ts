import { expect, it } from 'vitest';
import { releaseImportMemory } from '../../../electron/backend/importer/memory';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A preview-sized object graph that only a WeakRef still points at once this returns. */
function leftBehind(): WeakRef<object> {
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ line: i, text: `row ${i}` }));
  return new WeakRef(rows);
}

it('returns a large import memory in the next turn of the event loop, after the call that dropped it', async () => {
  const preview = leftBehind();
  await nextTurn(); // WeakRef targets stay alive until the job that created them ends.
  releaseImportMemory(100_000);
  expect(preview.deref(), 'not collected inside the call itself').toBeDefined();
  await nextTurn();
  expect(preview.deref()).toBeUndefined();
});
