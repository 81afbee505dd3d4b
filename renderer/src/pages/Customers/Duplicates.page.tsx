import { Anchor, Badge, Button, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRowDto, DuplicatePairDto } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { tagColor } from '../../components/QuickLookup/tags';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { formatTokyoDate, formatYen } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { BackToCustomers } from './BackToCustomers';

const pairKey = (p: DuplicatePairDto) => `${p.a.id}:${p.b.id}`;

/** Pairs that may be one person: compare side by side, then merge (confirmed) or dismiss as different people. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const pairs = useApiQuery('customers.duplicates', { limit: 200 });
  const [merging, setMerging] = useState<DuplicatePairDto | null>(null);
  const dismiss = useApiMutation('customers.dismissDuplicate', {
    onSuccess: () => notifications.show({ color: 'green', message: t('customerUi.duplicates.dismissed') }),
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });

  const back = <BackToCustomers />;

  let body;
  if (pairs.isPending) body = <LoadingView />;
  else if (pairs.isError) body = <ErrorView error={pairs.error} onRetry={() => void pairs.refetch()} />;
  else if (pairs.data.length === 0)
    body = (
      <EmptyState
        icon={<IconUserCheck size={32} aria-hidden />}
        title={t('customerUi.duplicates.emptyTitle')}
        description={t('customerUi.duplicates.emptyBody')}
      />
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed" role="status">
          {t('customerUi.duplicates.count', { n: pairs.data.length })}
        </Text>
        {pairs.data.map((pair) => (
          <Paper key={pairKey(pair)} withBorder radius="md" p="md" data-testid="duplicate-pair">
            <Group gap={6} mb="sm" wrap="wrap">
              {pair.reasons.map((r) => (
                <Badge key={r} color={r === 'same_name' ? 'gray' : 'orange'} variant="light">
                  {t(`customerUi.duplicates.reasons.${r}`)}
                </Badge>
              ))}
              {pair.shared.length > 0 && (
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {t('customerUi.duplicates.shared', { values: pair.shared.join(t('separators.list')) })}
                </Text>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CustomerCard customer={pair.a} />
              <CustomerCard customer={pair.b} />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm" gap="xs">
              <Button
                variant="default"
                loading={
                  dismiss.isPending &&
                  dismiss.variables.aId === pair.a.id &&
                  dismiss.variables.bId === pair.b.id
                }
                onClick={() => dismiss.mutate({ aId: pair.a.id, bId: pair.b.id })}
              >
                {t('customerUi.duplicates.dismiss')}
              </Button>
              <Button leftSection={<IconUsersGroup size={16} aria-hidden />} onClick={() => setMerging(pair)}>
                {t('customerUi.duplicates.merge')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('customerUi.duplicates.title')}
        description={t('customerUi.duplicates.description')}
      />
      {body}
      {merging && <MergeModal pair={merging} onClose={() => setMerging(null)} />}
    </Stack>
  );
}

/** One side of a pair: enough to decide whether it is the same person. */
function CustomerCard({ customer }: { customer: CustomerRowDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0" data-testid="duplicate-side">
      <Anchor component={Link} to={`/customers/${customer.id}`} fw={700} style={{ wordBreak: 'break-word' }}>
        {customer.name}
      </Anchor>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
        {[customer.kana, customer.prefecture].filter(Boolean).join(t('separators.dot')) || '—'}
      </Text>
      <Group gap={4} mt={6} wrap="wrap">
        {customer.marketplaces.map((m) => (
          <MarketplaceBadge key={m} marketplace={m} />
        ))}
        {customer.tags.map((tag) => (
          <Badge key={tag} size="xs" color={tagColor(tag)} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      <Text size="sm" mt={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {customer.purchaseCount > 0
          ? `${t('customerUi.duplicates.purchases', { n: customer.purchaseCount })}${t('separators.dot')}${formatYen(customer.lifetimeValue)}${t('separators.dot')}${t(
              'customerUi.duplicates.lastPurchase',
              { date: customer.lastPurchaseAt ? formatTokyoDate(customer.lastPurchaseAt) : '—' },
            )}`
          : t('customerUi.duplicates.noPurchase')}
      </Text>
    </Paper>
  );
}

/** Which one to keep (the one with more history by default), then merge; the kept page offers "split". */
function MergeModal({ pair, onClose }: { pair: DuplicatePairDto; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const preferred = pair.b.purchaseCount > pair.a.purchaseCount ? pair.b : pair.a;
  const [keepId, setKeepId] = useState(String(preferred.id));
  const merge = useApiMutation('customers.merge', {
    onSuccess: (result) => {
      notifications.show({ color: 'green', message: t('customerUi.duplicates.merged') });
      onClose();
      void navigate(`/customers/${result.customer.id}`);
    },
  });
  const keep = Number(keepId);
  const absorb = keep === pair.a.id ? pair.b.id : pair.a.id;
  return (
    <Modal opened onClose={onClose} title={t('customerUi.duplicates.mergeTitle')} size="lg">
      <Text size="sm" mb="sm">
        {t('customerUi.duplicates.mergeBody')}
      </Text>
      <Radio.Group value={keepId} onChange={setKeepId} aria-label={t('customerUi.duplicates.keep')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {[pair.a, pair.b].map((c) => (
            <Paper key={c.id} withBorder radius="sm" p="sm">
              <Radio value={String(c.id)} label={t('customerUi.duplicates.keep')} mb="xs" />
              <CustomerCard customer={c} />
            </Paper>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {merge.isError && (
        <Text c="red" size="sm" mt="sm" role="alert">
          {describeError(merge.error, t)}
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={merge.isPending} onClick={() => merge.mutate({ keepId: keep, absorbId: absorb })}>
          {t('customerUi.duplicates.confirmMerge')}
        </Button>
      </Group>
    </Modal>
  );
}
