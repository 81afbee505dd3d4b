import type { QueryClient } from '@tanstack/react-query';
import type { CustomerPageDto, DealPageDto, InputOf } from '../../../shared/contract';

/** Rows per request: a screenful is 15–20 rows, so one page covers several screens of scrolling. */
export const PAGE_SIZE = 200;

/** The contract's paged lists that a virtualised table shows. */
export type PagedMethod = 'deals.list' | 'customers.list';
/** What a list shows, without the paging. */
export type ListQuery<M extends PagedMethod> = Omit<InputOf<M>, 'offset' | 'limit'>;
type PageOf<M extends PagedMethod> = M extends 'deals.list' ? DealPageDto : CustomerPageDto;
export type RowOf<M extends PagedMethod> = PageOf<M>['rows'][number];
/** One page of any list; lists too long to count (deals) say so with `totalCapped`. */
export type AnyPage = { rows: unknown[]; total: number; totalCapped?: boolean };

/**
 * Each page is its own query, keyed by offset under the list's method, so `data.changed` refreshes
 * exactly the pages on screen, and pages scrolled past stay cached for a while. `scope` is whatever else
 * the answer depends on (the member using the app, for the "mine" view of deals).
 */
export const pageKey = <M extends PagedMethod>(
  method: M,
  query: ListQuery<M>,
  scope: unknown,
  page: number,
) => [method, { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }, scope ?? null] as const;

/** What makes two pages part of the same list: the query without its paging, and the scope. */
export const listIdentity = (query: object, scope: unknown) => JSON.stringify([query, scope ?? null]);

/** The cached pages of one list (same query and scope, any offset). */
export function cachedPages(queryClient: QueryClient, method: PagedMethod, identity: string) {
  const found: { data: AnyPage; at: number; offset: number; limit: number }[] = [];
  for (const q of queryClient.getQueryCache().findAll({ queryKey: [method] })) {
    const [, input, scope] = q.queryKey as [string, unknown, unknown];
    if (!input || typeof input !== 'object') continue;
    const { offset = 0, limit = PAGE_SIZE, ...rest } = input as { offset?: number; limit?: number };
    const data = q.state.data as AnyPage | undefined;
    if (data && listIdentity(rest, scope) === identity)
      found.push({ data, at: q.state.dataUpdatedAt, offset, limit });
  }
  return found;
}

/**
 * How many rows the table has: the total of the newest answer for this list, from the pages on screen or,
 * while those are still loading (after a jump down the scrollbar), from pages of the same list in the
 * cache. `more` when the list was too long to count.
 */
export function listExtent(
  queryClient: QueryClient,
  method: PagedMethod,
  identity: string,
  onScreen: readonly { data: AnyPage | undefined; at: number }[],
): { total: number | undefined; more: boolean } {
  let newest: AnyPage | undefined;
  let newestAt = -1;
  const consider = (data: AnyPage | undefined, at: number) => {
    if (data && at > newestAt) {
      newest = data;
      newestAt = at;
    }
  };
  for (const page of onScreen) consider(page.data, page.at);
  if (!newest) for (const page of cachedPages(queryClient, method, identity)) consider(page.data, page.at);
  const found = newest as AnyPage | undefined;
  if (!found) return { total: undefined, more: false };
  return found.totalCapped
    ? uncountedExtent(queryClient, method, identity, found.total)
    : { total: found.total, more: false };
}

/**
 * For a list too long to count: the rows reach as far as the loaded pages of this list do, plus one more
 * page while the furthest one came back full, so scrolling to the end asks for the next page. A page that
 * comes back short marks the real end.
 */
function uncountedExtent(
  queryClient: QueryClient,
  method: PagedMethod,
  identity: string,
  counted: number,
): { total: number; more: boolean } {
  let reach = counted;
  let end: number | null = null;
  for (const { data, offset, limit } of cachedPages(queryClient, method, identity)) {
    const stop = offset + data.rows.length;
    reach = Math.max(reach, stop);
    if (data.rows.length < limit && stop >= counted) end = end === null ? stop : Math.min(end, stop);
  }
  return end !== null ? { total: end, more: false } : { total: reach + PAGE_SIZE, more: true };
}
