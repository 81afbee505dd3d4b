import { useQueries } from '@tanstack/react-query';
import { savedViews, type SavedView } from '../../../shared/contract';
import type { InputOf } from '../../../shared/contract';
import { useApiClient } from './api-context';
import type { ListQuery } from './usePagedRows';

/** The contract's limit for one bulk action, and so for one selection. */
export const BULK_LIMIT = 5_000;

/** What the deal list shows, without the paging. */
export type DealListQuery = ListQuery<'deals.list'>;

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
