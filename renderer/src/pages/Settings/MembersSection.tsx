import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconLock, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { AddMemberModal } from '../../components/AddMemberModal/AddMemberModal';
import { EditMemberModal } from '../../components/EditMemberModal/EditMemberModal';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { MemberPinModal } from '../../components/MemberPinModal/MemberPinModal';
import { SectionHeader } from './SectionHeader';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { useAllMembers, useSession } from '../../hooks/useAppData';

/** The family: add, rename, recolour, PIN, archive and restore. Archived members keep their history. */
export function MembersSection() {
  const { t } = useTranslation();
  const members = useAllMembers();
  const session = useSession();
  const archive = useApiMutation('members.archive');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MemberDto | null>(null);
  const [pinFor, setPinFor] = useState<MemberDto | null>(null);

  if (members.isPending) return <LoadingView />;
  if (members.isError) return <ErrorView error={members.error} onRetry={() => void members.refetch()} />;

  const toggleArchived = (member: MemberDto) =>
    archive.mutate(
      { id: member.id, archived: !member.archived },
      {
        onSuccess: (saved) =>
          notifications.show({
            message: t(saved.archived ? 'settings.members.archivedDone' : 'settings.members.restoredDone', {
              name: saved.name,
            }),
          }),
        onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
      },
    );

  const currentId = session.data?.current?.id;
  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.members.title')}
        description={t('settings.members.description')}
        action={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('member.add')}
          </Button>
        }
      />
      {members.data.length === 0 ? (
        <Text c="dimmed">{t('settings.members.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.members.colName')}</Table.Th>
                <Table.Th w={90}>{t('settings.members.colPin')}</Table.Th>
                <Table.Th w={140}>{t('settings.members.colState')}</Table.Th>
                <Table.Th w={330}>{t('settings.members.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id} c={member.archived ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <MemberAvatar name={member.name} color={member.color} size={32} />
                      <Text fw={600} style={{ wordBreak: 'break-word' }}>
                        {member.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {member.hasPin ? (
                      <Group gap={4} wrap="nowrap">
                        <IconLock size={14} aria-hidden />
                        <Text size="sm">{t('common.yes')}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {member.archived ? (
                      <Badge color="gray" variant="light">
                        {t('member.archived')}
                      </Badge>
                    ) : member.id === currentId ? (
                      <Badge color={member.color} variant="light">
                        {t('member.current')}
                      </Badge>
                    ) : (
                      <Text size="sm">{t('settings.members.active')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(member)}
                      >
                        {t('settings.members.rename')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconLock size={14} aria-hidden />}
                        onClick={() => setPinFor(member)}
                      >
                        {t('settings.members.pin')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={member.archived ? 'indigo' : 'gray'}
                        leftSection={
                          member.archived ? (
                            <IconArrowBackUp size={14} aria-hidden />
                          ) : (
                            <IconArchive size={14} aria-hidden />
                          )
                        }
                        onClick={() => toggleArchived(member)}
                        loading={archive.isPending && archive.variables?.id === member.id}
                      >
                        {member.archived ? t('settings.members.restore') : t('settings.members.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddMemberModal
        opened={adding}
        onClose={() => setAdding(false)}
        existing={members.data.filter((m) => !m.archived)}
      />
      <EditMemberModal member={editing} onClose={() => setEditing(null)} />
      <MemberPinModal member={pinFor} onClose={() => setPinFor(null)} />
    </Stack>
  );
}
