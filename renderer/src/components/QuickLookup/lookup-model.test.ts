import { describe, expect, it } from 'vitest';
import type { DealCardDto, SearchHitDto, StepDto } from '../../../../shared/contract';
import { groupHits, hitRoute, moveActive, shippingOf, toQueryText } from './lookup-model';

const step = (patch: Partial<StepDto>): StepDto => ({
  kind: 'shipping',
  state: 'todo',
  assigneeId: null,
  dueAt: null,
  overdue: false,
  doneAt: null,
  doneBy: null,
  carrier: null,
  trackingNumber: null,
  ...patch,
});

const deal = (id: number, patch: Partial<DealCardDto> = {}): DealCardDto => ({
  id,
  marketplace: 'mercari',
  externalId: `m${id}`,
  orderedAt: '2026-11-01T00:00:00Z',
  state: 'open',
  total: 1000,
  buyerName: '山田 花子',
  itemSummary: 'マフラー',
  firstItemName: 'マフラー',
  itemCount: 1,
  nextDueAt: null,
  overdue: false,
  steps: [],
  tags: [],
  customerId: 1,
  ...patch,
});

const dealHit = (id: number, tier: SearchHitDto['tier']): SearchHitDto => ({
  type: 'deal',
  id,
  tier,
  matchedOn: 'item',
  deal: deal(id),
  buyerTags: [],
  buyerHasCases: false,
});

describe('what a lookup row says about shipping', () => {
  it('shipped: when, which carrier, which tracking number', () => {
    const info = shippingOf(
      deal(1, {
        steps: [
          step({ kind: 'payment', state: 'done' }),
          step({
            state: 'done',
            doneAt: '2026-11-02T01:00:00Z',
            carrier: 'yamato',
            trackingNumber: '432187650012',
          }),
        ],
      }),
    );
    expect(info).toEqual({
      state: 'shipped',
      doneAt: '2026-11-02T01:00:00Z',
      carrier: 'yamato',
      trackingNumber: '432187650012',
    });
  });

  it.each([
    ['not shipped yet', { steps: [step({})] }, 'notShipped'],
    ['late', { steps: [step({ overdue: true })] }, 'overdue'],
    ['no shipping step in this workflow', { steps: [step({ kind: 'payment' })] }, 'noShipping'],
    ['shipping skipped (hand-over)', { steps: [step({ state: 'skipped' })] }, 'noShipping'],
    [
      'cancelled, even if it had shipped',
      { state: 'cancelled' as const, steps: [step({ state: 'done' })] },
      'cancelled',
    ],
  ])('%s', (_name, patch, state) => {
    expect(shippingOf(deal(1, patch)).state).toBe(state);
  });
});

describe('grouping and moving through hits', () => {
  it('keeps the ranked order and labels runs of one tier', () => {
    const hits = [dealHit(1, 'exact'), dealHit(2, 'name'), dealHit(3, 'name'), dealHit(4, 'text')];
    const groups = groupHits(hits);
    expect(groups.map((g) => [g.tier, g.entries.map((e) => e.index)])).toEqual([
      ['exact', [0]],
      ['name', [1, 2]],
      ['text', [3]],
    ]);
    expect(groupHits([])).toEqual([]);
  });

  it('arrow keys wrap around the ends', () => {
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(0);
  });

  it('opens customers and deals at their pages', () => {
    expect(hitRoute(dealHit(7, 'exact'))).toBe('/deals/7');
  });

  it('cuts input beyond the contract limit instead of failing', () => {
    expect(toQueryText('x'.repeat(100_001))).toHaveLength(100_000);
    expect(toQueryText('山田')).toBe('山田');
  });
});
