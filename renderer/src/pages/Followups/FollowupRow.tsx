import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarmSnooze, IconCheck, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowupDto, MemberDto } from '../../../../shared/contract';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { useApiMutation } from '../../hooks/useApi';
import { useSettings } from '../../hooks/useAppData';
import { formatDue, fromTokyoInput } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { snoozePresets } from './snooze';

export const kindColors: Record<FollowupDto['kind'], string> = {
  promise: 'red',
  first_response: 'orange',
  aftercare: 'teal',
  custom: 'indigo',
  deal_step: 'blue',
  wish: 'grape',
};

/** The words of an item: a deal step is "発送: order number", everything else its own title. */
export function useFollowupTitle() {
  const { t } = useTranslation();
  return (item: FollowupDto) =>
    item.kind === 'deal_step' && item.stepKind
      ? `${t(`steps.kinds.${item.stepKind as 'contact'}`)}: ${item.title}`
      : item.title;
}

/** One thing due, with what can be done to it right here: done (kept/broken for promises), snooze, reassign. */
export function FollowupRow({
  item,
  members,
  compact = false,
}: {
  item: FollowupDto;
  members: readonly MemberDto[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = useSettings().data?.language ?? 'ja';
  const titleOf = useFollowupTitle();
  const [custom, setCustom] = useState(false);
  const [customAt, setCustomAt] = useState('');
  const onError = (error: Error) => notifications.show({ color: 'red', message: describeError(error, t) });
  const done = useApiMutation('followups.done', {
    onSuccess: () => notifications.show({ color: 'green', message: t('complaints.followups.doneToast') }),
    onError,
  });
  const snooze = useApiMutation('followups.snooze', { onSuccess: () => setCustom(false), onError });
  const reassign = useApiMutation('followups.reassign', { onError });
  const presets = snoozePresets(new Date());
  const when = item.remindAt ?? item.dueAt;

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      bg={item.overdue && item.kind === 'promise' ? 'red.0' : undefined}
      data-testid="followup"
      data-kind={item.kind}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Badge
              size="sm"
              color={kindColors[item.kind]}
              variant={item.overdue ? 'filled' : 'light'}
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {t(`complaints.followups.kindsLabel.${item.kind}`)}
            </Badge>
            <Anchor
              component={Link}
              to={item.route}
              size="sm"
              fw={700}
              c="inherit"
              lineClamp={1}
              style={{ wordBreak: 'break-all' }}
            >
              {titleOf(item)}
            </Anchor>
            {item.estimate && (
              <Badge size="xs" color="grape" variant="outline" tt="none">
                {t('complaints.promises.estimateBadge')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c={item.overdue ? 'red' : 'dimmed'} fw={item.overdue ? 700 : 400} truncate="end">
            {when ? formatDue(when, language) : t('complaints.followups.noDue')}
            {item.snoozedUntil
              ? ` ・ ${t('complaints.followups.snoozed', { at: formatDue(item.snoozedUntil, language) })}`
              : ''}
            {item.context ? ` ・ ${item.context}` : ''}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {!compact && item.kind !== 'wish' && (
            <MemberSelect
              aria-label={t('complaints.followups.reassign')}
              members={members}
              value={item.assigneeId}
              onChange={(assigneeId) => reassign.mutate({ key: item.key, assigneeId })}
              nobodyLabel={t('complaints.detail.unassigned')}
              size="xs"
              w={130}
            />
          )}
          {item.kind === 'promise' ? (
            <>
              <Button
                size="compact-xs"
                color="green"
                variant="light"
                onClick={() => done.mutate({ key: item.key, outcome: 'kept' })}
              >
                {t('complaints.followups.kept')}
              </Button>
              <Button
                size="compact-xs"
                color="red"
                variant="subtle"
                onClick={() => done.mutate({ key: item.key, outcome: 'broken' })}
              >
                {t('complaints.followups.broken')}
              </Button>
            </>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              color="green"
              leftSection={<IconCheck size={12} aria-hidden />}
              onClick={() => done.mutate({ key: item.key })}
              data-testid="followup-done"
            >
              {t('complaints.followups.done')}
            </Button>
          )}
          {item.canSnooze && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('complaints.followups.snooze')}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('complaints.followups.snooze')}</Menu.Label>
                {(['oneHour', 'tomorrow', 'nextWeek'] as const).map((p) => (
                  <Menu.Item
                    key={p}
                    leftSection={<IconAlarmSnooze size={14} aria-hidden />}
                    onClick={() => snooze.mutate({ key: item.key, until: presets[p] })}
                  >
                    {t(
                      `complaints.followups.snooze${p[0]!.toUpperCase()}${p.slice(1)}` as 'complaints.followups.snoozeOneHour',
                    )}
                  </Menu.Item>
                ))}
                <Menu.Item onClick={() => setCustom(true)}>
                  {t('complaints.followups.snoozeCustom')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <Modal opened={custom} onClose={() => setCustom(false)} title={t('complaints.followups.snoozeTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const until = fromTokyoInput(customAt);
            if (until) snooze.mutate({ key: item.key, until });
          }}
        >
          <Stack>
            <TextInput
              type="datetime-local"
              value={customAt}
              onChange={(e) => setCustomAt(e.currentTarget.value)}
              required
              aria-label={t('complaints.followups.snoozeTitle')}
            />
            {snooze.error && (
              <Text c="red" size="sm" role="alert">
                {describeError(snooze.error, t)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={snooze.isPending}>
                {t('complaints.followups.snoozeSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
