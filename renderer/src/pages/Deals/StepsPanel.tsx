import { ActionIcon, Badge, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCheck,
  IconClockX,
  IconPlayerSkipForward,
  IconPlus,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDto, InputOf, MemberDto, StepDto } from '../../../../shared/contract';
import { carriers, stepKinds, type Carrier, type StepKind } from '../../../../shared/domain/steps';
import { normalizeWidth } from '../../../../shared/domain/text';
import { MemberAvatar } from '../../components/MemberAvatar/MemberAvatar';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { currentLanguage } from '../../i18n';
import { formatDue, formatShortDateTime, fromTokyoInput, toTokyoInput } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { apiQueryKey, useApiMutation } from '../../hooks/useApi';

type StepPatch = Omit<InputOf<'steps.update'>, 'dealId' | 'kind'>;

const stateColor = { todo: 'gray', done: 'green', skipped: 'gray' } as const;

/**
 * The five steps of one deal, each with its state, assignee, due time and (for shipping) carrier and
 * tracking number. A step the marketplace's workflow leaves out can still be added by hand.
 */
export function StepsPanel({ deal, members }: { deal: DealDto; members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useApiMutation('steps.update', {
    onSuccess: (saved) => queryClient.setQueryData(apiQueryKey('deals.get', { id: saved.id }), saved),
    onError: (error) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) }),
  });
  const cancelled = deal.state === 'cancelled';
  const change = (kind: StepKind, patch: StepPatch) => update.mutate({ dealId: deal.id, kind, ...patch });
  const byKind = new Map(deal.steps.map((s) => [s.kind, s]));
  return (
    <div style={{ overflowX: 'auto' }}>
      <Stack gap={0} miw={880} data-testid="steps-panel">
        {cancelled && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('steps.frozen')}
          </Text>
        )}
        <div style={{ ...rowGrid, minHeight: 0, paddingBottom: 6 }} aria-hidden>
          {[t('workflows.step'), t('steps.assignee'), t('steps.due'), t('steps.doneColumn'), ''].map(
            (h, i) => (
              <Text key={i} size="xs" fw={700} c="dimmed">
                {h}
              </Text>
            ),
          )}
        </div>
        {stepKinds.map((kind) => {
          const step = byKind.get(kind);
          return step ? (
            <StepRow
              key={kind}
              step={step}
              members={members}
              disabled={cancelled}
              busy={update.isPending && update.variables?.kind === kind}
              onChange={(patch) => change(kind, patch)}
            />
          ) : (
            <div
              key={kind}
              style={{ ...rowGrid, background: 'var(--mantine-color-gray-0)' }}
              data-step-row={kind}
            >
              <Text fw={700} c="dimmed">
                {t(`steps.kinds.${kind}`)}
              </Text>
              <Text size="sm" c="dimmed" style={{ gridColumn: '2 / 5' }}>
                {t('steps.notUsed')}
              </Text>
              <Group justify="flex-end">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={cancelled}
                  onClick={() => change(kind, { state: 'todo' })}
                  aria-label={t('steps.addStepLabel', { step: t(`steps.kinds.${kind}`) })}
                >
                  {t('steps.addStep')}
                </Button>
              </Group>
            </div>
          );
        })}
      </Stack>
    </div>
  );
}

/** One line per step: name and state, assignee, due time, who did it, actions. */
const rowGrid = {
  display: 'grid',
  gridTemplateColumns: '150px 170px 230px minmax(120px, 1fr) 190px',
  alignItems: 'center',
  gap: 10,
  padding: '8px 6px',
  minHeight: 52,
  borderBottom: '1px solid var(--mantine-color-gray-2)',
} as const;

interface StepRowProps {
  step: StepDto;
  members: readonly MemberDto[];
  disabled: boolean;
  busy: boolean;
  onChange: (patch: StepPatch) => void;
}

