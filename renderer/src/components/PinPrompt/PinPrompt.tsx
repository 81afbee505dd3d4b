import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { describeError, fieldErrorsOf } from '../../i18n/errors';

interface PinPromptProps {
  /** The member being switched to; null hides the prompt. */
  member: MemberDto | null;
  submitting: boolean;
  /** The last failed attempt (a wrong PIN shows under the field). */
  error: unknown;
  onSubmit: (pin: string) => void;
  onClose: () => void;
}

/** Asks for the PIN of a member who has one, before switching to them. */
export function PinPrompt({ member, submitting, error, onSubmit, onClose }: PinPromptProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('switcher.pinTitle', { name: member.name }) : ''}
      size="sm"
    >
      {member && (
        <PinField key={member.id} member={member} submitting={submitting} error={error} onSubmit={onSubmit} />
      )}
    </Modal>
  );
}

function PinField({
  member,
  submitting,
  error,
  onSubmit,
}: Pick<PinPromptProps, 'submitting' | 'error' | 'onSubmit'> & { member: MemberDto }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  // A failure stays visible until the user types again.
  const [dismissedError, setDismissedError] = useState<unknown>(null);
  const shownError = error && error !== dismissedError ? error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pin.length === 0) return;
    onSubmit(pin);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('switcher.pinHint', { name: member.name })}</Text>
        <PasswordInput
          label={t('switcher.pinLabel')}
          value={pin}
          onChange={(e) => {
            setPin(e.currentTarget.value);
            setDismissedError(error);
          }}
          error={shownError ? (fieldErrorsOf(shownError, t).pin ?? describeError(shownError, t)) : undefined}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} disabled={pin.length === 0}>
            {t('switcher.pinSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
