import { Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCash,
  IconInfoCircle,
  IconTag,
  IconTruckDelivery,
  IconUserShare,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRowDto, InputOf, MemberDto } from '../../../../shared/contract';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount } from '../../i18n/format';
import { useApiMutation } from '../../hooks/useApi';
import { BULK_LIMIT } from '../../hooks/useDealViews';
import { BulkShipModal } from './BulkShipModal';
import { describeBulkResult } from './bulk-result';
import { LabelExportButton } from './LabelExport';

type BulkAction = InputOf<'deals.bulk'>['action'];
type Dialog = 'paid' | 'ship' | 'assign' | 'tag' | null;

interface BulkActionsProps {
  selected: ReadonlyMap<number, DealRowDto>;
  total: number;
  /** True when the list could not count its matches ("1,000件以上"): `total` is then only a lower bound. */
  totalMore?: boolean;
  members: readonly MemberDto[];
  selectingAll: boolean;
  /** Ticks every matching deal (at most {@link BULK_LIMIT}). */
  onSelectAll: () => void;
  onClear: () => void;
}

/**
 * The bar that appears while deals are ticked: the four bulk actions, and "select all N matching"
 * with the 5,000 limit said plainly. Every action reports what it changed and what it left alone.
 */
export function BulkActions({
  selected,
  total,
  totalMore = false,
  members,
  selectingAll,
  onSelectAll,
  onClear,
}: BulkActionsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const bulk = useApiMutation('deals.bulk');
  const count = selected.size;
  const rows = [...selected.values()];

  const run = (action: BulkAction) =>
    bulk.mutate(
      { dealIds: [...selected.keys()], action },
      {
        onSuccess: (result) => {
          notifications.show({
            color: result.updated > 0 ? 'green' : 'yellow',
            title: t('bulk.doneTitle'),
            message: describeBulkResult(result, t),
            autoClose: result.skipped.length > 0 ? 10_000 : 4_000,
          });
          setDialog(null);
          onClear();
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) }),
      },
    );

  const everything = count >= Math.min(total, BULK_LIMIT);
  return (
    <>
      <Paper
        withBorder
        radius="md"
        px="md"
        py={8}
        bg="indigo.0"
        role="region"
        aria-label={t('bulk.label')}
        data-testid="bulk-bar"
      >
        <Group gap="sm" wrap="wrap" justify="space-between">
          <Group gap="sm" wrap="wrap">
            <Text fw={700} size="sm" role="status">
              {t('bulk.selected', { n: formatCount(count, language) })}
            </Text>
            {!everything && (
              <Button size="compact-sm" variant="subtle" onClick={onSelectAll} loading={selectingAll}>
                {total <= BULK_LIMIT
                  ? t('bulk.selectAll', { n: formatCount(total, language) })
                  : t('bulk.selectFirst', { n: formatCount(BULK_LIMIT, language) })}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={onClear}
            >
              {t('bulk.clear')}
            </Button>
          </Group>
          <Group gap={6} wrap="wrap">
            <Button
              size="compact-sm"
              variant="white"
              leftSection={<IconCash size={16} aria-hidden />}
              onClick={() => setDialog('paid')}
            >
              {t('bulk.markPaid')}
            </Button>
            <Button
              size="compact-sm"
              variant="white"
              leftSection={<IconTruckDelivery size={16} aria-hidden />}
              onClick={() => setDialog('ship')}
            >
              {t('bulk.markShipped')}
            </Button>
            <Button
              size="compact-sm"
              variant="white"
              leftSection={<IconUserShare size={16} aria-hidden />}
              onClick={() => setDialog('assign')}
            >
              {t('bulk.assign')}
            </Button>
            <Button
              size="compact-sm"
              variant="white"
              leftSection={<IconTag size={16} aria-hidden />}
              onClick={() => setDialog('tag')}
            >
              {t('bulk.tag')}
            </Button>
            <LabelExportButton dealIds={[...selected.keys()]} />
          </Group>
        </Group>
        {total > BULK_LIMIT && (
          <Text size="xs" c="dimmed" mt={4}>
            <IconInfoCircle size={14} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
            {totalMore
              ? t('dealList.bulkLimitNoteMore', { limit: formatCount(BULK_LIMIT, language) })
              : t('bulk.limitNote', {
                  limit: formatCount(BULK_LIMIT, language),
                  total: formatCount(total, language),
                })}
          </Text>
        )}
      </Paper>

      <Modal opened={dialog === 'paid'} onClose={() => setDialog(null)} title={t('bulk.paid.title')}>
        <Stack gap="md">
          <Text size="sm" style={{ lineHeight: 1.7 }}>
            {t('bulk.paid.body', { n: formatCount(count, language) })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => run({ type: 'markPaid' })} loading={bulk.isPending} data-autofocus>
              {t('bulk.paid.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <BulkShipModal
        opened={dialog === 'ship'}
        rows={rows}
        submitting={bulk.isPending}
        onClose={() => setDialog(null)}
        onSubmit={({ carrier, tracking }) =>
          run({
            type: 'markShipped',
            ...(carrier ? { carrier } : {}),
            ...(Object.keys(tracking).length > 0 ? { tracking } : {}),
          })
        }
      />

      <Modal opened={dialog === 'assign'} onClose={() => setDialog(null)} title={t('bulk.assignTitle')}>
        {dialog === 'assign' && (
          <AssignForm
            count={count}
            members={members}
            submitting={bulk.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(kind, assigneeId) => run({ type: 'assign', kind, assigneeId })}
          />
        )}
      </Modal>

      <Modal opened={dialog === 'tag'} onClose={() => setDialog(null)} title={t('bulk.tagTitle')}>
        {dialog === 'tag' && (
          <TagForm
            count={count}
            submitting={bulk.isPending}
            onCancel={() => setDialog(null)}
            onSubmit={(tag, add) => run({ type: add ? 'addTag' : 'removeTag', tag })}
          />
        )}
      </Modal>
    </>
  );
}

function AssignForm(props: {
  count: number;
  members: readonly MemberDto[];
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (kind: StepKind, assigneeId: number | null) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<StepKind>('shipping');
  const [assignee, setAssignee] = useState<number | null>(props.members.find((m) => !m.archived)?.id ?? null);
  return (
    <Stack gap="md">
      <Text size="sm">{t('bulk.assignBody', { n: props.count })}</Text>
      <Select
        label={t('bulk.assignStep')}
        data={stepKinds.map((k) => ({ value: k, label: t(`steps.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as StepKind)}
        allowDeselect={false}
      />
      <MemberSelect
        label={t('steps.assignee')}
        members={props.members}
        value={assignee}
        onChange={setAssignee}
        nobodyLabel={t('steps.unassign')}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => props.onSubmit(kind, assignee)} loading={props.submitting}>
          {t('bulk.assignSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

const TAG_MAX = 30;

function TagForm(props: {
  count: number;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (tag: string, add: boolean) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const value = tag.trim();
    if (value.length === 0 || value.length > TAG_MAX) {
      setError(t('dealForm.errors.tag'));
      return;
    }
    props.onSubmit(value, mode === 'add');
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text size="sm">{t('bulk.tagBody', { n: props.count })}</Text>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'add' | 'remove')}
          data={[
            { value: 'add', label: t('bulk.tagAdd') },
            { value: 'remove', label: t('bulk.tagRemove') },
          ]}
        />
        <TextInput
          label={t('bulk.tagLabel')}
          placeholder={t('bulk.tagPlaceholder')}
          value={tag}
          onChange={(e) => {
            setTag(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={60}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={props.submitting}>
            {mode === 'add' ? t('bulk.tagAdd') : t('bulk.tagRemove')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
