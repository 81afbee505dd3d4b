import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { CustomerPageDto, DealPageDto, InputOf } from '../../../shared/contract';
import type { ApiClient } from '../api/client';
import { useApiClient } from './api-context';

/** Rows per request: a screenful is 15–20 rows, so one page covers several screens of scrolling. */
export const PAGE_SIZE = 200;

/** The contract's paged lists that a virtualised table shows. */
export type PagedMethod = 'deals.list' | 'customers.list';
/** What a list shows, without the paging. */
export type ListQuery<M extends PagedMethod> = Omit<InputOf<M>, 'offset' | 'limit'>;
type PageOf<M extends PagedMethod> = M extends 'deals.list' ? DealPageDto : CustomerPageDto;
export type RowOf<M extends PagedMethod> = PageOf<M>['rows'][number];
/** Lists too long to count (deals) say so with `totalCapped`. */
type AnyPage = { rows: unknown[]; total: number; totalCapped?: boolean };

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

const fetchPage = <M extends PagedMethod>(
  client: ApiClient,
  method: M,
  query: ListQuery<M>,
  page: number,
): Promise<AnyPage> =>
  client.call(method, {
    ...query,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  } as InputOf<M>) as Promise<AnyPage>;

/** The pages covering the visible rows, and which of them may be fetched now. */
export interface PageWindow {
  first: number;
  pages: number[];
  enabled: (page: number) => boolean;
}

/**
 * While the user drags the scrollbar through thousands of rows, pages far from where scrolling settled
 * wait until it pauses (the rows show placeholders), so a fling does not queue a hundred requests. Next to
 * where it settled (a slow scroll) and the first page load at once.
 */
export function usePageWindow(
  visible: { start: number; end: number },
  pageSize: number,
  settleMs: number,
): PageWindow {
  const first = Math.floor(visible.start / pageSize);
  const last = Math.max(first, Math.floor(Math.max(visible.end - 1, 0) / pageSize));
  const [settled] = useDebouncedValue(`${first}:${last}`, settleMs);
  const [settledFirst, settledLast] = settled.split(':').map(Number) as [number, number];
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return {
    first,
    pages,
    enabled: (page) => page === 0 || (page >= settledFirst - 1 && page <= settledLast + 1),
  };
}

export interface PagedRows<Row> {
  /** Rows the table has: the matching ones, or as far as loading has reached when they were too many to count. */
  total: number | undefined;
  /** True when more rows match than `total` ("1,000件以上"): scrolling to the end loads and shows more. */
  more: boolean;
  /** The row at this position when its page is loaded. */
  rowAt: (index: number) => Row | undefined;
  /** Loads (from the cache when fresh) the rows in [start, end), for selections that span unloaded pages. */
  fetchRows: (start: number, end: number) => Promise<Row[]>;
  /** For the grid: which rows are on screen. Stable per list. */
  onVisibleRange: (start: number, end: number) => void;
  error: Error | null;
  isFetching: boolean;
}

/**
 * A contract list as a page cache for a virtualised table: only the pages around the visible rows are
 * fetched. The visible range is kept per page and per list (a new sort or filter starts from the top), so
 * scrolling re-renders the page using this only when it reaches new data.
 */
