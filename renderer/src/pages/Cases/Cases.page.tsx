import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessageReport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseRowDto } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { FirstResponseTimer } from './FirstResponseTimer';
import { stateColors } from './labels';
import { RaiseCaseButton } from './RaiseCaseButton';
import { ServiceFigures } from './ServiceFigures';

type Scope = 'open' | 'closed' | 'all';

/** Every complaint, open ones first in mind: state, the first-response clock and promises at a glance. */
export function CasesPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('open');
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const members = useAllMembers().data ?? [];
  const cases = useApiQuery('cases.list', {
    open: scope === 'all' ? undefined : scope === 'open',
    assigneeId: assigneeId ?? undefined,
    text: debounced.trim() || undefined,
    limit: 500,
  });
  const anyCase = useApiQuery('cases.list', { limit: 1 });

  const header = (
    <PageHeader
      title={t('complaints.list.title')}
      description={t('complaints.list.description')}
      actions={<RaiseCaseButton />}
    />
  );
  if (anyCase.data?.total === 0)
    return (
      <>
        {header}
        <EmptyState
          icon={<IconMessageReport size={32} aria-hidden />}
          title={t('complaints.list.emptyTitle')}
          description={t('complaints.list.emptyBody')}
          actions={<RaiseCaseButton variant="filled" />}
        />
      </>
    );

  return (
    <>
      {header}
      <ServiceFigures />
      <Group gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={(['open', 'closed', 'all'] as const).map((s) => ({
            value: s,
            label: t(`complaints.list.${s}`),
          }))}
        />
        <MemberSelect
          aria-label={t('complaints.list.columns.assignee')}
          members={members}
          value={assigneeId}
          onChange={setAssigneeId}
          nobodyLabel={t('complaints.followups.everyone')}
          w={180}
        />
        <TextInput
          aria-label={t('complaints.list.search')}
          placeholder={t('complaints.list.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={300}
        />
        {cases.data && (
          <Text size="sm" c="dimmed">
            {t('complaints.list.total', { n: cases.data.total })}
          </Text>
        )}
      </Group>
      {cases.isError ? (
        <ErrorView error={cases.error} onRetry={() => void cases.refetch()} />
      ) : !cases.data ? (
        <LoadingView />
      ) : cases.data.rows.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('complaints.list.noMatch')}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="cases-table">
            <Table.Thead>
              <Table.Tr>
                {(
                  [
                    'id',
                    'state',
                    'category',
                    'summary',
                    'customer',
                    'firstResponse',
                    'promises',
                    'assignee',
                  ] as const
                ).map((c) => (
                  <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                    {t(`complaints.list.columns.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.rows.map((row) => (
                <CaseRow key={row.id} row={row} member={members.find((m) => m.id === row.assigneeId)} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}

function CaseRow({
  row,
  member,
}: {
  row: CaseRowDto;
  member?: { name: string; color: Parameters<typeof MemberAvatar>[0]['color'] };
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="case-row">
      <Table.Td>
        <Anchor component={Link} to={`/cases/${row.id}`} fw={700}>
          #{row.id}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge color={stateColors[row.state]} variant="light" tt="none">
          {t(`complaints.states.${row.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`complaints.categories.${row.category}`)}</Table.Td>
      <Table.Td maw={360}>
        <Anchor component={Link} to={`/cases/${row.id}`} c="inherit" lineClamp={2}>
          {row.summary}
        </Anchor>
      </Table.Td>
      <Table.Td maw={200}>
        <Text size="sm" truncate="end">
          {row.customerName ?? '—'}
        </Text>
        {row.deal && (
          <Text size="xs" c={row.deal.state === 'deleted' ? 'red' : 'dimmed'} truncate="end">
            {row.deal.state === 'deleted'
              ? t('complaints.detail.dealDeleted', { id: row.deal.externalId })
              : row.deal.externalId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.state === 'closed' ? (
          <Text size="xs" c="dimmed">
            {formatTokyoDateTimeShort(row.createdAt)}
          </Text>
        ) : (
          <FirstResponseTimer
            createdAt={row.createdAt}
            dueAt={row.firstResponseDueAt}
            answeredAt={row.firstRespondedAt}
          />
        )}
      </Table.Td>
      <Table.Td>
        {row.overduePromises > 0 ? (
          <Badge color="red" variant="filled" tt="none">
            {t('complaints.promises.overdueBadge')} {row.overduePromises}
          </Badge>
        ) : row.nextPromiseDueAt ? (
          <Text size="xs">{formatTokyoDateTimeShort(row.nextPromiseDueAt)}</Text>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {member ? (
          <Group gap={6} wrap="nowrap">
            <MemberAvatar name={member.name} color={member.color} size="sm" />
            <Text size="sm">{member.name}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('complaints.detail.unassigned')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
