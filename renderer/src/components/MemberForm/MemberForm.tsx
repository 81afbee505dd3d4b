import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberColor } from '../../../../shared/contract';
import { fieldErrorsOf } from '../../i18n/errors';
import { FormError } from '../FormError/FormError';
import { MemberColorPicker } from '../MemberColorPicker/MemberColorPicker';

export interface MemberFormValues {
  name: string;
  color: MemberColor;
  /** Empty when no PIN is wanted. */
  pin: string;
}

interface MemberFormProps {
  initial: MemberFormValues;
  /** The PIN field is offered only when creating; existing members change their PIN in its own dialog. */
  withPin: boolean;
  submitLabel: string;
  submitting: boolean;
  /** The last failed save, so the backend's field issues appear next to their fields. */
  serverError: unknown;
  onSubmit: (values: MemberFormValues) => void;
  onCancel?: () => void;
}

const PIN_RULE = /^\d{4,8}$/;
// Same limit as the contract, counted in characters as the user sees them.
const NAME_MAX = 30;

/** Name, colour and (for a new member) an optional PIN, checked here first so most mistakes never reach the backend. */
export function MemberForm(props: MemberFormProps) {
  const { initial, withPin, submitLabel, submitting, serverError, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [touchedSinceError, setTouchedSinceError] = useState(false);
  const serverErrors = touchedSinceError ? {} : fieldErrorsOf(serverError, t);
  const errors = { ...serverErrors, ...localErrors };

  const change = (patch: Partial<MemberFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors({});
    setTouchedSinceError(true);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = values.name.trim();
    const found: Record<string, string> = {};
    if (name.length === 0 || name.length > NAME_MAX) found.name = t('errors.fields.name');
    if (withPin && values.pin !== '' && !PIN_RULE.test(values.pin)) found.pin = t('errors.fields.pin');
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    setTouchedSinceError(false);
    onSubmit({ ...values, name });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('member.name')}
          placeholder={t('member.namePlaceholder')}
          value={values.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={errors.name}
          required
          maxLength={60}
          data-autofocus
        />
        <MemberColorPicker value={values.color} onChange={(color) => change({ color })} />
        {withPin && (
          <PasswordInput
            label={t('member.pin')}
            description={t('member.pinDescription')}
            value={values.pin}
            onChange={(e) => change({ pin: e.currentTarget.value })}
            error={errors.pin}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
          />
        )}
        {!touchedSinceError && <FormError error={serverError} />}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
