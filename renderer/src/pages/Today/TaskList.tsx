import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskDto } from '../../../../shared/contract';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { currentLanguage } from '../../i18n';
import { daysLate, formatDue, formatItems, hoursLate } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';

const COLUMNS = '76px 190px 112px 132px minmax(80px, 1fr) minmax(110px, 1.4fr) 84px';
/** The backend sends at most this many tasks per list. */
export const TASK_LIMIT = 200;

interface TaskListProps {
  title: string;
  tasks: readonly TaskDto[];
  tone: 'overdue' | 'today';
  empty: string;
  /** Where to see all of them when the list is cut at {@link TASK_LIMIT}. */
  moreLink?: ReactNode;
}

/** One list of due steps, each with its deal and a one-click "done" (with undo in the notice). */
export function TaskList({ title, tasks, tone, empty, moreLink }: TaskListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const now = new Date();
  const update = useApiMutation('steps.update');

  const complete = (task: TaskDto) =>
    update.mutate(
      { dealId: task.dealId, kind: task.kind, state: 'done' },
      {
        onSuccess: () => {
          const id = `done-${task.dealId}-${task.kind}`;
          notifications.show({
            id,
            color: 'green',
            message: (
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t('today.completed', { step: t(`steps.kinds.${task.kind}`), id: task.externalId })}
                </Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    notifications.hide(id);
                    update.mutate({ dealId: task.dealId, kind: task.kind, state: 'todo' });
                  }}
                >
                  {t('today.undo')}
                </Button>
              </Group>
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
      },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid={`tasks-${tone}`}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h4" c={tone === 'overdue' && tasks.length > 0 ? 'red.7' : undefined}>
          {title}
        </Title>
        <Badge
          color={tone === 'overdue' ? 'red' : 'indigo'}
          variant={tasks.length > 0 ? 'filled' : 'light'}
          size="lg"
        >
          {tasks.length >= TASK_LIMIT ? `${TASK_LIMIT}+` : tasks.length}
        </Badge>
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Stack gap={0} miw={860} role="list">
            {tasks.map((task) => {
              const late =
                task.overdue && task.dueAt
                  ? now.getTime() - new Date(task.dueAt).getTime() >= 86_400_000
                    ? t('today.daysLate', { n: daysLate(task.dueAt, now) })
                    : t('today.hoursLate', { n: hoursLate(task.dueAt, now) })
                  : null;
              return (
                <div
                  key={`${task.dealId}-${task.kind}`}
                  role="listitem"
                  style={{
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    alignItems: 'center',
                    gap: 8,
                    minHeight: 44,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                  data-testid="task"
                >
                  <Badge variant="light" color={tone === 'overdue' ? 'red' : 'indigo'} radius="sm" tt="none">
                    {t(`steps.kinds.${task.kind}`)}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} c={task.overdue ? 'red.7' : undefined} truncate="end">
                      {task.dueAt ? formatDue(task.dueAt, language, now) : '—'}
                    </Text>
                    {late && (
                      <Text size="xs" c="red.7">
                        {late}
                      </Text>
                    )}
                  </div>
                  <MarketplaceBadge marketplace={task.marketplace} />
                  <Anchor
                    component={Link}
                    to={`/deals/${task.dealId}`}
                    size="sm"
                    fw={600}
                    truncate="end"
                    title={task.externalId}
                  >
                    {task.externalId}
                  </Anchor>
                  <Text size="sm" truncate="end" title={task.buyerName ?? undefined}>
                    {task.buyerName ?? '—'}
                  </Text>
                  <Text size="sm" c="dimmed" truncate="end" title={formatItems(task, t)}>
                    {formatItems(task, t)}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="green"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    onClick={() => complete(task)}
                    aria-label={t('today.completeLabel', {
                      step: t(`steps.kinds.${task.kind}`),
                      id: task.externalId,
                    })}
                  >
                    {t('steps.complete')}
                  </Button>
                </div>
              );
            })}
          </Stack>
          {tasks.length >= TASK_LIMIT && moreLink}
        </div>
      )}
    </Paper>
  );
}
