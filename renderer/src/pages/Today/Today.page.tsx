import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MemberDto, TodayDto } from '../../../../shared/contract';
import { stepKinds } from '../../../../shared/domain/steps';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { GettingStarted } from '../../components/GettingStarted/GettingStarted';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useApiQuery } from '../../hooks/useApi';
import { useAllMembers, useMembers, useSession, useSystemInfo } from '../../hooks/useAppData';
import { useNewDealHotkey } from '../Deals/hotkeys';
import { TaskList } from './TaskList';
import { TodayFollowups } from './TodayFollowups';

/**
 * 今日: for one member (the one using the app, or whoever was picked), the overdue and due-today
 * steps, counts per step kind, and the whole family's load so nobody's pile goes unnoticed.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const allMembers = useAllMembers();
  const info = useSystemInfo();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  useNewDealHotkey();

  const picked = Number(params.get('member'));
  const active = members.data ?? [];
  const pickedMember = active.find((m) => m.id === picked);
  const viewing = pickedMember ?? session.data?.current ?? null;
  const view = (id: number | null) => setParams(id === null ? {} : { member: String(id) }, { replace: true });

  const failed = (!members.data && members.error) || (!info.data && info.error);
  const header = (
    <PageHeader
      title={t('today.title')}
      description={viewing ? t('today.descriptionFor', { name: viewing.name }) : t('today.description')}
      actions={
        viewing && active.length > 1 ? (
          <MemberSelect
            aria-label={t('today.viewing')}
            members={active}
            value={viewing.id}
            onChange={(id) => view(id)}
            w={200}
            data-testid="today-member"
          />
        ) : undefined
      }
    />
  );

  let body;
  if (failed)
    body = (
      <ErrorView
        error={failed}
        onRetry={() => {
          void members.refetch();
          void info.refetch();
        }}
      />
    );
  else if (!members.data || !info.data || !session.data) body = <LoadingView />;
  else if ((info.data.counts.deals ?? 0) === 0) body = <GettingStarted members={members.data} />;
  else if (!viewing) body = <ChooseMember members={active} onChoose={view} />;
  else
    body = (
      <MemberDay
        member={viewing}
        membersById={new Map((allMembers.data ?? active).map((m) => [m.id, m]))}
        onView={view}
      />
    );

  return (
    <>
      {header}
      {body}
      <TodayFollowups memberId={viewing?.id ?? null} />
    </>
  );
}

function ChooseMember({
  members,
  onChoose,
}: {
  members: readonly MemberDto[];
  onChoose: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconUserQuestion size={32} aria-hidden />}
      title={t('today.chooseTitle')}
      description={members.length > 0 ? t('today.chooseBody') : t('today.chooseNoMembers')}
      actions={
        members.length > 0 ? (
          members.map((m) => (
            <Button
              key={m.id}
              variant="default"
              leftSection={<MemberAvatar name={m.name} color={m.color} size={22} />}
              onClick={() => onChoose(m.id)}
              maw={240}
              styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
            >
              {m.name}
            </Button>
          ))
        ) : (
          <Button component={Link} to="/settings">
            {t('switcher.manage')}
          </Button>
        )
      }
    />
  );
}

function MemberDay({
  member,
  membersById,
  onView,
}: {
  member: MemberDto;
  membersById: ReadonlyMap<number, MemberDto>;
  onView: (id: number) => void;
}) {
  const { t } = useTranslation();
  const today = useApiQuery('today.get', { memberId: member.id });
  if (today.isError && !today.data)
    return <ErrorView error={today.error} onRetry={() => void today.refetch()} />;
  if (!today.data) return <LoadingView />;
  const data = today.data;
  const dealsLink = (extra: string) => `/deals?assignee=${member.id}${extra}`;
  return (
    <Stack gap="md">
      <KindCounts data={data} memberId={member.id} />
      <TaskList
        title={t('today.overdue')}
        tone="overdue"
        tasks={data.overdue}
        empty={t('today.noOverdue')}
        moreLink={
          <Anchor component={Link} to={dealsLink('&overdue=1')} size="sm">
            {t('today.more')}
          </Anchor>
        }
      />
      <TaskList
        title={t('today.dueToday')}
        tone="today"
        tasks={data.dueToday}
        empty={t('today.noDueToday')}
        moreLink={
          <Anchor component={Link} to={dealsLink('&sort=nextDue&dir=asc')} size="sm">
            {t('today.more')}
          </Anchor>
        }
      />
      <FamilyOverview family={data.family} membersById={membersById} current={member.id} onView={onView} />
    </Stack>
  );
}

function KindCounts({ data, memberId }: { data: TodayDto; memberId: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="kind-counts">
      {stepKinds.map((kind) => {
        const c = data.counts[kind];
        return (
          <UnstyledButton
            key={kind}
            component={Link}
            to={`/deals?assignee=${memberId}&step=${kind}:todo&sort=nextDue&dir=asc`}
            aria-label={t('today.countLabel', {
              step: t(`steps.kinds.${kind}`),
              overdue: c.overdue,
              today: c.today,
            })}
          >
            <Paper
              withBorder
              radius="md"
              p="sm"
              style={c.overdue > 0 ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
            >
              <Text size="sm" fw={700} mb={4}>
                {t(`steps.kinds.${kind}`)}
              </Text>
              <Group gap="md" align="baseline" wrap="nowrap">
                <div>
                  <Text fz={26} fw={800} lh={1.1} c={c.overdue > 0 ? 'red.7' : 'gray.5'}>
                    {c.overdue}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('today.countOverdue')}
                  </Text>
                </div>
                <div>
                  <Text fz={26} fw={800} lh={1.1} c={c.today > 0 ? 'indigo.7' : 'gray.5'}>
                    {c.today}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('today.countToday')}
                  </Text>
                </div>
              </Group>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

function FamilyOverview({
  family,
  membersById,
  current,
  onView,
}: {
  family: TodayDto['family'];
  membersById: ReadonlyMap<number, MemberDto>;
  current: number;
  onView: (id: number) => void;
}) {
  const { t } = useTranslation();
  // Every current member appears, with zeros when nothing is assigned; nobody's steps come last.
  const byMember = new Map(family.map((f) => [f.memberId, f]));
  const rows = [
    ...[...membersById.values()]
      .filter((m) => !m.archived || byMember.has(m.id))
      .map((m) => ({
        member: m as MemberDto | null,
        ...(byMember.get(m.id) ?? { overdue: 0, today: 0, open: 0 }),
      })),
    ...(byMember.has(null) ? [{ member: null, ...byMember.get(null)! }] : []),
  ];
  const num = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' };
  return (
    <Paper withBorder radius="md" p="md" data-testid="family-overview">
      <Title order={2} fz="h4" mb={2}>
        {t('today.family')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('today.familyHint')}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={6} highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('today.familyMember')}</Table.Th>
              <Table.Th w={110} style={num}>
                {t('today.countOverdue')}
              </Table.Th>
              <Table.Th w={110} style={num}>
                {t('today.countToday')}
              </Table.Th>
              <Table.Th w={110} style={num}>
                {t('today.familyOpen')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.member?.id ?? 'nobody'}
                bg={r.member?.id === current ? 'indigo.0' : undefined}
                data-testid="family-row"
              >
                <Table.Td>
                  {r.member ? (
                    <UnstyledButton
                      onClick={() => onView(r.member!.id)}
                      aria-label={t('today.showMember', { name: r.member.name })}
                      style={{ maxWidth: '100%' }}
                    >
                      <Group gap={8} wrap="nowrap">
                        <MemberAvatar name={r.member.name} color={r.member.color} size={24} />
                        <Text size="sm" fw={600} truncate="end" title={r.member.name}>
                          {r.member.name}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('today.unassigned')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={num}>
                  <Text
                    span
                    size="sm"
                    fw={r.overdue > 0 ? 700 : undefined}
                    c={r.overdue > 0 ? 'red.7' : 'dimmed'}
                  >
                    {r.overdue}
                  </Text>
                </Table.Td>
                <Table.Td style={num}>
                  <Text span size="sm" c={r.today > 0 ? undefined : 'dimmed'}>
                    {r.today}
                  </Text>
                </Table.Td>
                <Table.Td style={num}>
                  <Text span size="sm" c="dimmed">
                    {r.open}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
