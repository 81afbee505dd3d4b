import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberDto } from '../../../../shared/contract';
import { AddMemberModal } from '../AddMemberModal/AddMemberModal';
import { DemoSeedButton } from '../DemoSeedButton/DemoSeedButton';
import { MemberAvatar } from '../MemberAvatar/MemberAvatar';

/**
 * The first thing a new household sees: one sentence about Torihiki and the three ways to begin.
 * It stays until the ledger has deals, ticking off the members step once someone is added.
 */
export function GettingStarted({ members }: { members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const firstRun = members.length === 0;
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={6}>
        <Title order={2}>{firstRun ? t('welcome.title') : t('welcome.startTitle')}</Title>
        <Text size="lg" style={{ lineHeight: 1.7 }}>
          {firstRun ? t('welcome.lead') : t('welcome.startLead')}
        </Text>
      </Stack>
      <Step
        done={!firstRun}
        title={t('welcome.step1Title')}
        body={t('welcome.step1Body')}
        extra={
          !firstRun && (
            <Group gap={6} wrap="wrap">
              <Text size="sm" c="dimmed">
                {t('welcome.step1Done')}
              </Text>
              {members.map((m) => (
                <Group key={m.id} gap={4} wrap="nowrap">
                  <MemberAvatar name={m.name} color={m.color} size={22} />
                  <Text size="sm">{m.name}</Text>
                </Group>
              ))}
            </Group>
          )
        }
        action={
          <Button
            variant={firstRun ? 'filled' : 'light'}
            leftSection={<IconUserPlus size={18} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('member.add')}
          </Button>
        }
      />
      <Step
        title={t('welcome.step2Title')}
        body={t('welcome.step2Body')}
        action={<DemoSeedButton variant={firstRun ? 'light' : 'filled'} />}
      />
      <Step
        title={t('welcome.step3Title')}
        body={t('welcome.step3Body')}
        action={
          <Button
            component={Link}
            to="/import"
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
          >
            {t('welcome.step3Button')}
          </Button>
        }
      />
      <AddMemberModal opened={adding} onClose={() => setAdding(false)} existing={members} />
    </Stack>
  );
}

interface StepProps {
  title: string;
  body: string;
  action: ReactNode;
  extra?: ReactNode;
  done?: boolean;
}

function Step({ title, body, action, extra, done = false }: StepProps) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            {done && (
              <ThemeIcon color="green" size="sm" radius="xl" aria-hidden>
                <IconCheck size={14} />
              </ThemeIcon>
            )}
            <Title order={3} fz="lg">
              {title}
            </Title>
          </Group>
          <Text size="sm" c="dimmed" style={{ lineHeight: 1.7 }}>
            {body}
          </Text>
          {extra}
        </Stack>
        {action}
      </Group>
    </Paper>
  );
}
