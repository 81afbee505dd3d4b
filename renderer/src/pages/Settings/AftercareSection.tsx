import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AftercarePlanDto } from '../../../../shared/contract';
import {
  aftercareStepKinds,
  aftercareStepProblem,
  aftercareUnits,
  type AftercareStep,
  type AftercareStepKind,
  type AftercareUnit,
} from '../../../../shared/domain/aftercare';
import { FormError } from '../../components/FormError/FormError';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { describeError } from '../../i18n/errors';
import { SectionHeader } from './SectionHeader';

/** 設定 → アフターケア: the first-response deadline and the after-care plans (ordered steps with offsets). */
export function AftercareSection() {
  const { t } = useTranslation();
  const plans = useApiQuery('aftercare.plans', {});
  const settings = useApiQuery('cases.settings', {});
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <SectionHeader
        title={t('complaints.settings.title')}
        description={t('complaints.settings.description')}
      />
      {settings.data && <FirstResponseHours hours={settings.data.firstResponseHours} />}
      {!plans.data ? (
        <LoadingView />
      ) : (
        <>
          {plans.data.map((plan) => (
            <PlanEditor
              key={`${plan.id}-${JSON.stringify(plan)}`}
              plan={plan}
              canArchive={plans.data.length > 1}
            />
          ))}
          {adding ? (
            <PlanEditor
              plan={{
                id: 0,
                name: t('complaints.settings.newPlanName'),
                isDefault: false,
                steps: [{ kind: 'checkin', title: '', unit: 'days', amount: 7 }],
              }}
              canArchive={false}
              onSaved={() => setAdding(false)}
            />
          ) : (
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setAdding(true)}
              >
                {t('complaints.settings.addPlan')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function FirstResponseHours({ hours }: { hours: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(hours);
  const save = useApiMutation('cases.updateSettings', {
    onSuccess: () => notifications.show({ color: 'green', message: t('complaints.settings.saved') }),
    onError: (e) => notifications.show({ color: 'red', message: describeError(e, t) }),
  });
  return (
    <Group align="flex-end">
      <NumberInput
        label={t('complaints.settings.firstResponseHours')}
        value={value}
        onChange={setValue}
        min={1}
        max={336}
        allowDecimal={false}
        w={220}
      />
      <Button
        variant="light"
        disabled={Number(value) === hours || !value}
        onClick={() => save.mutate({ firstResponseHours: Number(value) })}
      >
        {t('complaints.settings.save')}
      </Button>
    </Group>
  );
}

function PlanEditor({
  plan,
  canArchive,
  onSaved,
}: {
  plan: AftercarePlanDto;
  canArchive: boolean;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(plan.name);
  const [steps, setSteps] = useState<AftercareStep[]>(plan.steps);
  const save = useApiMutation('aftercare.savePlan', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('complaints.settings.saved') });
      onSaved?.();
    },
  });
  const archive = useApiMutation('aftercare.archivePlan', {
    onError: (e) => notifications.show({ color: 'red', message: describeError(e, t) }),
  });
  const setStep = (i: number, patch: Partial<AftercareStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const problems = steps.map((s) => aftercareStepProblem(s));
  const valid =
    name.trim() !== '' && steps.length > 0 && steps.every((s, i) => s.title.trim() && !problems[i]);

  return (
    <Paper withBorder p="md" radius="md" data-testid="aftercare-plan">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <TextInput
              aria-label={t('complaints.settings.planName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
              w={300}
            />
            {plan.isDefault && <Badge tt="none">{t('complaints.settings.default')}</Badge>}
          </Group>
          <Group gap="xs">
            {plan.id > 0 && !plan.isDefault && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => save.mutate({ id: plan.id, name, steps, isDefault: true })}
              >
                {t('complaints.settings.makeDefault')}
              </Button>
            )}
            {plan.id > 0 && canArchive && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => archive.mutate({ id: plan.id })}>
                {t('complaints.settings.archive')}
              </Button>
            )}
          </Group>
        </Group>
        {steps.map((step, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={t('complaints.settings.stepKind')}
              data={aftercareStepKinds.map((k) => ({ value: k, label: t(`complaints.aftercareKinds.${k}`) }))}
              value={step.kind}
              onChange={(v) => v && setStep(i, { kind: v as AftercareStepKind })}
              allowDeselect={false}
              w={140}
            />
            <NumberInput
              aria-label={t('complaints.settings.stepAmount')}
              value={step.amount}
              onChange={(v) => setStep(i, { amount: Number(v) || 0 })}
              min={1}
              max={3650}
              allowDecimal={false}
              w={90}
              error={
                problems[i]
                  ? step.kind === 'checkin'
                    ? t('complaints.settings.checkinLimit')
                    : true
                  : undefined
              }
            />
            <Select
              aria-label={t('complaints.settings.stepAmount')}
              data={aftercareUnits.map((u) => ({ value: u, label: t(`complaints.units.${u}`) }))}
              value={step.unit}
              onChange={(v) => v && setStep(i, { unit: v as AftercareUnit })}
              allowDeselect={false}
              w={120}
            />
            <TextInput
              aria-label={t('complaints.settings.stepTitle')}
              placeholder={t('complaints.settings.stepTitle')}
              value={step.title}
              onChange={(e) => setStep(i, { title: e.currentTarget.value })}
              maxLength={200}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={6}
              aria-label={t('complaints.settings.removeStep')}
              onClick={() => setSteps(steps.filter((_, j) => j !== i))}
              disabled={steps.length === 1}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {save.error && <Alert color="red">{describeError(save.error, t)}</Alert>}
        <FormError error={archive.error} />
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setSteps([...steps, { kind: 'message', title: '', unit: 'months', amount: 1 }])}
            disabled={steps.length >= 20}
          >
            {t('complaints.settings.addStep')}
          </Button>
          <Button
            size="sm"
            disabled={!valid}
            loading={save.isPending}
            onClick={() => save.mutate({ id: plan.id > 0 ? plan.id : undefined, name, steps })}
          >
            {t('complaints.settings.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" hidden={!problems.some(Boolean)}>
          {t('complaints.settings.checkinLimit')}
        </Text>
      </Stack>
    </Paper>
  );
}