function StepRow({ step, members, disabled, busy, onChange }: StepRowProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const kindName = t(`steps.kinds.${step.kind}`);
  const doneBy = step.doneBy !== null ? members.find((m) => m.id === step.doneBy) : undefined;
  const overdue = step.overdue && !disabled;
  return (
    <div
      role="group"
      aria-label={kindName}
      data-step-row={step.kind}
      style={{
        ...rowGrid,
        ...(overdue ? { background: 'var(--mantine-color-red-0)' } : {}),
      }}
    >
      <Group gap="xs" wrap="nowrap">
        <Text fw={700}>{kindName}</Text>
        <Badge
          color={overdue ? 'red' : stateColor[step.state]}
          variant={step.state === 'done' || overdue ? 'filled' : 'light'}
          radius="sm"
          tt="none"
          data-testid="step-state"
        >
          {overdue ? t('steps.overdue') : t(`steps.states.${step.state}`)}
        </Badge>
      </Group>
      <MemberSelect
        aria-label={t('steps.assigneeFor', { step: kindName })}
        size="xs"
        members={members}
        value={step.assigneeId}
        onChange={(assigneeId) => onChange({ assigneeId })}
        nobodyLabel={t('steps.nobody')}
        disabled={disabled}
      />
      {step.state === 'todo' ? (
        <DueInput step={step} disabled={disabled} onChange={(dueAt) => onChange({ dueAt })} />
      ) : (
        <Text size="sm" c="dimmed">
          {step.dueAt ? formatDue(step.dueAt, language) : t('steps.noDue')}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        {step.state !== 'todo' && doneBy && (
          <MemberAvatar name={doneBy.name} color={doneBy.color} size={18} />
        )}
        {step.state !== 'todo' && step.doneAt ? (
          <Text
            size="xs"
            c="dimmed"
            truncate="end"
            title={t(step.state === 'done' ? 'steps.doneInfo' : 'steps.skippedInfo', {
              at: formatDue(step.doneAt, language),
              name: doneBy?.name ?? t('settings.activity.unknownMember'),
            })}
          >
            {formatShortDateTime(step.doneAt)} {doneBy?.name ?? ''}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="nowrap" justify="flex-end">
        {step.state === 'todo' ? (
          <>
            <Button
              size="compact-sm"
              color="green"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={() => onChange({ state: 'done' })}
              disabled={disabled}
              loading={busy}
              aria-label={t('steps.completeStep', { step: kindName })}
            >
              {t('steps.complete')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPlayerSkipForward size={14} aria-hidden />}
              onClick={() => onChange({ state: 'skipped' })}
              disabled={disabled}
              aria-label={t('steps.skipStep', { step: kindName })}
            >
              {t('steps.skip')}
            </Button>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            onClick={() => onChange({ state: 'todo' })}
            disabled={disabled}
            loading={busy}
            aria-label={t('steps.undoStep', { step: kindName })}
          >
            {t('steps.undo')}
          </Button>
        )}
      </Group>
      {step.kind === 'shipping' && (
        <div style={{ gridColumn: '2 / 6' }}>
          <ShippingFields step={step} disabled={disabled} onChange={onChange} />
        </div>
      )}
    </div>
  );
}

/** A due time typed in Japan time; saved when the field is left, cleared back to the workflow's rule. */
function DueInput({
  step,
  disabled,
  onChange,
}: {
  step: StepDto;
  disabled: boolean;
  onChange: (dueAt: string | null) => void;
}) {
  const { t } = useTranslation();
  const saved = toTokyoInput(step.dueAt);
  const [value, setValue] = useState(saved);
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    setValue(saved);
  }
  const commit = () => {
    if (value === saved) return;
    const iso = fromTokyoInput(value);
    if (iso) onChange(iso);
    else setValue(saved);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        type="datetime-local"
        size="xs"
        aria-label={t('steps.dueFor', { step: t(`steps.kinds.${step.kind}`) })}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        disabled={disabled}
        w={190}
        error={step.overdue && step.state === 'todo' && !disabled ? true : undefined}
      />
      {step.dueAt && step.state === 'todo' && (
        <Tooltip label={t('steps.dueAuto')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            aria-label={t('steps.dueAuto')}
            onClick={() => onChange(null)}
            disabled={disabled}
          >
            <IconClockX size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

function ShippingFields({
  step,
  disabled,
  onChange,
}: {
  step: StepDto;
  disabled: boolean;
  onChange: (patch: StepPatch) => void;
}) {
  const { t } = useTranslation();
  const saved = step.trackingNumber ?? '';
  const [tracking, setTracking] = useState(saved);
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    setTracking(saved);
  }
  const cleaned = normalizeWidth(tracking).trim();
  const tooLong = cleaned.length > 40;
  const commit = () => {
    if (cleaned === saved || tooLong) return;
    onChange({ trackingNumber: cleaned === '' ? null : cleaned });
  };
  return (
    <Group gap="sm" wrap="nowrap">
      <Select
        aria-label={t('steps.carrier')}
        size="xs"
        placeholder={t('steps.carrierNone')}
        data={carriers.map((c) => ({ value: c, label: t(`steps.carriers.${c}`) }))}
        value={step.carrier}
        onChange={(v) => onChange({ carrier: (v as Carrier | null) ?? null })}
        clearable
        disabled={disabled}
        w={170}
        leftSection={<IconTruckDelivery size={14} aria-hidden />}
      />
      <TextInput
        aria-label={t('steps.tracking')}
        placeholder={t('steps.tracking')}
        size="xs"
        value={tracking}
        onChange={(e) => setTracking(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        error={tooLong ? t('bulk.ship.tooLong') : undefined}
        disabled={disabled}
        w={230}
        autoComplete="off"
      />
    </Group>
  );
}
