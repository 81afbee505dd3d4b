import {
  customerSorts,
  type CustomerFilter,
  type CustomerSort,
  type InputOf,
} from '../../../../shared/contract';
import { marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';

/** What the customers list shows; kept in the address so "back" from a customer returns to the same list. */
export interface CustomerListState {
  text: string;
  tag: string;
  marketplace: Marketplace | null;
  repeatOnly: boolean;
  sort: { by: CustomerSort; dir: 'asc' | 'desc' };
}

export const defaultSort: CustomerListState['sort'] = { by: 'lastPurchase', dir: 'desc' };

const isSort = (v: string | null): v is CustomerSort =>
  (customerSorts as readonly (string | null)[]).includes(v);
const isMarketplace = (v: string | null): v is Marketplace =>
  (marketplaces as readonly (string | null)[]).includes(v);

/** Anything unknown in the address (an old link, a typo) falls back to the default instead of failing. */
export function parseCustomerListState(params: URLSearchParams): CustomerListState {
  const by = params.get('sort');
  const dir = params.get('dir');
  const marketplace = params.get('mp');
  return {
    text: (params.get('q') ?? '').slice(0, 200),
    tag: (params.get('tag') ?? '').slice(0, 30),
    marketplace: isMarketplace(marketplace) ? marketplace : null,
    repeatOnly: params.get('repeat') === '1',
    sort: isSort(by) ? { by, dir: dir === 'asc' ? 'asc' : 'desc' } : defaultSort,
  };
}

export function customerListStateToParams(state: CustomerListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  if (state.tag) params.set('tag', state.tag);
  if (state.marketplace) params.set('mp', state.marketplace);
  if (state.repeatOnly) params.set('repeat', '1');
  if (state.sort.by !== defaultSort.by || state.sort.dir !== defaultSort.dir) {
    params.set('sort', state.sort.by);
    params.set('dir', state.sort.dir);
  }
  return params;
}

export type CustomerListQuery = Omit<InputOf<'customers.list'>, 'offset' | 'limit'>;

export function toCustomerListQuery(state: CustomerListState): CustomerListQuery {
  const filter: CustomerFilter = {};
  if (state.text.trim()) filter.text = state.text.trim();
  if (state.tag.trim()) filter.tag = state.tag.trim();
  if (state.marketplace) filter.marketplace = state.marketplace;
  if (state.repeatOnly) filter.repeatOnly = true;
  return { filter, sort: state.sort };
}

export const hasCustomerFilters = (state: CustomerListState) =>
  state.text.trim() !== '' || state.tag.trim() !== '' || state.marketplace !== null || state.repeatOnly;

/** A header click: the same column flips direction; a new one starts with the most useful end. */
export function nextSort(current: CustomerListState['sort'], by: CustomerSort): CustomerListState['sort'] {
  if (current.by === by) return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by, dir: by === 'name' ? 'asc' : 'desc' };
}
