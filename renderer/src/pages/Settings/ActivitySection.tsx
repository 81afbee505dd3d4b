import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { currentLanguage } from '../../i18n';
import { describeActivity } from '../../i18n/activity';
import { formatTokyoDateTime } from '../../i18n/format';
import { useActivityPages } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { SectionHeader } from './SectionHeader';

const PAGE_SIZE = 25;

/** Who did what, when: newest first, in Japan time, worded per action in the reader's language. */
export function ActivitySection() {
  const { t } = useTranslation();
  const pages = useActivityPages(PAGE_SIZE);
  const members = useAllMembers();
  const byId = new Map((members.data ?? []).map((m) => [m.id, m]));
  const language = currentLanguage();

  let body;
  if (pages.isPending) body = <LoadingView />;
  else if (pages.isError) body = <ErrorView error={pages.error} onRetry={() => void pages.refetch()} />;
  else {
    const entries = pages.data.pages.flat();
    body =
      entries.length === 0 ? (
        <Text c="dimmed">{t('settings.activity.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={210}>{t('settings.activity.colAt')}</Table.Th>
                  <Table.Th w={220}>{t('settings.activity.colMember')}</Table.Th>
                  <Table.Th>{t('settings.activity.colAction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => {
                  const member = entry.memberId !== null ? byId.get(entry.memberId) : undefined;
                  return (
                    <Table.Tr key={entry.id}>
                      <Table.Td>
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                          <time dateTime={entry.at}>{formatTokyoDateTime(entry.at, language)}</time>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {entry.memberName ? (
                          <Group gap={6} wrap="nowrap">
                            {member && <MemberAvatar name={member.name} color={member.color} size={22} />}
                            <Text size="sm" style={{ wordBreak: 'break-word' }}>
                              {entry.memberName}
                            </Text>
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('settings.activity.unknownMember')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeActivity(entry, t, (id) => byId.get(id)?.name)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void pages.fetchNextPage()}
                loading={pages.isFetchingNextPage}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </>
      );
  }

  return (
    <Stack gap="md">
      <SectionHeader title={t('settings.activity.title')} description={t('settings.activity.description')} />
      {body}
    </Stack>
  );
}
