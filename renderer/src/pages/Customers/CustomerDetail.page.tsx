import { Alert, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUserOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CustomerDto } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { tagColor } from '../../components/QuickLookup/tags';
import { apiQueryKey, useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { currentLanguage } from '../../i18n';
import { formatTokyoDate, formatYen } from '../../i18n/deal-format';
import { appErrorOf } from '../../i18n/errors';
import { formatCount } from '../../i18n/format';
import { BackToCustomers } from './BackToCustomers';
import { CustomerCasesSlot } from './CustomerCasesSlot';
import { CustomerDeals } from './CustomerDeals';
import { CustomerHistory } from './CustomerHistory';
import { CustomerMerges } from './CustomerMerges';
import { CustomerNotes } from './CustomerNotes';
import { CustomerProfile } from './CustomerProfile';
import { CustomerWishes } from './CustomerWishes';

/** Every deal this cap may hold; the contract's upper bound for one page. */
const ALL_DEALS = 5_000;

/** One buyer across marketplaces and years: figures, contact, every deal, notes, tags, wishes, complaints. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const [allDeals, setAllDeals] = useState(false);
  const input = allDeals ? { id: valid ? id : 1, dealsLimit: ALL_DEALS } : { id: valid ? id : 1 };
  const customer = useApiQuery('customers.get', input, {
    enabled: valid,
    retry: false,
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
  const members = useAllMembers();
  const membersById = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m])), [members.data]);
  const queryClient = useQueryClient();
  const store = (c: CustomerDto) => queryClient.setQueryData(apiQueryKey('customers.get', input), c);

  const back = <BackToCustomers />;

  if (!valid || (customer.isError && appErrorOf(customer.error)?.code === 'not_found'))
    return (
      <Stack gap="md">
        {back}
        <EmptyState
          icon={<IconUserOff size={32} aria-hidden />}
          title={t('customerUi.detail.notFoundTitle')}
          description={t('customerUi.detail.notFoundBody')}
        />
      </Stack>
    );
  if (customer.isError) return <ErrorView error={customer.error} onRetry={() => void customer.refetch()} />;
  if (!customer.data) return <LoadingView />;
  const c = customer.data;

  return (
    <Stack gap="md" data-testid="customer-page" data-customer-id={c.id}>
      {back}
      {c.mergedIntoId !== null && <MergedNotice intoId={c.mergedIntoId} />}
      <Header customer={c} />
      <Stats customer={c} />
      <CustomerDeals
        customer={c}
        members={membersById}
        onShowAll={() => setAllDeals(true)}
        loadingAll={allDeals && customer.isFetching}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <CustomerCasesSlot customer={c} />
            <CustomerWishes customer={c} />
            <CustomerHistory customerId={c.id} members={membersById} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CustomerProfile customer={c} onSaved={store} />
            <CustomerNotes key={`${c.id}:${c.updatedAt}`} customer={c} onSaved={store} />
            <CustomerMerges customer={c} onSplit={store} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Header({ customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} fz="h2" style={{ wordBreak: 'break-word', minWidth: 0 }}>
          {customer.name}
        </Title>
        {customer.isRepeat && (
          <Badge color="yellow" variant="filled" tt="none" data-testid="repeat-badge">
            {t('customerUi.detail.repeat')}
          </Badge>
        )}
        {customer.tags.map((tag) => (
          <Badge key={tag} color={tagColor(tag)} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      {(customer.kana || customer.prefecture) && (
        <Text c="dimmed" size="sm" style={{ wordBreak: 'break-word' }}>
          {[customer.kana, customer.prefecture].filter(Boolean).join(t('separators.dot'))}
        </Text>
      )}
    </div>
  );
}

function Stats({ customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const stat = (label: string, value: string, note?: string, testId?: string) => (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {stat(
        t('customerUi.detail.stats.lifetimeValue'),
        formatYen(customer.lifetimeValue),
        undefined,
        'stat-ltv',
      )}
      {stat(
        t('customerUi.detail.stats.purchases'),
        formatCount(customer.purchaseCount, language),
        customer.cancelledCount > 0
          ? t('customerUi.detail.stats.cancelled', { n: customer.cancelledCount })
          : undefined,
        'stat-purchases',
      )}
      {stat(
        t('customerUi.detail.stats.repeatCount'),
        formatCount(customer.repeatCount, language),
        undefined,
        'stat-repeat',
      )}
      {stat(
        t('customerUi.detail.stats.firstPurchase'),
        customer.firstPurchaseAt ? formatTokyoDate(customer.firstPurchaseAt) : '—',
      )}
      <Paper withBorder radius="md" p="sm">
        <Text size="xs" c="dimmed">
          {t('customerUi.detail.stats.lastPurchase')}
        </Text>
        <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {customer.lastPurchaseAt ? formatTokyoDate(customer.lastPurchaseAt) : '—'}
        </Text>
        <Group gap={4} mt={2}>
          {customer.marketplaces.map((m) => (
            <MarketplaceBadge key={m} marketplace={m} />
          ))}
        </Group>
      </Paper>
    </SimpleGrid>
  );
}

/** A merged customer's old page (a bookmark, a search hit): says where the history went. */
function MergedNotice({ intoId }: { intoId: number }) {
  const { t } = useTranslation();
  const into = useApiQuery('customers.get', { id: intoId, dealsLimit: 1 });
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('customerUi.detail.mergedTitle', { name: into.data?.name ?? '…' })}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('customerUi.detail.mergedBody')}</Text>
        <Button component={Link} to={`/customers/${intoId}`} size="xs" color="orange">
          {t('customerUi.detail.openMerged')}
        </Button>
      </Group>
    </Alert>
  );
}
