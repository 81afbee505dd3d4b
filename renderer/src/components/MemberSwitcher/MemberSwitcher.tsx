import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconLock, IconSettings, IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MemberDto } from '../../../../shared/contract';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { useMembers, useSession } from '../../hooks/useAppData';
import { MemberAvatar } from '../MemberAvatar/MemberAvatar';
import { PinPrompt } from '../PinPrompt/PinPrompt';

/**
 * "Who is using the app now" in the header. The backend remembers the choice for this PC, so the
 * family's shared computer opens as the last person who used it; a member with a PIN is asked for it.
 */
export function MemberSwitcher() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const members = useMembers();
  const switchTo = useApiMutation('session.switch');
  const [pinFor, setPinFor] = useState<MemberDto | null>(null);

  const current = session.data?.current ?? null;
  const list = members.data ?? [];
  if (list.length === 0) return null;

  const doSwitch = (member: MemberDto, pin?: string) =>
    switchTo.mutate(pin ? { memberId: member.id, pin } : { memberId: member.id }, {
      onSuccess: () => {
        setPinFor(null);
        notifications.show({ color: member.color, message: t('switcher.switched', { name: member.name }) });
      },
      onError: (error) => {
        // A wrong PIN is shown inside the prompt; anything else deserves a notice of its own.
        if (!pin) notifications.show({ color: 'red', message: describeError(error, t) });
      },
    });

  const choose = (member: MemberDto) => {
    if (member.id === current?.id) return;
    switchTo.reset();
    if (member.hasPin) setPinFor(member);
    else doSwitch(member);
  };

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal shadow="md">
        <Menu.Target>
          <Button
            variant={current ? 'subtle' : 'light'}
            color={current ? 'gray' : 'orange'}
            aria-label={current ? t('switcher.button', { name: current.name }) : t('switcher.nobody')}
            leftSection={
              current ? (
                <MemberAvatar name={current.name} color={current.color} size={28} />
              ) : (
                <IconUserQuestion size={20} aria-hidden />
              )
            }
            rightSection={<IconChevronDown size={16} aria-hidden />}
            styles={{ label: { maxWidth: 220 } }}
            data-testid="member-switcher"
          >
            <Text span truncate="end" fw={600} size="sm">
              {current ? current.name : t('switcher.nobody')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('switcher.menuTitle')}</Menu.Label>
          {list.map((member) => (
            <Menu.Item
              key={member.id}
              onClick={() => choose(member)}
              leftSection={<MemberAvatar name={member.name} color={member.color} size={24} />}
              rightSection={
                <Group gap={4} wrap="nowrap">
                  {member.hasPin && <IconLock size={14} aria-label={t('switcher.hasPin')} />}
                  {member.id === current?.id && <IconCheck size={16} aria-label={t('member.current')} />}
                </Group>
              }
              aria-current={member.id === current?.id ? 'true' : undefined}
            >
              <Text span size="sm" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                {member.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconSettings size={16} aria-hidden />}
            onClick={() => navigate('/settings')}
          >
            {t('switcher.manage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PinPrompt
        member={pinFor}
        submitting={switchTo.isPending}
        error={pinFor ? switchTo.error : null}
        onSubmit={(pin) => pinFor && doSwitch(pinFor, pin)}
        onClose={() => setPinFor(null)}
      />
    </>
  );
}
