import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError/FormError';
import { useApiMutation } from '../../hooks/useApi';
import { fromTokyoInput } from '../../i18n/deal-format';
import { fieldErrorsOf } from '../../i18n/errors';

/** Anything else worth remembering, with a time: becomes a follow-up that reminds like the rest. */
export function AddReminderButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const create = useApiMutation('followups.create', {
    onSuccess: () => {
      setOpen(false);
      setTitle('');
      setDue('');
    },
  });
  const errors = fieldErrorsOf(create.error, t);
  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('complaints.followups.add')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('complaints.followups.addTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const dueAt = fromTokyoInput(due);
            if (dueAt) create.mutate({ title, dueAt });
          }}
        >
          <Stack>
            <TextInput
              label={t('complaints.followups.addWhat')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={300}
              error={errors.title}
              data-autofocus
            />
            <TextInput
              type="datetime-local"
              label={t('complaints.followups.addDue')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              required
              error={errors.dueAt}
            />
            <FormError error={create.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('complaints.followups.addSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
