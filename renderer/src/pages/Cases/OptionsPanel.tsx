import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../../../shared/contract';
import { caseOptionKinds, type CaseOptionKind } from '../../../../shared/domain/cases';
import { formatYen } from '../../i18n/deal-format';
import { useCaseMutation } from './useCaseMutation';
import { YenInput } from './YenInput';

/** Offer choices instead of demanding work: what was offered (with amounts) and what the buyer picked. */
export function OptionsPanel({ kase }: { kase: CaseDto }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseOptionKind>('partial_refund');
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const add = useCaseMutation('cases.addOption', {
    onDone: () => {
      setAmount('');
      setNote('');
    },
  });
  const choose = useCaseMutation('cases.chooseOption');
  const remove = useCaseMutation('cases.removeOption');

  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('complaints.options.hint')}
      </Text>
      {kase.options.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('complaints.options.none')}
        </Text>
      )}
      {kase.options.map((o) => (
        <Paper
          key={o.id}
          withBorder
          p="xs"
          radius="sm"
          bg={o.chosen ? 'green.0' : undefined}
          data-testid="case-option"
        >
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" style={{ minWidth: 0 }}>
              <Text size="sm" fw={700}>
                {t(`complaints.optionKinds.${o.kind}`)}
              </Text>
              {o.amount !== null && <Text size="sm">{formatYen(o.amount)}</Text>}
              {o.note && (
                <Text size="xs" c="dimmed" truncate="end">
                  {o.note}
                </Text>
              )}
              {o.chosen && (
                <Badge color="green" leftSection={<IconCheck size={12} aria-hidden />} tt="none">
                  {t('complaints.options.chosen')}
                </Badge>
              )}
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant={o.chosen ? 'subtle' : 'light'}
                color="green"
                onClick={() => choose.mutate({ caseId: kase.id, optionId: o.chosen ? null : o.id })}
              >
                {o.chosen ? t('complaints.options.clear') : t('complaints.options.choose')}
              </Button>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('complaints.options.remove')}
                onClick={() => remove.mutate({ caseId: kase.id, optionId: o.id })}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({
            caseId: kase.id,
            kind,
            amount: typeof amount === 'number' ? amount : undefined,
            note: note || undefined,
          });
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('complaints.options.kind')}
            data={caseOptionKinds.map((k) => ({ value: k, label: t(`complaints.optionKinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as CaseOptionKind)}
            allowDeselect={false}
            w={170}
            data-testid="option-kind"
          />
          <YenInput
            label={t('complaints.options.amount')}
            value={amount}
            onChange={setAmount}
            w={130}
            data-testid="option-amount"
          />
          <TextInput
            label={t('complaints.options.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            style={{ flex: 1, minWidth: 140 }}
          />
          <Button type="submit" size="sm" variant="light" loading={add.isPending}>
            {t('complaints.options.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
