import type { ReactNode } from 'react';
import { EmptyState } from '../EmptyState/EmptyState';
import { ErrorView } from '../ErrorView/ErrorView';
import { LoadingView } from '../LoadingView/LoadingView';
import { useSystemInfo } from '../../hooks/useAppData';

interface CountedPlaceholderProps {
  /** The table whose row count decides between "nothing yet" and "being built". */
  table: string;
  icon: ReactNode;
  empty: { title: string; description: string; actions?: ReactNode };
  /** Shown when rows exist but the real view arrives in a later version. */
  building: (count: number) => { title: string; description: string; actions?: ReactNode };
}

/**
 * Until a page's real view lands: an honest empty state that depends on whether the data exists,
 * with the count from system.info (no made-up rows).
 */
export function CountedPlaceholder({ table, icon, empty, building }: CountedPlaceholderProps) {
  const info = useSystemInfo();
  if (info.isError && !info.data) return <ErrorView error={info.error} onRetry={() => void info.refetch()} />;
  if (!info.data) return <LoadingView />;
  const count = info.data.counts[table] ?? 0;
  const shown = count === 0 ? empty : building(count);
  return (
    <EmptyState icon={icon} title={shown.title} description={shown.description} actions={shown.actions} />
  );
}
