import { useApiQuery } from './useApi';

/** The queries most screens share, with one spelling of their inputs so they share one cache entry. */
export const useSettings = () => useApiQuery('settings.get', {});
export const useSession = () => useApiQuery('session.get', {});
export const useMembers = () => useApiQuery('members.list', {});
export const useAllMembers = () => useApiQuery('members.list', { includeArchived: true });
export const useSystemInfo = () => useApiQuery('system.info', {});

/** Row count of one table from system.info, or undefined while loading. */
export function useCount(table: string): number | undefined {
  const info = useSystemInfo();
  return info.data ? (info.data.counts[table] ?? 0) : undefined;
}
