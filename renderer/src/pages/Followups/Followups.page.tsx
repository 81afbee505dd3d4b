import { Group, MultiSelect, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followupBuckets, followupKinds, type FollowupKind } from '../../../../shared/domain/followups';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useApiQuery } from '../../hooks/useApi';
import { useAllMembers, useSession } from '../../hooks/useAppData';
import { AddReminderButton } from './AddReminderButton';
import { FollowupRow } from './FollowupRow';
import { FollowupsCalendar } from './FollowupsCalendar';

const EVERYONE = -1;
const bucketColors = { overdue: 'red', today: 'orange', week: 'indigo', later: 'gray' } as const;

/** Everything due, one list: overdue, today, this week, later; by member and kind; or as a month calendar. */
export function FollowupsPage() {
  const { t } = useTranslation();
  const members = useAllMembers().data ?? [];
  const session = useSession().data;
  const [picked, setPicked] = useState<number | null | undefined>(undefined);
  const [kinds, setKinds] = useState<FollowupKind[]>([]);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const memberChoice = picked === undefined ? (session?.current?.id ?? EVERYONE) : (picked ?? EVERYONE);
  const everyone = memberChoice === EVERYONE;
  const filter = {
    memberId: everyone ? undefined : memberChoice,
    everyone,
    kinds: kinds.length ? kinds : undefined,
  };
  const list = useApiQuery('followups.list', { ...filter, limit: 1000 }, { enabled: view === 'list' });

  return (
    <>
      <PageHeader
        title={t('complaints.followups.title')}
        description={t('complaints.followups.description')}
        actions={<AddReminderButton />}
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'list' | 'calendar')}
          data={[
            { value: 'list', label: t('complaints.followups.list') },
            { value: 'calendar', label: t('complaints.followups.calendar') },
          ]}
        />
        <MemberSelect
          aria-label={t('complaints.followups.member')}
          members={members}
          value={everyone ? null : memberChoice}
          onChange={(id) => setPicked(id)}
          nobodyLabel={t('complaints.followups.everyone')}
          w={180}
          data-testid="followups-member"
        />
        <MultiSelect
          aria-label={t('complaints.followups.kinds')}
          placeholder={kinds.length ? undefined : t('complaints.followups.allKinds')}
          data={followupKinds.map((k) => ({ value: k, label: t(`complaints.followups.kindsLabel.${k}`) }))}
          value={kinds}
          onChange={(v) => setKinds(v as FollowupKind[])}
          clearable
          w={320}
        />
      </Group>
      {view === 'calendar' ? (
        <FollowupsCalendar {...filter} />
      ) : list.isError ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingView />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconBellRinging size={32} aria-hidden />}
          title={t('complaints.followups.emptyTitle')}
          description={t('complaints.followups.emptyBody')}
        />
      ) : (
        <Stack gap="lg">
          {followupBuckets.map((bucket) => {
            const items = list.data.items.filter((i) => i.bucket === bucket);
            return (
              <section key={bucket} data-testid={`bucket-${bucket}`}>
                <Group gap="xs" mb="xs">
                  <Title order={2} fz="h4" c={bucketColors[bucket]}>
                    {t(`complaints.followups.buckets.${bucket}`)}
                  </Title>
                  <Text c="dimmed" size="sm">
                    {list.data.counts[bucket]}
                  </Text>
                </Group>
                {items.length === 0 ? (
                  <Paper withBorder p="sm" radius="sm">
                    <Text c="dimmed" size="sm">
                      {t('complaints.followups.bucketEmpty')}
                    </Text>
                  </Paper>
                ) : (
                  <Stack gap={6}>
                    {items.map((item) => (
                      <FollowupRow key={item.key} item={item} members={members} />
                    ))}
                  </Stack>
                )}
              </section>
            );
          })}
          {list.data.truncated && (
            <Text size="sm" c="dimmed">
              {t('complaints.followups.truncated')}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
