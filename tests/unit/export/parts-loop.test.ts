import { describe, expect, it } from 'vitest';
import type { CsvExportPartDto } from '../../../shared/contract';
import { eachExportPart, type ExportPartCall } from '../../../shared/export-parts';

/** A backend of `count` parts of one row each; records what it was asked. */
function fakeBackend(count: number, options: { stuckAt?: number } = {}) {
  const asked: Parameters<ExportPartCall>[0][] = [];
  const call: ExportPartCall = async (input) => {
    asked.push(input);
    const last = input.part === count - 1;
    const id =
      options.stuckAt !== undefined && input.part >= options.stuckAt ? options.stuckAt : input.part + 1;
    const part: CsvExportPartDto = {
      part: input.part,
      contentBase64: Buffer.from(`row ${input.part}\r\n`).toString('base64'),
      rows: 1,
      replaced: 0,
      next: last ? null : [id],
      fileName: input.part === 0 ? 'x.csv' : null,
      totalRows: input.part === 0 ? count : null,
    };
    return part;
  };
  return { asked, call };
}

describe('eachExportPart', () => {
  it('asks for each part with the cursor of the one before, in order, until there is no next', async () => {
    const backend = fakeBackend(4);
    const seen: number[] = [];
    const done = await eachExportPart(backend.call, { table: 'deals', encoding: 'cp932' }, (p) =>
      seen.push(p.part),
    );
    expect(done).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(backend.asked).toEqual([
      { table: 'deals', encoding: 'cp932', part: 0 },
      { table: 'deals', encoding: 'cp932', part: 1, after: [1] },
      { table: 'deals', encoding: 'cp932', part: 2, after: [2] },
      { table: 'deals', encoding: 'cp932', part: 3, after: [3] },
    ]);
  });

  it('stops when cancelled: the part in flight is dropped and nothing more is asked', async () => {
    const backend = fakeBackend(10);
    const controller = new AbortController();
    const seen: number[] = [];
    const done = await eachExportPart(
      async (input) => {
        const answer = await backend.call(input);
        if (input.part === 2) controller.abort();
        return answer;
      },
      { table: 'items', encoding: 'utf-8-bom' },
      (p) => seen.push(p.part),
      controller.signal,
    );
    expect(done).toBe(false);
    expect(seen).toEqual([0, 1]);
    expect(backend.asked).toHaveLength(3);
  });

  it('answers a cancel at once, without waiting for the part in flight', async () => {
    const controller = new AbortController();
    let settle: (() => void) | undefined;
    const never: ExportPartCall = () =>
      new Promise((_, reject) => {
        settle = () => reject(new Error('the answer came after all, as an error'));
      });
    const running = eachExportPart(
      never,
      { table: 'deals', encoding: 'cp932' },
      () => undefined,
      controller.signal,
    );
    controller.abort();
    await expect(running).resolves.toBe(false);
    // The late failure of the dropped part goes nowhere (no unhandled rejection fails this run).
    settle!();
  });

  it('gives up with an error instead of asking for the same part forever', async () => {
    const backend = fakeBackend(1_000, { stuckAt: 3 });
    await expect(
      eachExportPart(backend.call, { table: 'deals', encoding: 'cp932' }, () => undefined),
    ).rejects.toThrow(/did not move/);
    expect(backend.asked.length).toBeLessThan(10);
  });

  it('passes a failed call on, after the parts that arrived', async () => {
    const backend = fakeBackend(5);
    const seen: number[] = [];
    const failing: ExportPartCall = (input) =>
      input.part === 2 ? Promise.reject(new Error('backend gone')) : backend.call(input);
    await expect(
      eachExportPart(failing, { table: 'cases', encoding: 'cp932' }, (p) => seen.push(p.part)),
    ).rejects.toThrow('backend gone');
    expect(seen).toEqual([0, 1]);
  });
});
