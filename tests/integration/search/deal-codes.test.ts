import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { refreshDealCodes } from '../../../electron/backend/search/deal-codes';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

const codeRows = (backend: Backend) =>
  backend.db.raw.prepare('SELECT rowid, code, deal_id, kind FROM deal_codes ORDER BY rowid').all();
const dealHits = async (backend: Backend, text: string) =>
  (await value(backend.call('search.query', { text }))).hits
    .filter((h) => h.type === 'deal')
    .map((h) => ({ id: h.id, tier: h.tier }));

describe('tracking numbers in quick lookup', () => {
  it('a bulk ship with numbers makes each deal findable by its number and leaves the rest of the index alone', async () => {
    const backend = await open();
    const deals = [];
    for (let i = 0; i < 3; i++) {
      deals.push(
        await createDeal(backend, { items: [{ name: `木彫りの熊 ${i}`, quantity: 1, unitPrice: 5000 }] }),
      );
    }
    const [a, b, c] = deals as [(typeof deals)[0], (typeof deals)[0], (typeof deals)[0]];
    await value(backend.call('steps.update', { dealId: a.id, kind: 'payment', state: 'done' }));
    const untouched = codeRows(backend).filter((r) => (r as { deal_id: number }).deal_id === c.id);

    const result = await value(
      backend.call('deals.bulk', {
        dealIds: [a.id, b.id],
        action: {
          type: 'markShipped',
          carrier: 'yamato',
          tracking: { [a.id]: '4000-1111-2222', [b.id]: '4000-3333-4444' },
        },
      }),
    );
    expect(result).toEqual({ updated: 2, skipped: [] });
    expect(await dealHits(backend, '400011112222')).toEqual([{ id: a.id, tier: 'exact' }]);
    expect(await dealHits(backend, '4000-3333-4444')).toEqual([{ id: b.id, tier: 'exact' }]);
    // The search documents still answer by item name, and the third deal's codes were not rewritten.
    expect((await dealHits(backend, '木彫りの熊 1')).map((h) => h.id)).toContain(b.id);
    expect(codeRows(backend).filter((r) => (r as { deal_id: number }).deal_id === c.id)).toEqual(untouched);
  });

  it('rewrites the codes of changed deals only, drops a removed number, and ignores unknown ids', async () => {
    const backend = await open();
    const one = await createDeal(backend, { externalId: 'order-0001' });
    const two = await createDeal(backend, { externalId: 'order-0002' });
    await value(
      backend.call('steps.update', { dealId: one.id, kind: 'shipping', trackingNumber: '5000-0000-0001' }),
    );
    const before = codeRows(backend);
    refreshDealCodes(backend.db, [one.id, two.id, one.id, 999_999, -1]);
    expect(codeRows(backend)).toEqual(before);

    backend.db.raw
      .prepare("UPDATE deal_steps SET tracking_number = NULL WHERE deal_id = ? AND kind = 'shipping'")
      .run(one.id);
    refreshDealCodes(backend.db, [one.id, two.id]);
    const after = codeRows(backend) as { rowid: number; code: string; deal_id: number; kind: string }[];
    expect(after.filter((r) => r.deal_id === one.id).map((r) => [r.kind, r.code])).toEqual([
      ['order', 'order0001'],
    ]);
    expect(after.filter((r) => r.deal_id === two.id)).toEqual(
      before.filter((r) => (r as { deal_id: number }).deal_id === two.id),
    );
    expect(await dealHits(backend, '500000000001')).toEqual([]);
  });
});
