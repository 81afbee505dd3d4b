import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, MemberDto, PromiseDto } from '../../../../shared/contract';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { useSettings } from '../../hooks/useAppData';
import { formatDue, fromTokyoInput } from '../../i18n/deal-format';
import { useCaseMutation } from './useCaseMutation';

/** Promises are first-class: an overdue one is shown in red, an estimate says so, kept or broken is recorded. */
export function PromisesPanel({ kase, members }: { kase: CaseDto; members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const language = useSettings().data?.language ?? 'ja';
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [estimate, setEstimate] = useState(false);
  const [owner, setOwner] = useState<number | null | undefined>(undefined);
  const make = useCaseMutation('promises.create', {
    toast: t('complaints.promises.added'),
    onDone: () => {
      setTitle('');
      setDue('');
      setEstimate(false);
    },
  });
  const settle = useCaseMutation('promises.settle');
  const dueIso = due ? fromTokyoInput(due) : null;
  const inPast = dueIso !== null && dueIso < new Date().toISOString();

  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('complaints.promises.hint')}
      </Text>
      {kase.promises.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('complaints.promises.none')}
        </Text>
      )}
      {kase.promises.map((p) => (
        <PromiseRow
          key={p.id}
          promise={p}
          language={language}
          members={members}
          onSettle={(outcome) => settle.mutate({ id: p.id, outcome })}
        />
      ))}
      {kase.state !== 'closed' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!dueIso) return;
            make.mutate({ caseId: kase.id, title, dueAt: dueIso, estimate, assigneeId: owner });
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t('complaints.promises.what')}
              placeholder={t('complaints.promises.whatPlaceholder')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={300}
              data-testid="promise-title"
            />
            <Group grow align="flex-end">
              <TextInput
                type="datetime-local"
                label={t('complaints.promises.due')}
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
                required
                data-testid="promise-due"
              />
              <MemberSelect
                label={t('complaints.promises.owner')}
                members={members}
                value={owner === undefined ? kase.assigneeId : owner}
                onChange={setOwner}
                nobodyLabel={t('complaints.detail.unassigned')}
              />
            </Group>
            <Checkbox
              label={t('complaints.promises.estimate')}
              checked={estimate}
              onChange={(e) => setEstimate(e.currentTarget.checked)}
            />
            {inPast && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
                {t('complaints.promises.pastDue')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={make.isPending} disabled={!title.trim() || !dueIso}>
                {t('complaints.promises.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function PromiseRow({
  promise: p,
  language,
  members,
  onSettle,
}: {
  promise: PromiseDto;
  language: 'ja' | 'en';
  members: readonly MemberDto[];
  onSettle: (outcome: 'kept' | 'broken') => void;
}) {
  const { t } = useTranslation();
  const owner = members.find((m) => m.id === p.assigneeId)?.name;
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      bg={p.overdue ? 'red.0' : undefined}
      style={p.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
      data-testid="promise"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={700} style={{ wordBreak: 'break-word' }}>
            {p.title}
          </Text>
          <Group gap={6}>
            <Text size="xs" c={p.overdue ? 'red' : 'dimmed'} fw={p.overdue ? 700 : 400}>
              {formatDue(p.dueAt, language)}
              {owner ? `${t('separators.dot')}${owner}` : ''}
            </Text>
            {p.estimate && (
              <Badge size="xs" color="grape" variant="light" tt="none">
                {t('complaints.promises.estimateBadge')}
              </Badge>
            )}
            {p.pastDueAtCreation && (
              <Badge size="xs" color="orange" variant="outline" tt="none">
                {t('complaints.promises.pastDueBadge')}
              </Badge>
            )}
            {p.overdue && (
              <Badge size="xs" color="red" variant="filled" tt="none">
                {t('complaints.promises.overdueBadge')}
              </Badge>
            )}
            {p.outcome && (
              <Badge size="xs" color={p.outcome === 'kept' ? 'green' : 'red'} variant="light" tt="none">
                {t(`complaints.promises.${p.outcome}Badge`)}
              </Badge>
            )}
          </Group>
        </Stack>
        {p.state === 'open' && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" color="green" variant="light" onClick={() => onSettle('kept')}>
              {t('complaints.promises.kept')}
            </Button>
            <Button size="compact-xs" color="red" variant="subtle" onClick={() => onSettle('broken')}>
              {t('complaints.promises.broken')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
