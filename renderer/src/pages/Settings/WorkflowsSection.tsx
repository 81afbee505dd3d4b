import {
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { normalizeWidth } from '../../../../shared/domain/text';
import { defaultWorkflows, type Workflow, type WorkflowStep } from '../../../../shared/domain/workflows';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { FormError } from '../../components/FormError/FormError';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { describeError } from '../../i18n/errors';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { SectionHeader } from './SectionHeader';

const MAX_HOURS = 24 * 365;

interface StepDraft {
  kind: StepKind;
  enabled: boolean;
  /** Empty: no deadline. */
  due: string;
  unit: 'hours' | 'days';
  anchor: WorkflowStep['anchor'];
  assigneeId: number | null;
}

const toDraft = (w: Workflow): StepDraft[] =>
  w.map((s) => {
    const days = s.dueHours !== null && s.dueHours > 0 && s.dueHours % 24 === 0;
    return {
      kind: s.kind,
      enabled: s.enabled,
      due: s.dueHours === null ? '' : String(days ? s.dueHours / 24 : s.dueHours),
      unit: days ? 'days' : 'hours',
      anchor: s.anchor,
      assigneeId: s.assigneeId,
    };
  });

/** Hours from the typed number and unit; null for "no deadline", NaN when it cannot be read. */
function dueHours(d: StepDraft): number | null {
  const v = normalizeWidth(d.due).trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) return Number.NaN;
  return Number(v) * (d.unit === 'days' ? 24 : 1);
}

