import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseRowDto, CustomerDto } from '../../../../shared/contract';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { useApiQuery } from '../../hooks/useApi';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { stateColors } from '../Cases/labels';
import { RaiseCaseButton } from '../Cases/RaiseCaseButton';
import { Section } from './Section';

/** How many cases the customer page lists; the rest are a click away in the complaints list. */
const SHOWN = 50;

/**
 * This buyer's complaint cases, newest first (cases.list filtered by customer), with a button to raise a new
 * one about them. Cases follow the customer through merges and splits, so this is the whole history.
 */
export function CustomerCasesSlot({ customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  return (
    <Section title={t('customerUi.detail.complaints')} testId="customer-cases">
      <Group justify="flex-end" mb="xs">
        <RaiseCaseButton size="xs" target={{ customerId: customer.id, label: customer.name }} />
      </Group>
      <CaseLines customer={customer} />
    </Section>
  );
}

function CaseLines({ customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  const cases = useApiQuery('cases.list', { customerId: customer.id, limit: SHOWN });
  if (cases.isError) return <ErrorView error={cases.error} onRetry={() => void cases.refetch()} />;
  if (!cases.data) return <LoadingView />;
  if (cases.data.rows.length === 0)
    return (
      <>
        <Text size="sm" fw={600} c="dimmed" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <IconMessageReport size={18} aria-hidden />
          {t('customerUi.detail.noComplaints')}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('customerUi.detail.complaintsHint')}
        </Text>
      </>
    );
  const hidden = cases.data.total - cases.data.rows.length;
  return (
    <Stack gap={6}>
      {cases.data.rows.map((row) => (
        <CaseLine key={row.id} row={row} />
      ))}
      {hidden > 0 && (
        <Text size="xs" c="dimmed">
          {t('customerUi.detail.complaintsMore', { n: hidden })}
        </Text>
      )}
    </Stack>
  );
}

function CaseLine({ row }: { row: CaseRowDto }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="customer-case">
      <Badge color={stateColors[row.state]} variant="light" tt="none" style={{ flexShrink: 0 }}>
        {t(`complaints.states.${row.state}`)}
      </Badge>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t(`complaints.categories.${row.category}`)}
      </Text>
      <Anchor
        component={Link}
        to={`/cases/${row.id}`}
        size="sm"
        truncate="end"
        style={{ minWidth: 0, flex: 1 }}
      >
        #{row.id} {row.summary}
      </Anchor>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatTokyoDateTimeShort(row.createdAt)}
      </Text>
    </Group>
  );
}
