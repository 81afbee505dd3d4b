import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { fieldErrorsOf } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { FormError } from '../FormError/FormError';

interface MemberPinModalProps {
  member: MemberDto | null;
  onClose: () => void;
}

const PIN_RULE = /^\d{4,8}$/;

/** Set, change or remove a member's PIN; changing or removing one needs the current PIN. */
export function MemberPinModal({ member, onClose }: MemberPinModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('pin.title', { name: member.name }) : ''}
    >
      {member && <PinForm key={member.id} member={member} onDone={onClose} />}
    </Modal>
  );
}

function PinForm({ member, onDone }: { member: MemberDto; onDone: () => void }) {
  const { t } = useTranslation();
  const setPin = useApiMutation('members.setPin');
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const serverErrors = fieldErrorsOf(setPin.error, t);

  const save = (pin: string | null) => {
    if (pin !== null && !PIN_RULE.test(pin)) {
      setLocalError(t('errors.fields.pin'));
      return;
    }
    setLocalError(null);
    setPin.mutate(
      { id: member.id, newPin: pin, ...(member.hasPin ? { currentPin } : {}) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(pin === null ? 'pin.removed' : 'pin.setDone', { name: member.name }),
          });
          onDone();
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(newPin);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {member.hasPin ? t('pin.hasPinNow') : t('pin.noPinYet')}
        </Text>
        {member.hasPin && (
          <PasswordInput
            label={t('pin.current')}
            value={currentPin}
            onChange={(e) => setCurrentPin(e.currentTarget.value)}
            error={serverErrors.currentPin}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            data-autofocus
          />
        )}
        <PasswordInput
          label={t('pin.new')}
          description={t('member.pinDescription')}
          value={newPin}
          onChange={(e) => setNewPin(e.currentTarget.value)}
          error={localError ?? serverErrors.newPin}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          data-autofocus={member.hasPin ? undefined : true}
        />
        <FormError error={setPin.error} />
        <Group justify="flex-end" gap="sm">
          {member.hasPin && (
            <Button variant="default" color="red" onClick={() => save(null)} loading={setPin.isPending}>
              {t('pin.remove')}
            </Button>
          )}
          <Button type="submit" loading={setPin.isPending}>
            {member.hasPin ? t('pin.change') : t('pin.set')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
