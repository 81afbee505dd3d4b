import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconColumns, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedMappingDto } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { currentLanguage } from '../../i18n';
import { formatTokyoDateTime } from '../../i18n/format';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { ConfirmModal } from './ConfirmModal';

/** The saved column mappings: what each reads, and a way to forget one. */
export function MappingsPanel() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useApiQuery('mappings.list', {});
  const [deleting, setDeleting] = useState<SavedMappingDto | null>(null);
  const remove = useApiMutation('mappings.delete', {
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: t('import.mappings.deleted', { name: deleting?.name ?? '' }),
      });
      setDeleting(null);
    },
  });

  if (list.isPending) return <LoadingView />;
  if (list.isError) return <ErrorView error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('import.mappings.lead')}
      </Text>
      {list.data.length === 0 ? (
        <EmptyState
          icon={<IconColumns size={32} aria-hidden />}
          title={t('import.tabs.mappings')}
          description={t('import.mappings.empty')}
        />
      ) : (
        list.data.map((m) => (
          <Paper key={m.id} withBorder p="md" radius="md" data-testid="saved-mapping">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <MarketplaceBadge marketplace={m.mapping.marketplace} />
                  <Text fw={700}>{m.name}</Text>
                </Group>
                <Text size="sm" c="dimmed" truncate="end" title={m.header.join(', ')}>
                  {t('import.mappings.columns', { n: Object.keys(m.mapping.columns).length })} ·{' '}
                  {Object.entries(m.mapping.columns)
                    .map(
                      ([field, column]) =>
                        `${column} → ${t(`import.mapping.fields.${field as 'externalId'}`)}`,
                    )
                    .join(t('separators.list'))}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('import.mappings.updated', { at: formatTokyoDateTime(m.updatedAt, language) })}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  setDeleting(m);
                }}
                aria-label={`${t('import.mappings.delete')}: ${m.name}`}
              >
                {t('import.mappings.delete')}
              </Button>
            </Group>
          </Paper>
        ))
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? t('import.mappings.confirmTitle', { name: deleting.name }) : ''}
        confirmLabel={t('import.mappings.delete')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        <Text size="sm">{t('import.mappings.confirmBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
