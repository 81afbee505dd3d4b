import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../i18n/errors';

/**
 * A failed save that is not about one field (a lost connection, a database problem) still needs words:
 * field issues show next to their fields, everything else shows here.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error || Object.keys(fieldErrorsOf(error, t)).length > 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {describeError(error, t)}
    </Alert>
  );
}
