import { ActionIcon, Badge, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, startOfISOWeek, startOfMonth } from 'date-fns';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowupDto } from '../../../../shared/contract';
import type { FollowupKind } from '../../../../shared/domain/followups';
import { SHOP_TIME_ZONE } from '../../../../shared/domain/time';
import { useApiQuery } from '../../hooks/useApi';
import { kindColors, useFollowupTitle } from './FollowupRow';

const SHOWN_PER_DAY = 3;
const dayKey = (iso: string) => format(new TZDate(new Date(iso).getTime(), SHOP_TIME_ZONE), 'yyyy-MM-dd');

/** A month at a glance (Japan dates, weeks from Monday): what falls due on which day. */
export function FollowupsCalendar({
  memberId,
  everyone,
  kinds,
}: {
  memberId?: number;
  everyone: boolean;
  kinds?: FollowupKind[];
}) {
  const { t, i18n } = useTranslation();
  const titleOf = useFollowupTitle();
  const [month, setMonth] = useState(() => startOfMonth(new TZDate(Date.now(), SHOP_TIME_ZONE)));
  const gridStart = startOfISOWeek(month);
  const days = Array.from({ length: 42 }, (_, i) => addDays(gridStart, i));
  const list = useApiQuery('followups.list', {
    memberId,
    everyone,
    kinds,
    from: new Date(gridStart.getTime()).toISOString(),
    until: new Date(addDays(gridStart, 42).getTime()).toISOString(),
    includeDone: false,
    limit: 2000,
  });
  const byDay = new Map<string, FollowupDto[]>();
  for (const item of list.data?.items ?? []) {
    const when = item.remindAt ?? item.dueAt;
    if (!when) continue;
    const key = dayKey(when);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  const todayKey = dayKey(new Date().toISOString());
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
      weekday: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );

  return (
    <Stack gap="xs" data-testid="followups-calendar">
      <Group justify="space-between">
        <ActionIcon
          variant="default"
          aria-label={t('complaints.followups.prevMonth')}
          onClick={() => setMonth(addMonths(month, -1))}
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Text fw={700}>{format(month, i18n.language === 'en' ? 'MMMM yyyy' : 'yyyy年M月')}</Text>
        <ActionIcon
          variant="default"
          aria-label={t('complaints.followups.nextMonth')}
          onClick={() => setMonth(addMonths(month, 1))}
        >
          <IconChevronRight size={16} />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {weekdays.map((w) => (
          <Text key={w} size="xs" c="dimmed" ta="center" fw={700}>
            {w}
          </Text>
        ))}
        {days.map((d) => {
          const key = format(d, 'yyyy-MM-dd');
          const items = byDay.get(key) ?? [];
          const inMonth = d.getMonth() === month.getMonth();
          return (
            <Paper
              key={key}
              withBorder
              p={4}
              radius="sm"
              mih={92}
              opacity={inMonth ? 1 : 0.45}
              style={
                key === todayKey
                  ? { borderColor: 'var(--mantine-color-indigo-6)', borderWidth: 2 }
                  : undefined
              }
            >
              <Text size="xs" fw={key === todayKey ? 800 : 500}>
                {d.getDate()}
              </Text>
              <Stack gap={2}>
                {items.slice(0, SHOWN_PER_DAY).map((item) => (
                  <Tooltip
                    key={item.key}
                    label={`${titleOf(item)}${item.context ? ` ・ ${item.context}` : ''}`}
                    multiline
                    w={260}
                  >
                    <Badge
                      component={Link}
                      to={item.route}
                      size="xs"
                      fullWidth
                      radius="sm"
                      tt="none"
                      color={kindColors[item.kind]}
                      variant={item.overdue ? 'filled' : 'light'}
                      style={{ cursor: 'pointer', justifyContent: 'flex-start' }}
                    >
                      {titleOf(item)}
                    </Badge>
                  </Tooltip>
                ))}
                {items.length > SHOWN_PER_DAY && (
                  <Text size="xs" c="dimmed">
                    {t('complaints.followups.calendarMore', { n: items.length - SHOWN_PER_DAY })}
                  </Text>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
