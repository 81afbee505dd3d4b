import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { savedViews, type SavedView } from '../../../shared/contract';
import { useCallback } from 'react';
import type { DealPageDto, DealRowDto, InputOf } from '../../../shared/contract';
import type { ApiClient } from '../api/client';
import { useApiClient } from './api-context';

/** Rows per request: a screenful is ~15 rows, so one page covers several screens of scrolling. */
export const DEAL_PAGE_SIZE = 200;
/** The contract's limit for one bulk action, and so for one selection. */
export const BULK_LIMIT = 5_000;

/** What the list shows, without the paging. */
export type DealListQuery = Omit<InputOf<'deals.list'>, 'offset' | 'limit'>;

/**
 * Each page is its own query, keyed by offset under the 'deals.list' method, so `data.changed`
 * ("deals") refreshes exactly the pages on screen, and pages scrolled past stay cached for a while.
 * `scope` is whatever else the answer depends on (the member using the app, for the "mine" view).
 */
export const dealPageKey = (query: DealListQuery, scope: unknown, page: number) =>
  [
    'deals.list',
    { ...query, offset: page * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE } satisfies InputOf<'deals.list'>,
    scope ?? null,
  ] as const;

const fetchPage = (client: ApiClient, query: DealListQuery, page: number) =>
  client.call('deals.list', { ...query, offset: page * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE });

export interface DealPages {
  /** Rows the table has: the matching deals, or as far as loading has reached when they were too many to count. */
  total: number | undefined;
  /** True when more deals match than `total` ("1,000件以上"): scrolling to the end loads and shows more. */
  more: boolean;
  /** The row at this position when its page is loaded. */
  rowAt: (index: number) => DealRowDto | undefined;
  /** Loads (from the cache when fresh) the rows in [start, end), for selections that span unloaded pages. */
  fetchRows: (start: number, end: number) => Promise<DealRowDto[]>;
  error: Error | null;
  isFetching: boolean;
}

/**
 * The deal list as a page cache for a virtualised table: only the pages around the visible rows are
 * fetched. While the user drags the scrollbar through thousands of rows, pages not cached yet wait
 * until scrolling pauses (the rows show placeholders), so a fling does not queue a hundred requests.
 */
export function useDealPages(
  query: DealListQuery,
  scope: unknown,
  visible: { start: number; end: number },
): DealPages {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const first = Math.floor(visible.start / DEAL_PAGE_SIZE);
  const last = Math.max(first, Math.floor(Math.max(visible.end - 1, 0) / DEAL_PAGE_SIZE));
  const [settled] = useDebouncedValue(`${first}:${last}`, 150);
  const [settledFirst, settledLast] = settled.split(':').map(Number) as [number, number];
  const wanted: number[] = [];
  for (let p = first; p <= last; p++) wanted.push(p);

  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: dealPageKey(query, scope, page),
      queryFn: () => fetchPage(client, query, page),
      // Next to where scrolling settled (a slow scroll) or the first page: at once; far away (a fling): after the pause.
      enabled: page === 0 || (page >= settledFirst - 1 && page <= settledLast + 1),
    })),
  });

  // The total of the newest answer for this list; while the pages on screen are still loading
  // (after a jump down the scrollbar) it comes from pages of the same list still in the cache.
  const identity = JSON.stringify([query, scope ?? null]);
  let newest: DealPageDto | undefined;
  let newestAt = -1;
  for (const r of results) {
    if (r.data && r.dataUpdatedAt > newestAt) {
      newest = r.data;
      newestAt = r.dataUpdatedAt;
    }
  }
  if (!newest) {
    for (const q of queryClient.getQueryCache().findAll({ queryKey: ['deals.list'] })) {
      const [, input, s] = q.queryKey as [string, DealListQuery & { offset?: number }, unknown];
      const { offset: _offset, limit: _limit, ...rest } = input as InputOf<'deals.list'>;
      const data = q.state.data as DealPageDto | undefined;
      if (data && q.state.dataUpdatedAt > newestAt && JSON.stringify([rest, s ?? null]) === identity) {
        newest = data;
        newestAt = q.state.dataUpdatedAt;
      }
    }
  }
  const { total, more } = newest?.totalCapped
    ? uncountedExtent(queryClient, identity, newest.total)
    : { total: newest?.total, more: false };

  const rowAt = (index: number): DealRowDto | undefined => {
    const page = Math.floor(index / DEAL_PAGE_SIZE);
    const i = page - first;
    const data =
      i >= 0 && i < results.length
        ? results[i]?.data
        : queryClient.getQueryData<DealPageDto>(dealPageKey(query, scope, page));
    return data?.rows[index - page * DEAL_PAGE_SIZE];
  };

  const fetchRows = useCallback(
    (start: number, end: number) => fetchRowRange(queryClient, client, query, scope, start, end),
    // The query object is rebuilt every render; its JSON is the real identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, client, identity],
  );

  const failed = results.find((r) => r.isError && !r.data);
  return {
    total,
    more,
    rowAt,
    fetchRows,
    error: failed?.error ?? null,
    isFetching: results.some((r) => r.isFetching),
  };
}

