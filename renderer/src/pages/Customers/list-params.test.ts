import { describe, expect, it } from 'vitest';
import {
  customerListStateToParams,
  defaultSort,
  nextSort,
  parseCustomerListState,
  toCustomerListQuery,
} from './list-params';

describe('the customers list lives in the address', () => {
  it('round-trips filters and sort', () => {
    const state = {
      text: '山田',
      tag: 'VIP',
      marketplace: 'mercari' as const,
      repeatOnly: true,
      sort: { by: 'lifetimeValue' as const, dir: 'asc' as const },
    };
    expect(parseCustomerListState(customerListStateToParams(state))).toEqual(state);
    expect(toCustomerListQuery(state)).toEqual({
      filter: { text: '山田', tag: 'VIP', marketplace: 'mercari', repeatOnly: true },
      sort: { by: 'lifetimeValue', dir: 'asc' },
    });
  });

  it('the default list has a clean address', () => {
    const clean = parseCustomerListState(new URLSearchParams());
    expect(clean).toMatchObject({
      text: '',
      tag: '',
      marketplace: null,
      repeatOnly: false,
      sort: defaultSort,
    });
    expect(customerListStateToParams(clean).toString()).toBe('');
    expect(toCustomerListQuery(clean)).toEqual({ filter: {}, sort: defaultSort });
  });

  it('an old or hand-edited address falls back instead of failing', () => {
    const state = parseCustomerListState(
      new URLSearchParams({
        sort: 'DROP TABLE',
        dir: 'sideways',
        mp: 'ebay',
        repeat: 'yes',
        q: 'x'.repeat(500),
      }),
    );
    expect(state.sort).toEqual(defaultSort);
    expect(state.marketplace).toBeNull();
    expect(state.repeatOnly).toBe(false);
    // Cut to what the contract accepts, so the list still loads.
    expect(state.text).toHaveLength(200);
  });

  it('a header click flips the same column, and starts a new one at its most useful end', () => {
    expect(nextSort({ by: 'lastPurchase', dir: 'desc' }, 'lastPurchase')).toEqual({
      by: 'lastPurchase',
      dir: 'asc',
    });
    expect(nextSort({ by: 'lastPurchase', dir: 'desc' }, 'repeatCount')).toEqual({
      by: 'repeatCount',
      dir: 'desc',
    });
    expect(nextSort({ by: 'lastPurchase', dir: 'desc' }, 'name')).toEqual({ by: 'name', dir: 'asc' });
  });
});
