import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  caseCategories,
  caseSeverities,
  type CaseCategory,
  type CaseSeverity,
} from '../../../../shared/domain/cases';
import { FormError } from '../../components/FormError/FormError';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { useMembers, useSession } from '../../hooks/useAppData';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { fieldErrorsOf } from '../../i18n/errors';

export interface NewCaseTarget {
  dealId?: number;
  customerId?: number;
  /** What the heading says it is about: an order number or a buyer's name. */
  label?: string;
}

/**
 * Logging a complaint must take seconds: kind, one line, the buyer's own words pasted in. The
 * first-response timer starts on save; the owner defaults to whoever is using the app.
 */
export function NewCaseModal({
  opened,
  onClose,
  target,
}: {
  opened: boolean;
  onClose: () => void;
  target: NewCaseTarget;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const members = useMembers().data ?? [];
  const session = useSession().data;
  const plans = useApiQuery('aftercare.plans', {}).data ?? [];
  const [category, setCategory] = useState<CaseCategory>('not_arrived');
  const [severity, setSeverity] = useState<CaseSeverity>('medium');
  const [summary, setSummary] = useState('');
  const [wish, setWish] = useState('');
  const [message, setMessage] = useState('');
  const [messageKind, setMessageKind] = useState<'message_in' | 'call_in'>('message_in');
  const [assigneeId, setAssigneeId] = useState<number | null | undefined>(undefined);
  const [planId, setPlanId] = useState<string | null>(null);
  const create = useApiMutation('cases.create', {
    onSuccess: (created) => {
      notifications.show({
        color: 'green',
        message: t('complaints.form.created', {
          id: created.id,
          due: formatTokyoDateTimeShort(created.firstResponseDueAt),
        }),
      });
      onClose();
      void navigate(`/cases/${created.id}`);
    },
  });
  const errors = fieldErrorsOf(create.error, t);
  const owner = assigneeId === undefined ? (session?.current?.id ?? null) : assigneeId;

  const title = target.dealId
    ? t('complaints.form.forDeal', { id: target.label ?? target.dealId })
    : target.customerId && target.label
      ? t('complaints.form.forCustomer', { name: target.label })
      : t('complaints.form.title');

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({
            dealId: target.dealId,
            customerId: target.customerId,
            category,
            severity,
            summary,
            wish: wish || undefined,
            assigneeId: owner,
            firstEntry: message.trim() ? { kind: messageKind, text: message } : undefined,
            aftercarePlanId: planId ? Number(planId) : undefined,
          });
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('complaints.form.category')}
            data={caseCategories.map((c) => ({ value: c, label: t(`complaints.categories.${c}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v as CaseCategory)}
            allowDeselect={false}
            data-testid="case-category"
          />
          <div>
            <SegmentedControl
              aria-label={t('complaints.form.severity')}
              data={caseSeverities.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
              value={severity}
              onChange={(v) => setSeverity(v as CaseSeverity)}
            />
          </div>
          <TextInput
            label={t('complaints.form.summary')}
            placeholder={t('complaints.form.summaryPlaceholder')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
            required
            maxLength={500}
            data-autofocus
          />
          <TextInput
            label={t('complaints.form.wish')}
            placeholder={t('complaints.form.wishPlaceholder')}
            value={wish}
            onChange={(e) => setWish(e.currentTarget.value)}
            error={errors.wish}
            maxLength={2000}
          />
          <SegmentedControl
            aria-label={t('complaints.form.firstKind')}
            data={(['message_in', 'call_in'] as const).map((k) => ({
              value: k,
              label: t(`complaints.entryKinds.${k}`),
            }))}
            value={messageKind}
            onChange={(v) => setMessageKind(v as 'message_in' | 'call_in')}
          />
          <Textarea
            label={t('complaints.form.firstMessage')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={errors['firstEntry.text']}
            autosize
            minRows={3}
            maxRows={10}
          />
          <Group grow align="flex-start">
            <MemberSelect
              label={t('complaints.form.assignee')}
              members={members}
              value={owner}
              onChange={setAssigneeId}
              nobodyLabel={t('complaints.detail.unassigned')}
            />
            <Select
              label={t('complaints.form.plan')}
              data={plans.map((p) => ({ value: String(p.id), label: p.name }))}
              value={
                planId ?? (plans.find((p) => p.isDefault) ? String(plans.find((p) => p.isDefault)!.id) : null)
              }
              onChange={setPlanId}
              allowDeselect={false}
            />
          </Group>
          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} color="red">
              {t('complaints.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
