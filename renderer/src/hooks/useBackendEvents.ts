import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from './api-context';

/** Queries that summarise everything: any change may alter them. */
const dependsOnEverything = new Set(['system.info', 'activity.list']);

/** A topic ("members") matches the queries of its area ("members.list", "members.get"...). */
export function queryMatchesTopics(query: Pick<Query, 'queryKey'>, topics: readonly string[]): boolean {
  const method = query.queryKey[0];
  if (typeof method !== 'string') return false;
  if (dependsOnEverything.has(method)) return true;
  return topics.some((topic) => method === topic || method.startsWith(`${topic}.`));
}

/**
 * Keeps every screen in step with the backend: writes from this window, another window or the CLI
 * all arrive as `data.changed`, so pages never refresh by hand after a mutation.
 */
export function useBackendEvents(): void {
  const client = useApiClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offData = client.on('data.changed', ({ topics }) => {
      void queryClient.invalidateQueries({ predicate: (q) => queryMatchesTopics(q, topics) });
    });
    const offSession = client.on('session.changed', () => {
      void queryClient.invalidateQueries({ predicate: (q) => queryMatchesTopics(q, ['session']) });
    });
    return () => {
      offData();
      offSession();
    };
  }, [client, queryClient]);
}
