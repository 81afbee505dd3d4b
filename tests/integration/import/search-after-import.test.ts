import { describe, expect, it } from 'vitest';
import { value } from '../../support/deals';
import { fixtureFile, importFiles } from '../../support/imports';
import { useBackend } from '../../support/temp';

const open = useBackend();

describe('imported deals in quick lookup', () => {
  it('finds an imported order by its number at once, and forgets it when the batch is undone', async () => {
    const backend = await open();
    const { commit } = await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    const page = await value(backend.call('deals.list', { limit: 1 }));
    const orderNo = page.rows[0]!.externalId;

    const found = await value(backend.call('search.query', { text: orderNo }));
    expect(found.hits[0]).toMatchObject({ type: 'deal', tier: 'exact', id: page.rows[0]!.id });
    const buyer = page.rows[0]!.buyerName!;
    const byName = await value(backend.call('search.query', { text: buyer }));
    expect(byName.hits.some((h) => h.type === 'customer')).toBe(true);

    await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    const gone = await value(backend.call('search.query', { text: orderNo }));
    expect(gone.hits.filter((h) => h.type === 'deal')).toEqual([]);
  });
});
