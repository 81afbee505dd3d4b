import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsSplit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerDto, MergeDto } from '../../../../shared/contract';
import { useApiMutation } from '../../hooks/useApi';
import { formatTokyoDate } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { Section } from './Section';

/** The customers merged into this one, each with "split" to undo it (the history moves back). */
export function CustomerMerges({
  customer,
  onSplit,
}: {
  customer: CustomerDto;
  onSplit: (c: CustomerDto) => void;
}) {
  const { t } = useTranslation();
  const [splitting, setSplitting] = useState<MergeDto | null>(null);
  const split = useApiMutation('customers.split', {
    onSuccess: (result) => {
      notifications.show({
        color: 'green',
        message: t('customerUi.detail.splitDone', { name: result.restored.name }),
      });
      setSplitting(null);
      onSplit(result.kept);
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  if (customer.merges.length === 0) return null;
  return (
    <Section title={t('customerUi.detail.merges')} testId="customer-merges">
      <Stack gap="xs">
        {customer.merges.map((m) => (
          <Paper key={m.id} withBorder p="xs" radius="sm" data-testid="merge">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  <Link to={`/customers/${m.absorbedId}`}>
                    {t('customerUi.detail.mergeLine', {
                      name: m.absorbedName,
                      date: formatTokyoDate(m.mergedAt),
                    })}
                  </Link>
                </Text>
                <Text size="xs" c="dimmed">
                  {m.splitAt
                    ? t('customerUi.detail.mergeSplit', { date: formatTokyoDate(m.splitAt) })
                    : t('customerUi.detail.mergeMoved', m.moved)}
                </Text>
              </div>
              {m.canSplit && (
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  leftSection={<IconArrowsSplit size={14} aria-hidden />}
                  onClick={() => setSplitting(m)}
                >
                  {t('customerUi.detail.split')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal
        opened={splitting !== null}
        onClose={() => setSplitting(null)}
        title={t('customerUi.detail.splitTitle')}
      >
        <Text size="sm">{t('customerUi.detail.splitBody', { name: splitting?.absorbedName ?? '' })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setSplitting(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={split.isPending}
            onClick={() => splitting && split.mutate({ mergeId: splitting.id })}
          >
            {t('customerUi.detail.split')}
          </Button>
        </Group>
      </Modal>
    </Section>
  );
}