export function usePagedRows<M extends PagedMethod>(
  method: M,
  query: ListQuery<M>,
  scope: unknown = null,
): PagedRows<RowOf<M>> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  // The query object is rebuilt every render; its JSON is the real identity.
  const identity = JSON.stringify([query, scope ?? null]);

  const [visiblePages, setVisiblePages] = useState({ identity, first: 0, last: 0 });
  const onVisibleRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(start / PAGE_SIZE);
      const last = Math.floor(Math.max(end - 1, start) / PAGE_SIZE);
      setVisiblePages((old) =>
        old.identity === identity && old.first === first && old.last === last
          ? old
          : { identity, first, last },
      );
    },
    [identity],
  );
  const visible =
    visiblePages.identity === identity
      ? { start: visiblePages.first * PAGE_SIZE, end: (visiblePages.last + 1) * PAGE_SIZE }
      : { start: 0, end: 0 };

  const pageWindow = usePageWindow(visible, PAGE_SIZE, 150);
  const results = useQueries({
    queries: pageWindow.pages.map((page) => ({
      queryKey: pageKey(method, query, scope, page),
      queryFn: () => fetchPage(client, method, query, page),
      enabled: pageWindow.enabled(page),
    })),
  });

  // The total of the newest answer for this list; while the pages on screen are still loading
  // (after a jump down the scrollbar) it comes from pages of the same list still in the cache.
  let newest: AnyPage | undefined;
  let newestAt = -1;
  for (const r of results) {
    if (r.data && r.dataUpdatedAt > newestAt) {
      newest = r.data;
      newestAt = r.dataUpdatedAt;
    }
  }
  if (!newest) {
    for (const { data, at } of cachedPages(queryClient, method, identity)) {
      if (at > newestAt) {
        newest = data;
        newestAt = at;
      }
    }
  }
  const { total, more } = newest?.totalCapped
    ? uncountedExtent(queryClient, method, identity, newest.total)
    : { total: newest?.total, more: false };

  const rowAt = (index: number): RowOf<M> | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const i = page - pageWindow.first;
    const data: AnyPage | undefined =
      i >= 0 && i < results.length
        ? results[i]?.data
        : queryClient.getQueryData<AnyPage>(pageKey(method, query, scope, page));
    return data?.rows[index - page * PAGE_SIZE] as RowOf<M> | undefined;
  };

  const fetchRows = useCallback(
    (start: number, end: number) => fetchRowRange(queryClient, client, method, query, scope, start, end),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, client, method, identity],
  );

  const failed = results.find((r) => r.isError && !r.data);
  return {
    total,
    more,
    rowAt,
    fetchRows,
    onVisibleRange,
    error: failed?.error ?? null,
    isFetching: results.some((r) => r.isFetching),
  };
}

/** The cached pages of one list (same query and scope, any offset). */
function cachedPages(queryClient: QueryClient, method: PagedMethod, identity: string) {
  const found: { data: AnyPage; at: number; offset: number; limit: number }[] = [];
  for (const q of queryClient.getQueryCache().findAll({ queryKey: [method] })) {
    const [, input, scope] = q.queryKey as [string, { offset?: number; limit?: number }, unknown];
    const { offset = 0, limit = PAGE_SIZE, ...rest } = input;
    const data = q.state.data as AnyPage | undefined;
    if (data && JSON.stringify([rest, scope ?? null]) === identity)
      found.push({ data, at: q.state.dataUpdatedAt, offset, limit });
  }
  return found;
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

async function fetchRowRange<M extends PagedMethod>(
  queryClient: QueryClient,
  client: ApiClient,
  method: M,
  query: ListQuery<M>,
  scope: unknown,
  start: number,
  end: number,
): Promise<RowOf<M>[]> {
  if (end <= start) return [];
  const firstPage = Math.floor(start / PAGE_SIZE);
  const lastPage = Math.floor((end - 1) / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pages.push(p);
  const loaded = new Map<number, AnyPage>();
  // A few at a time: the backend answers one call after another anyway, and the screen stays responsive.
  for (let i = 0; i < pages.length; i += 4) {
    const batch = pages.slice(i, i + 4);
    const answers = await Promise.all(
      batch.map((page) =>
        queryClient.fetchQuery({
          queryKey: pageKey(method, query, scope, page),
          queryFn: () => fetchPage(client, method, query, page),
          staleTime: 5_000,
        }),
      ),
    );
    batch.forEach((page, j) => loaded.set(page, answers[j]!));
  }
  const rows: RowOf<M>[] = [];
  for (let index = start; index < end; index++) {
    const page = Math.floor(index / PAGE_SIZE);
    const row = loaded.get(page)?.rows[index - page * PAGE_SIZE];
    if (row) rows.push(row as RowOf<M>);
  }
  return rows;
}
