import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { FollowupRow } from '../Followups/FollowupRow';
import { tokyoDay } from '../../../../shared/domain/time';
import { ServiceFigures } from '../Cases/ServiceFigures';

/** Today's page, complaint side: one member's overdue and due-today follow-ups (deal steps are listed above). */
export function TodayFollowups({ memberId }: { memberId: number | null }) {
  const { t } = useTranslation();
  const members = useAllMembers().data ?? [];
  const until = tokyoDay(new Date()).end;
  const list = useApiQuery(
    'followups.list',
    {
      memberId: memberId ?? undefined,
      kinds: ['promise', 'first_response', 'aftercare', 'custom', 'wish'],
      until,
      limit: 50,
    },
    { enabled: memberId !== null },
  );
  if (memberId === null) return null;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" mt="lg">
      <Paper withBorder p="md" radius="md" data-testid="today-followups">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="h4">
            {t('complaints.followups.today')}
          </Title>
          <Anchor component={Link} to="/followups" size="sm">
            {t('complaints.followups.todayAll')}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          {t('complaints.followups.todayHint')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('complaints.followups.todayEmpty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {items.map((item) => (
              <FollowupRow key={item.key} item={item} members={members} compact />
            ))}
          </Stack>
        )}
      </Paper>
      <ServiceFigures />
    </Stack>
  );
}
