import { useQueries } from '@tanstack/react-query';
import type { ImportPreviewRowDto, ImportRowStatus } from '../../../../shared/contract';
import { useApiClient } from '../../hooks/api-context';
import { usePageWindow } from '../../hooks/usePagedRows';
import type { ReadyPreview } from './useImportFlow';

/** Rows per request (the contract allows 500): a few screens of scrolling each. */
export const PREVIEW_PAGE_SIZE = 200;

export interface PreviewRows {
  total: number;
  rowAt: (index: number) => ImportPreviewRowDto | undefined;
  error: Error | null;
}

/**
 * The rows of a preview as a page cache for the virtualised table: a 100,000-row preview stays in the
 * backend and only the pages around the visible rows are fetched. Keys do not start with "imports."
 * on purpose: a preview never changes, so `data.changed` ("imports") must not refetch it (after a
 * commit the backend no longer has it).
 */
export function usePreviewRows(
  preview: ReadyPreview,
  status: ImportRowStatus | null,
  visible: { start: number; end: number },
): PreviewRows {
  const client = useApiClient();
  const total = status ? preview.deals[status] : Object.values(preview.deals).reduce((a, b) => a + b, 0);
  // A fling down the scrollbar passes many pages; only where it stops is fetched.
  const { first, pages, enabled } = usePageWindow(visible, PREVIEW_PAGE_SIZE, 120);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: ['import-preview-rows', preview.previewId, status, page] as const,
      queryFn: () =>
        client.call('imports.rows', {
          previewId: preview.previewId,
          ...(status ? { status } : {}),
          offset: page * PREVIEW_PAGE_SIZE,
          limit: PREVIEW_PAGE_SIZE,
        }),
      enabled: enabled(page),
      staleTime: Infinity,
      gcTime: 60_000,
      retry: false,
    })),
  });

  // The preview carries its first rows: the unfiltered table shows them before any page arrives.
  const firstRows = status === null ? preview.firstRows : [];
  const rowAt = (index: number) => {
    const page = Math.floor(index / PREVIEW_PAGE_SIZE);
    const data = results[page - first]?.data;
    return data?.rows[index - page * PREVIEW_PAGE_SIZE] ?? firstRows[index];
  };
  const failed = results.find((r) => r.isError);
  return { total, rowAt, error: failed?.error ?? null };
}
