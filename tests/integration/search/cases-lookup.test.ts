import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { SearchHitDto } from '../../../shared/contract';
import { createCase } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

const find = (backend: Backend, text: string) => value(backend.call('search.query', { text }));
const caseHits = (hits: SearchHitDto[]) =>
  hits.flatMap((h) => (h.type === 'case' ? [{ id: h.id, tier: h.tier, summary: h.case.summary }] : []));

describe('quick lookup finds complaint cases', () => {
  it('finds a case by its summary at once, with state, category and buyer; edits are found at once too', async () => {
    const backend = await open();
    const deal = await createDeal(backend, { externalId: 'ORD-501' });
    const raised = await createCase(backend, {
      dealId: deal.id,
      summary: '外箱が破損していた',
      category: 'damaged',
    });
    await createCase(backend, { summary: '請求額が違う', category: 'billing' });

    const found = await find(backend, '破損');
    expect(caseHits(found.hits)).toEqual([{ id: raised.id, tier: 'text', summary: '外箱が破損していた' }]);
    const hit = found.hits.find((h) => h.type === 'case')!;
    expect(hit).toMatchObject({
      matchedOn: 'summary',
      case: {
        state: 'received',
        category: 'damaged',
        customerName: '山田 花子',
        deal: { externalId: 'ORD-501' },
      },
    });

    await value(
      backend.call('cases.update', { id: raised.id, patch: { summary: '中身のカップが割れていた' } }),
    );
    expect(caseHits((await find(backend, '破損')).hits)).toEqual([]);
    expect(caseHits((await find(backend, 'カップが割れ')).hits).map((h) => h.id)).toEqual([raised.id]);
  });

  it('finds a case through its buyer or deal, right after them, and matches literally', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      externalId: 'ORD-777',
      shipTo: { name: '佐藤 一郎', phone: '090-5555-6666' },
    });
    const raised = await createCase(backend, { dealId: deal.id, summary: '届かない' });
    const byOrder = await find(backend, 'ORD-777');
    expect(byOrder.hits.map((h) => h.type)).toEqual(['deal', 'case']);
    expect(byOrder.hits[1]).toMatchObject({ id: raised.id, tier: 'exact' });
    const byPhone = await find(backend, '09055556666');
    expect(caseHits(byPhone.hits).map((h) => h.id)).toEqual([raised.id]);
    // Wildcards and quotes are ordinary characters, not patterns.
    for (const text of ['%%', '__', "'; DROP TABLE cases; --"]) {
      expect(caseHits((await find(backend, text)).hits)).toEqual([]);
    }
  });

  it('marks a buyer with any case as earlier trouble, on customer and deal hits alike', async () => {
    const backend = await open();
    const calm = await createDeal(backend, { shipTo: { name: '田中 静香', phone: '070-1111-2222' } });
    const upset = await createDeal(backend, { shipTo: { name: '田中 怒子', phone: '070-3333-4444' } });
    await createCase(backend, { customerId: upset.customer!.id, summary: '対応が遅い', category: 'service' });
    const { hits } = await find(backend, '田中');
    const marked = (h: SearchHitDto) =>
      h.type === 'customer'
        ? [h.customer.name, h.hasCases]
        : h.type === 'deal'
          ? [h.deal.buyerName, h.buyerHasCases]
          : null;
    expect(hits.filter((h) => h.type === 'customer').map(marked)).toEqual(
      expect.arrayContaining([
        ['田中 静香', false],
        ['田中 怒子', true],
      ]),
    );
    const deals = await find(backend, calm.externalId);
    expect(deals.hits.filter((h) => h.type === 'deal').map(marked)).toEqual([['田中 静香', false]]);
    const upsetDeal = await find(backend, upset.externalId);
    expect(upsetDeal.hits.filter((h) => h.type === 'deal').map(marked)).toEqual([['田中 怒子', true]]);
  });
});
