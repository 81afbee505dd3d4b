import { Alert, Button, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchDto, ImportUndoDto } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { currentLanguage } from '../../i18n';
import { formatCount, formatTokyoDateTime } from '../../i18n/format';
import { useApiClient } from '../../hooks/api-context';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../hooks/useApi';
import { ConfirmModal } from './ConfirmModal';
import { encodingName } from './ReadOptionsForm';

const PAGE = 50;

/** Every import batch, newest first, each with its undo; the answer to "what did that import do?". */
export function HistoryPanel() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (v: number) => formatCount(v, language);
  const client = useApiClient();
  // Keyed under the method name, so a commit or an undo anywhere ("imports" changed) refreshes it.
  const history = useInfiniteQuery({
    queryKey: apiQueryKey('imports.history', { limit: PAGE }),
    queryFn: ({ pageParam }) =>
      client.call('imports.history', pageParam ? { limit: PAGE, beforeId: pageParam } : { limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]?.id),
  });
  const formats = useApiQuery('imports.formats', {}, { staleTime: Infinity });
  const [confirming, setConfirming] = useState<ImportBatchDto | null>(null);
  const [undone, setUndone] = useState<ImportUndoDto | null>(null);
  const undo = useApiMutation('imports.undo', {
    onSuccess: (result) => {
      setUndone(result);
      setConfirming(null);
    },
  });

  if (history.isPending) return <LoadingView />;
  if (history.isError) return <ErrorView error={history.error} onRetry={() => void history.refetch()} />;
  const batches = history.data.pages.flat();

  const formatName = (id: string) => {
    if (id.startsWith('mapping')) {
      const name = id.slice('mapping:'.length);
      return name
        ? t('separators.named', { text: t('import.history.formatMapping'), name })
        : t('import.history.formatMapping');
    }
    return formats.data?.find((f) => f.id === id)?.name[language] ?? id;
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('import.history.lead')}
      </Text>
      {undone && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          withCloseButton
          onClose={() => setUndone(null)}
          data-testid="import-undo-result"
        >
          <Text size="sm">
            {t('import.history.result', {
              id: undone.batchId,
              removed: n(undone.dealsRemoved),
              restored: n(undone.dealsRestored),
              customersRemoved: n(undone.customersRemoved),
            })}
          </Text>
          {undone.customersKept > 0 && (
            <Text size="sm">{t('import.history.customersKept', { n: n(undone.customersKept) })}</Text>
          )}
          {undone.valuesKept > 0 && (
            <Text size="sm">{t('import.history.valuesKept', { n: n(undone.valuesKept) })}</Text>
          )}
        </Alert>
      )}
      {batches.length === 0 ? (
        <EmptyState
          icon={<IconHistory size={32} aria-hidden />}
          title={t('import.tabs.history')}
          description={t('import.history.empty')}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" aria-label={t('import.history.label')} data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>#</Table.Th>
                <Table.Th w={190}>{t('import.history.at')}</Table.Th>
                <Table.Th w={120}>{t('import.history.member')}</Table.Th>
                <Table.Th>{t('import.history.files')}</Table.Th>
                <Table.Th>{t('import.history.counts')}</Table.Th>
                <Table.Th w={150}>{t('import.history.customers')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.map((b) => (
                <Table.Tr
                  key={b.id}
                  data-testid="import-batch"
                  data-batch-id={b.id}
                  data-undone={b.undoneAt ? true : undefined}
                >
                  <Table.Td c="dimmed">{b.id}</Table.Td>
                  <Table.Td fz="sm">{formatTokyoDateTime(b.at, language)}</Table.Td>
                  <Table.Td fz="sm">
                    {b.memberName ?? (
                      <Text span c="dimmed" fz="sm">
                        {t('import.history.unknownMember')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <div>{b.files.join(t('separators.list'))}</div>
                    <Text size="xs" c="dimmed">
                      {formatName(b.formatId)} · {encodingName(b.encoding)}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">
                    <div style={b.undoneAt ? { textDecoration: 'line-through' } : undefined}>
                      {t('import.history.countsText', {
                        inserted: n(b.deals.inserted),
                        updated: n(b.deals.updated),
                        unchanged: n(b.deals.unchanged),
                      })}
                    </div>
                    {b.rowsSkipped > 0 && (
                      <Text size="xs" c="red.7">
                        {t('import.history.skipped', { n: n(b.rowsSkipped) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {t('import.history.customersText', {
                      inserted: n(b.customers.inserted),
                      matched: n(b.customers.matched),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {b.undoneAt ? (
                      <div>
                        <Text size="sm" fw={700} c="dimmed">
                          {t('import.history.undone')}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatTokyoDateTime(b.undoneAt, language)}
                        </Text>
                      </div>
                    ) : (
                      <Tooltip
                        label={b.undoBlockedBy ? t('import.history.blocked', { id: b.undoBlockedBy }) : ''}
                        disabled={!b.undoBlockedBy}
                        multiline
                        w={260}
                      >
                        <span>
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconArrowBackUp size={14} aria-hidden />}
                            disabled={b.undoBlockedBy !== null}
                            onClick={() => {
                              undo.reset();
                              setConfirming(b);
                            }}
                            aria-label={`${t('import.history.undo')} #${b.id}`}
                          >
                            {t('import.history.undo')}
                          </Button>
                        </span>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {history.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('import.history.more')}
        </Button>
      )}
      <ConfirmModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t('import.history.confirmTitle', { id: confirming.id }) : ''}
        confirmLabel={t('import.history.confirm')}
        pending={undo.isPending}
        error={undo.error}
        onConfirm={() => confirming && undo.mutate({ batchId: confirming.id })}
      >
        {confirming && (
          <>
            <Text size="sm">
              {t('import.history.confirmBody', {
                inserted: n(confirming.deals.inserted),
                updated: n(confirming.deals.updated),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {confirming.files.join(t('separators.list'))}
            </Text>
          </>
        )}
      </ConfirmModal>
    </Stack>
  );
}
