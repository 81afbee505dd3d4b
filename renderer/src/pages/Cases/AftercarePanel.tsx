import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDto, MemberDto } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { useSettings } from '../../hooks/useAppData';
import { formatDue } from '../../i18n/deal-format';
import { useCaseMutation } from './useCaseMutation';

/** The plan chosen for this case and, once resolved, its scheduled steps (done, pending, cancelled). */
export function AftercarePanel({ kase, members }: { kase: CaseDto; members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const language = useSettings().data?.language ?? 'ja';
  const plans = useApiQuery('aftercare.plans', {}).data ?? [];
  const choose = useCaseMutation('cases.update');
  const done = useApiMutation('followups.done');
  const plan = plans.find((p) => p.id === kase.aftercarePlanId);
  const scheduled = kase.aftercare.length > 0;
  return (
    <Stack gap="sm" data-testid="aftercare">
      <Select
        label={t('complaints.aftercare.plan')}
        data={plans.map((p) => ({ value: String(p.id), label: p.name }))}
        value={kase.aftercarePlanId === null ? null : String(kase.aftercarePlanId)}
        onChange={(v) => v && choose.mutate({ id: kase.id, patch: { aftercarePlanId: Number(v) } })}
        allowDeselect={false}
        disabled={kase.state === 'resolved' || kase.state === 'aftercare'}
      />
      <Text size="xs" c="dimmed">
        {t('complaints.aftercare.hint')}
      </Text>
      {!scheduled && plan && (
        <Stack gap={4}>
          {plan.steps.map((s, i) => (
            <Text key={i} size="sm" c="dimmed">
              {s.amount}
              {t(`complaints.units.${s.unit}`)}
              {t('separators.dot')}
              {s.title}
            </Text>
          ))}
        </Stack>
      )}
      {!scheduled && !plan && (
        <Text size="sm" c="dimmed">
          {t('complaints.aftercare.none')}
        </Text>
      )}
      {kase.aftercare.map((a) => (
        <Paper
          key={a.id}
          withBorder
          p="xs"
          radius="sm"
          opacity={a.state === 'cancelled' ? 0.6 : 1}
          data-testid="aftercare-step"
        >
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Badge size="sm" variant="light" color="teal" tt="none">
                  {t(`complaints.aftercareKinds.${a.stepKind}`)}
                </Badge>
                <Text size="sm" fw={600} td={a.state === 'cancelled' ? 'line-through' : undefined}>
                  {formatDue(a.dueAt, language)}
                </Text>
              </Group>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {a.title}
                {members.find((m) => m.id === a.assigneeId)
                  ? `${t('separators.dot')}${members.find((m) => m.id === a.assigneeId)!.name}`
                  : ''}
              </Text>
            </Stack>
            {a.state === 'open' ? (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => done.mutate({ key: `f${a.id}` })}
                loading={done.isPending}
              >
                {t('complaints.aftercare.markDone')}
              </Button>
            ) : (
              <Badge color={a.state === 'done' ? 'green' : 'gray'} variant="light" tt="none">
                {t(`complaints.aftercare.${a.state}`)}
              </Badge>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
