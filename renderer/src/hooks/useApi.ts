import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { useApiClient } from './api-context';

/**
 * Query keys start with the contract method name, so a `data.changed` topic ("members") can refresh
 * every query of that area ("members.list") without the pages knowing about events.
 */
export const apiQueryKey = <M extends MethodName>(method: M, input: InputOf<M>) => [method, input] as const;

export function useApiQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  const client = useApiClient();
  return useQuery<OutputOf<M>, Error>({
    queryKey: apiQueryKey(method, input),
    queryFn: () => client.call(method, input),
    ...options,
  });
}

export function useApiMutation<M extends MethodName>(
  method: M,
  options: Omit<UseMutationOptions<OutputOf<M>, Error, InputOf<M>>, 'mutationFn'> = {},
) {
  const client = useApiClient();
  return useMutation<OutputOf<M>, Error, InputOf<M>>({
    mutationFn: (input) => client.call(method, input),
    ...options,
  });
}

/** The activity log page by page, newest first; `beforeId` is the id of the last entry already shown. */
export function useActivityPages(pageSize: number) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: apiQueryKey('activity.list', { limit: pageSize }),
    queryFn: ({ pageParam }) =>
      client.call(
        'activity.list',
        pageParam ? { limit: pageSize, beforeId: pageParam } : { limit: pageSize },
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.length < pageSize ? undefined : last[last.length - 1]?.id),
  });
}