/** 設定 → 取引の流れ: per marketplace, which steps a new deal gets, when each is due, and who does it. */
export function WorkflowsSection() {
  const { t } = useTranslation();
  const workflows = useApiQuery('workflows.list', {});
  const members = useAllMembers();
  const [marketplace, setMarketplace] = useState<Marketplace>('yahoo_auction');

  let body;
  if (workflows.isError && !workflows.data)
    body = <ErrorView error={workflows.error} onRetry={() => void workflows.refetch()} />;
  else if (!workflows.data || !members.data) body = <LoadingView />;
  else {
    const saved = workflows.data[marketplace];
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p={4} component="nav" aria-label={t('workflows.marketplaces')}>
            {marketplaces.map((m) => (
              <NavLink
                key={m}
                label={marketplaceNames[m]}
                description={stepKinds
                  .filter((k) => workflows.data[m].find((s) => s.kind === k)?.enabled)
                  .map((k) => t(`steps.kinds.${k}`))
                  .join(t('activity.listSeparator'))}
                active={m === marketplace}
                onClick={() => setMarketplace(m)}
                variant="light"
                styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                aria-current={m === marketplace ? 'true' : undefined}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <WorkflowEditor
            key={`${marketplace}:${JSON.stringify(saved)}`}
            marketplace={marketplace}
            saved={saved}
            members={members.data}
          />
        </Grid.Col>
      </Grid>
    );
  }
  return (
    <Stack gap="md">
      <SectionHeader title={t('workflows.title')} description={t('workflows.description')} />
      {body}
    </Stack>
  );
}

function WorkflowEditor({
  marketplace,
  saved,
  members,
}: {
  marketplace: Marketplace;
  saved: Workflow;
  members: readonly MemberDto[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => toDraft(saved));
  const update = useApiMutation('workflows.update', {
    onSuccess: () =>
      notifications.show({
        color: 'green',
        message: t('workflows.saved', { marketplace: marketplaceNames[marketplace] }),
      }),
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const setStep = (kind: StepKind, patch: Partial<StepDraft>) =>
    setDraft((d) => d.map((s) => (s.kind === kind ? { ...s, ...patch } : s)));
  const invalid = new Set(
    draft
      .filter((s) => {
        const h = dueHours(s);
        return h !== null && (Number.isNaN(h) || h > MAX_HOURS);
      })
      .map((s) => s.kind),
  );
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(saved));
  const save = () => {
    if (invalid.size > 0) return;
    update.mutate({
      marketplace,
      steps: draft.map((s) => ({
        kind: s.kind,
        enabled: s.enabled,
        dueHours: dueHours(s),
        anchor: s.anchor,
        assigneeId: s.assigneeId,
      })),
    });
  };
  const enabled = new Set(draft.filter((s) => s.enabled).map((s) => s.kind));

  return (
    <Paper withBorder radius="md" p="md" data-testid="workflow-editor">
      <Stack gap="md">
        <Text fw={700} size="lg">
          {t('workflows.editing', { marketplace: marketplaceNames[marketplace] })}
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('workflows.step')}</Table.Th>
                <Table.Th w={190}>{t('workflows.due')}</Table.Th>
                <Table.Th>{t('workflows.anchor')}</Table.Th>
                <Table.Th w={180}>{t('workflows.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.map((s) => {
                const name = t(`steps.kinds.${s.kind}`);
                const off = !s.enabled;
                return (
                  <Table.Tr
                    key={s.kind}
                    data-testid={`workflow-${s.kind}`}
                    style={off ? { opacity: 0.55 } : undefined}
                  >
                    <Table.Td>
                      <Switch
                        label={name}
                        checked={s.enabled}
                        onChange={(e) => setStep(s.kind, { enabled: e.currentTarget.checked })}
                        aria-label={t('workflows.useStep', { step: name })}
                        styles={{ label: { fontWeight: 700 } }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        <TextInput
                          size="xs"
                          aria-label={t('workflows.dueFor', { step: name })}
                          placeholder={t('workflows.noDue')}
                          value={s.due}
                          onChange={(e) => setStep(s.kind, { due: e.currentTarget.value })}
                          error={invalid.has(s.kind) ? t('workflows.dueInvalid') : undefined}
                          disabled={off}
                          inputMode="numeric"
                          w={84}
                          styles={{ input: { textAlign: 'right' } }}
                        />
                        <Select
                          size="xs"
                          aria-label={t('workflows.unitFor', { step: name })}
                          data={[
                            { value: 'hours', label: t('workflows.hours') },
                            { value: 'days', label: t('workflows.days') },
                          ]}
                          value={s.unit}
                          onChange={(v) => v && setStep(s.kind, { unit: v as StepDraft['unit'] })}
                          allowDeselect={false}
                          disabled={off}
                          w={90}
                        />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('workflows.anchorFor', { step: name })}
                        data={[
                          { value: 'ordered', label: t('workflows.fromOrder') },
                          ...stepKinds
                            .filter((k) => k !== s.kind)
                            .map((k) => ({
                              value: k,
                              label: t('workflows.fromStep', { step: t(`steps.kinds.${k}`) }),
                            })),
                        ]}
                        value={s.anchor}
                        onChange={(v) => v && setStep(s.kind, { anchor: v as StepDraft['anchor'] })}
                        allowDeselect={false}
                        disabled={off}
                      />
                      {!off && s.anchor !== 'ordered' && !enabled.has(s.anchor) && (
                        <Text size="xs" c="orange.8" mt={2}>
                          {t('workflows.anchorUnused')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MemberSelect
                        size="xs"
                        aria-label={t('workflows.assigneeFor', { step: name })}
                        members={members}
                        value={s.assigneeId}
                        onChange={(assigneeId) => setStep(s.kind, { assigneeId })}
                        nobodyLabel={t('workflows.nobody')}
                        disabled={off}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed" style={{ lineHeight: 1.7 }}>
          {t('workflows.explain')}
        </Text>
        <FormError error={update.error} />
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            color="gray"
            onClick={() => setDraft(toDraft(defaultWorkflows[marketplace]))}
          >
            {t('workflows.defaults')}
          </Button>
          <Group gap="sm">
            {dirty && (
              <Button variant="default" onClick={() => setDraft(toDraft(saved))}>
                {t('workflows.discard')}
              </Button>
            )}
            <Button onClick={save} disabled={!dirty || invalid.size > 0} loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
