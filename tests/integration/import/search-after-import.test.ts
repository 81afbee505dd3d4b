import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { rebuildSearchIndex } from '../../../electron/backend/search/reindex';
import { bigExport } from '../../support/big-export';
import { createDeal, value } from '../../support/deals';
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

describe('search entries and customer figures an import writes', () => {
  /** The derived search rows, in a stable order (FTS documents by their per-column sizes). */
  const derived = (backend: Backend) => {
    const all = (sql: string) => backend.db.raw.prepare(sql).all();
    return {
      dealDocs: all('SELECT id, sz FROM deal_fts_docsize ORDER BY id'),
      dealCustomers: all('SELECT rowid, customer_id FROM deal_fts ORDER BY rowid'),
      customerDocs: all('SELECT id, sz FROM customer_fts_docsize ORDER BY id'),
      codes: all('SELECT code, deal_id, kind FROM deal_codes ORDER BY deal_id, kind, code'),
      summaries: all('SELECT * FROM customer_summaries ORDER BY customer_id'),
      marketplaces: all('SELECT * FROM customer_marketplaces ORDER BY customer_id, marketplace'),
      identities: all('SELECT customer_id, kind, marketplace, value FROM customer_identities ORDER BY id'),
    };
  };

  it('are exactly what a full rebuild from the ledger gives, for new and known buyers', async () => {
    const backend = await open();
    // A known buyer (manual deal) whom some rows match, then a large export and a file of other formats.
    await createDeal(backend);
    await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    await importFiles(backend, [{ name: 'big.csv', contentBase64: bigExport(3_000, 7).toString('base64') }]);
    await importFiles(backend, [fixtureFile('amazon-orders-utf8.txt')]);
    const imported = derived(backend);
    expect(imported.dealDocs.length).toBeGreaterThan(500);
    expect(imported.codes.length).toBeGreaterThan(500);
    expect(imported.summaries.length).toBeGreaterThan(100);

    rebuildSearchIndex(backend.db);
    expect(derived(backend)).toEqual(imported);
  });

  it('are the same when a first large import builds the indexes after the load', async () => {
    const backend = await open();
    await createDeal(backend);
    // Over 20,000 new deals into a near-empty ledger: indexes are dropped during the load and built after it.
    const { commit } = await importFiles(backend, [
      { name: 'big.csv', contentBase64: bigExport(33_000, 9).toString('base64') },
    ]);
    expect(commit.deals.inserted).toBeGreaterThanOrEqual(20_000);
    const imported = derived(backend);
    expect(imported.dealDocs.length).toBe(commit.deals.inserted + 1);
    rebuildSearchIndex(backend.db);
    expect(derived(backend)).toEqual(imported);
  }, 120_000);
});
