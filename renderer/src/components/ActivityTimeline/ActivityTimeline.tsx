import { Group, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityDto, MemberDto } from '../../../../shared/contract';
import { currentLanguage } from '../../i18n';
import { describeActivity, type MemberNameLookup } from '../../i18n/activity';
import { formatTokyoDateTime } from '../../i18n/format';
import { useApiQuery } from '../../hooks/useApi';
import { ErrorView } from '../ErrorView/ErrorView';
import { LoadingView } from '../LoadingView/LoadingView';
import { MemberAvatar } from '../MemberAvatar/MemberAvatar';

interface ActivityTimelineProps {
  subject: { type: 'deal' | 'customer' | 'member' | 'case'; id: number };
  members: ReadonlyMap<number, MemberDto>;
  /** Newest entries shown; older ones are in Settings → 操作履歴. */
  limit?: number;
  /** Words one entry; a page with actions of its own (a customer's merges, wishes…) passes its describer. */
  describe?: (entry: ActivityDto, t: TFunction, memberName: MemberNameLookup) => string;
  testId?: string;
}

const describeInSubject = (entry: ActivityDto, t: TFunction, memberName: MemberNameLookup) =>
  describeActivity(entry, t, memberName, { inSubject: true });

/** One thing's history, newest first: who did what, when (Japan time), worded in the reader's language. */
export function ActivityTimeline({
  subject,
  members,
  limit = 100,
  describe = describeInSubject,
  testId = 'activity-timeline',
}: ActivityTimelineProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = useApiQuery('activity.list', { subject, limit });
  if (entries.isPending) return <LoadingView />;
  if (entries.isError) return <ErrorView error={entries.error} onRetry={() => void entries.refetch()} />;
  if (entries.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid={testId}>
      {entries.data.map((entry) => {
        const member = entry.memberId !== null ? members.get(entry.memberId) : undefined;
        return (
          <Timeline.Item
            key={entry.id}
            bullet={member ? <MemberAvatar name={member.name} color={member.color} size={24} /> : undefined}
            title={
              <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                {describe(entry, t, (id) => members.get(id)?.name)}
              </Text>
            }
          >
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <time dateTime={entry.at}>{formatTokyoDateTime(entry.at, language)}</time>
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={240} title={entry.memberName ?? undefined}>
                {entry.memberName ?? t('settings.activity.unknownMember')}
              </Text>
            </Group>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
