import { Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { useApiQuery } from '../../hooks/useApi';
import { currentLanguage } from '../../i18n';
import { formatTokyoDateTime } from '../../i18n/format';
import { describeCustomerActivity } from './customer-activity';
import { Section } from './Section';

/** Who did what to this customer, newest first: merges, splits, tags, wishes. */
export function CustomerHistory({
  customerId,
  members,
}: {
  customerId: number;
  members: ReadonlyMap<number, MemberDto>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = useApiQuery('activity.list', { subject: { type: 'customer', id: customerId }, limit: 50 });
  let body;
  if (entries.isPending) body = <LoadingView />;
  else if (entries.isError) body = <ErrorView error={entries.error} onRetry={() => void entries.refetch()} />;
  else if (entries.data.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  else
    body = (
      <Timeline bulletSize={26} lineWidth={2} data-testid="customer-history">
        {entries.data.map((entry) => {
          const member = entry.memberId !== null ? members.get(entry.memberId) : undefined;
          return (
            <Timeline.Item
              key={entry.id}
              bullet={member ? <MemberAvatar name={member.name} color={member.color} size={24} /> : undefined}
              title={
                <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                  {describeCustomerActivity(entry, t, (id) => members.get(id)?.name)}
                </Text>
              }
            >
              <Group gap={6}>
                <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <time dateTime={entry.at}>{formatTokyoDateTime(entry.at, language)}</time>
                </Text>
                <Text size="xs" c="dimmed" truncate="end" maw={200}>
                  {entry.memberName ?? t('settings.activity.unknownMember')}
                </Text>
              </Group>
            </Timeline.Item>
          );
        })}
      </Timeline>
    );
  return <Section title={t('customerUi.detail.history')}>{body}</Section>;
}
