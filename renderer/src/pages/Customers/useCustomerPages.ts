import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { CustomerPageDto, CustomerRowDto, InputOf } from '../../../../shared/contract';
import { useApiClient } from '../../hooks/api-context';
import type { CustomerListQuery } from './list-params';

/** Rows per request: several screens of scrolling. */
export const CUSTOMER_PAGE_SIZE = 200;

/** Keyed under 'customers.list', so `data.changed` ("customers") refreshes exactly the pages on screen. */
const pageKey = (query: CustomerListQuery, page: number) =>
  [
    'customers.list',
    {
      ...query,
      offset: page * CUSTOMER_PAGE_SIZE,
      limit: CUSTOMER_PAGE_SIZE,
    } satisfies InputOf<'customers.list'>,
  ] as const;

export interface CustomerPages {
  total: number | undefined;
  rowAt: (index: number) => CustomerRowDto | undefined;
  error: Error | null;
}

/**
 * The customers list as a page cache for a virtualised table: only the pages around the visible rows are
 * fetched, and pages far from where a fling started wait until scrolling pauses.
 */
export function useCustomerPages(
  query: CustomerListQuery,
  visible: { start: number; end: number },
): CustomerPages {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const first = Math.floor(visible.start / CUSTOMER_PAGE_SIZE);
  const last = Math.max(first, Math.floor(Math.max(visible.end - 1, 0) / CUSTOMER_PAGE_SIZE));
  const [settled] = useDebouncedValue(`${first}:${last}`, 150);
  const [settledFirst, settledLast] = settled.split(':').map(Number) as [number, number];
  const wanted: number[] = [];
  for (let p = first; p <= last; p++) wanted.push(p);

  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: pageKey(query, page),
      queryFn: () =>
        client.call('customers.list', {
          ...query,
          offset: page * CUSTOMER_PAGE_SIZE,
          limit: CUSTOMER_PAGE_SIZE,
        }),
      enabled: page === 0 || (page >= settledFirst - 1 && page <= settledLast + 1),
    })),
  });

  // The newest total among the pages on screen, else from page 0 of the same list in the cache.
  let total: number | undefined;
  let newestAt = -1;
  for (const r of results) {
    if (r.data && r.dataUpdatedAt > newestAt) {
      total = r.data.total;
      newestAt = r.dataUpdatedAt;
    }
  }
  total ??= queryClient.getQueryData<CustomerPageDto>(pageKey(query, 0))?.total;

  const rowAt = (index: number): CustomerRowDto | undefined => {
    const page = Math.floor(index / CUSTOMER_PAGE_SIZE);
    const i = page - first;
    const data =
      i >= 0 && i < results.length
        ? results[i]?.data
        : queryClient.getQueryData<CustomerPageDto>(pageKey(query, page));
    return data?.rows[index - page * CUSTOMER_PAGE_SIZE];
  };
  const failed = results.find((r) => r.isError && !r.data);
  return { total, rowAt, error: failed?.error ?? null };
}