/**
 * For a list too long to count: the rows reach as far as the loaded pages of this list do, plus one more
 * page while the furthest one came back full, so scrolling to the end asks for the next page. A page that
 * comes back short marks the real end.
 */
function uncountedExtent(
  queryClient: QueryClient,
  identity: string,
  counted: number,
): { total: number; more: boolean } {
  let reach = counted;
  let end: number | null = null;
  for (const q of queryClient.getQueryCache().findAll({ queryKey: ['deals.list'] })) {
    const [, input, s] = q.queryKey as [string, InputOf<'deals.list'>, unknown];
    const { offset = 0, limit = DEAL_PAGE_SIZE, ...rest } = input;
    const data = q.state.data as DealPageDto | undefined;
    if (!data || JSON.stringify([rest, s ?? null]) !== identity) continue;
    const stop = offset + data.rows.length;
    reach = Math.max(reach, stop);
    if (data.rows.length < limit && stop >= counted) end = end === null ? stop : Math.min(end, stop);
  }
  return end !== null ? { total: end, more: false } : { total: reach + DEAL_PAGE_SIZE, more: true };
}

async function fetchRowRange(
  queryClient: QueryClient,
  client: ApiClient,
  query: DealListQuery,
  scope: unknown,
  start: number,
  end: number,
): Promise<DealRowDto[]> {
  if (end <= start) return [];
  const firstPage = Math.floor(start / DEAL_PAGE_SIZE);
  const lastPage = Math.floor((end - 1) / DEAL_PAGE_SIZE);
  const pages: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pages.push(p);
  const loaded = new Map<number, DealPageDto>();
  // A few at a time: the backend answers one call after another anyway, and the screen stays responsive.
  for (let i = 0; i < pages.length; i += 4) {
    const batch = pages.slice(i, i + 4);
    const answers = await Promise.all(
      batch.map((page) =>
        queryClient.fetchQuery({
          queryKey: dealPageKey(query, scope, page),
          queryFn: () => fetchPage(client, query, page),
          staleTime: 5_000,
        }),
      ),
    );
    batch.forEach((page, j) => loaded.set(page, answers[j]!));
  }
  const rows: DealRowDto[] = [];
  for (let index = start; index < end; index++) {
    const page = Math.floor(index / DEAL_PAGE_SIZE);
    const row = loaded.get(page)?.rows[index - page * DEAL_PAGE_SIZE];
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * How many deals each saved view holds, for its button: one cheap query per view (limit 1), refreshed
 * with the deals. "Mine" depends on who is using the app, so that member is part of its key.
 */
export function useViewCounts(me: number | null): Partial<Record<SavedView, number>> {
  const client = useApiClient();
  const results = useQueries({
    queries: savedViews.map((view) => {
      const input = { filter: { view }, limit: 1 } satisfies InputOf<'deals.list'>;
      return {
        queryKey: ['deals.list', input, view === 'mine' ? { me } : null] as const,
        queryFn: () => client.call('deals.list', input),
      };
    }),
  });
  const counts: Partial<Record<SavedView, number>> = {};
  savedViews.forEach((view, i) => {
    const total = results[i]?.data?.total;
    if (total !== undefined) counts[view] = total;
  });
  return counts;
}
