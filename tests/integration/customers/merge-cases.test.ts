import { describe, expect, it } from 'vitest';
import { createCase, twoBuyerDeals } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

/** Complaint cases belong to the buyer: they follow a merge to the survivor and go back on split. */
describe('cases follow customer merges and splits', () => {
  async function twoBuyers() {
    const backend = await open();
    const { keep, absorb, keepId, absorbId } = await twoBuyerDeals(backend);
    expect(keepId).not.toBe(absorbId);
    return { backend, keep, absorb, keepId, absorbId };
  }
  const caseIds = async (backend: Awaited<ReturnType<typeof open>>, customerId: number) =>
    (await value(backend.call('cases.list', { customerId }))).rows.map((r) => r.id).sort();

  it('moves the absorbed buyer’s cases to the survivor and back, leaving later cases where they are', async () => {
    const { backend, keep, absorb, keepId, absorbId } = await twoBuyers();
    const keepCase = await createCase(backend, { dealId: keep.id });
    const absorbCases = [
      await createCase(backend, { dealId: absorb.id, summary: '箱がつぶれていた', category: 'damaged' }),
      await createCase(backend, { customerId: absorbId, summary: '請求額が違う', category: 'billing' }),
    ];
    expect(await caseIds(backend, absorbId)).toEqual(absorbCases.map((k) => k.id).sort());

    const { merge } = await value(backend.call('customers.merge', { keepId, absorbId }));
    expect(await caseIds(backend, absorbId)).toEqual([]);
    expect(await caseIds(backend, keepId)).toEqual([keepCase.id, ...absorbCases.map((k) => k.id)].sort());
    const moved = await value(backend.call('cases.get', { id: absorbCases[1]!.id }));
    expect(moved.customer).toEqual({ id: keepId, name: '山田 花子' });

    // Raised after the merge, about the survivor: it stays with the survivor on split.
    const later = await createCase(backend, {
      customerId: keepId,
      summary: '対応が遅い',
      category: 'service',
    });
    const { kept, restored } = await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(restored.id).toBe(absorbId);
    expect(kept.id).toBe(keepId);
    expect(await caseIds(backend, absorbId)).toEqual(absorbCases.map((k) => k.id).sort());
    expect(await caseIds(backend, keepId)).toEqual([keepCase.id, later.id].sort());
    const back = await value(backend.call('cases.get', { id: absorbCases[1]!.id }));
    expect(back.customer).toEqual({ id: absorbId, name: 'ヤマダ ハナコ' });
  });

  it('leaves a case a member moved to someone else in the meantime where it is', async () => {
    const { backend, absorb, keepId, absorbId } = await twoBuyers();
    const other = await createDeal(backend, { shipTo: { name: '別の 人', phone: '070-3333-3333' } });
    const raised = await createCase(backend, { dealId: absorb.id });
    const { merge } = await value(backend.call('customers.merge', { keepId, absorbId }));
    await value(backend.call('cases.update', { id: raised.id, patch: { customerId: other.customer!.id } }));
    await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(await caseIds(backend, other.customer!.id)).toEqual([raised.id]);
    expect(await caseIds(backend, absorbId)).toEqual([]);
  });
});
