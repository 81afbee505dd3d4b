import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../../hooks/useConnection';

/** Browser mode: says plainly that the backend is unreachable, instead of buttons that silently do nothing. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connected = useConnection();
  if (connected) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      mb="lg"
      icon={<IconPlugConnectedX aria-hidden />}
      title={t('connection.lost')}
      role="alert"
      data-testid="connection-lost"
    >
      {t('connection.lostHint')}
    </Alert>
  );
}
