import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { ApiClient } from '../api/client';
import { useApiClient } from './api-context';
import {
  listExtent,
  listIdentity,
  pageKey,
  PAGE_SIZE,
  type AnyPage,
  type ListQuery,
  type PagedMethod,
  type RowOf,
} from './page-cache';

export { PAGE_SIZE, type ListQuery };

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
  const identity = listIdentity(query, scope);

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

  const { total, more } = listExtent(
    queryClient,
    method,
    identity,
    results.map((r) => ({ data: r.data, at: r.dataUpdatedAt })),
  );

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
