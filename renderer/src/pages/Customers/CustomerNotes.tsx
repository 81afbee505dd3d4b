import { Button, Group, Stack, TagsInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerTagPresets, type CustomerDto } from '../../../../shared/contract';
import { useApiMutation } from '../../hooks/useApi';
import { describeError } from '../../i18n/errors';
import { Section } from './Section';

/** Free notes and tags (VIP, 要注意 or the family's own); saved together with one button. */
export function CustomerNotes({
  customer,
  onSaved,
}: {
  customer: CustomerDto;
  onSaved: (c: CustomerDto) => void;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(customer.notes);
  const [tags, setTags] = useState(customer.tags);
  const update = useApiMutation('customers.update', {
    onSuccess: (c) => {
      onSaved(c);
      notifications.show({ color: 'green', message: t('customerUi.detail.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const dirty = notes !== customer.notes || tags.join('\n') !== customer.tags.join('\n');
  const merged = customer.mergedIntoId !== null;
  return (
    <Section title={t('customerUi.detail.notesAndTags')} testId="customer-notes">
      <Stack gap="sm">
        <TagsInput
          label={t('customerUi.detail.tags')}
          placeholder={t('customerUi.detail.tagsPlaceholder')}
          data={[...customerTagPresets]}
          value={tags}
          onChange={(v) =>
            setTags(v.map((tag) => tag.trim()).filter((tag) => tag !== '' && tag.length <= 30))
          }
          maxTags={30}
          clearable
          disabled={merged}
        />
        <Textarea
          label={t('customerUi.detail.notes')}
          placeholder={t('customerUi.detail.notesPlaceholder')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={10_000}
          disabled={merged}
        />
        <Group justify="flex-end">
          <Button
            disabled={!dirty || merged}
            loading={update.isPending}
            onClick={() => update.mutate({ id: customer.id, patch: { notes, tags } })}
          >
            {t('customerUi.detail.saveNotes')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
