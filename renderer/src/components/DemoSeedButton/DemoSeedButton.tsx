import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';

/** Enough deals to make every screen look lived-in, few enough to load in a moment. */
export const DEMO_DEALS = 300;

/** Loads made-up deals after a confirmation, because demo data would mix with the family's real ledger. */
export function DemoSeedButton({ variant = 'filled' }: { variant?: ButtonProps['variant'] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  // Notices hang on the mutation itself: the button may be gone by the time the seed finishes,
  // because the page it sits on switches from "empty" to "has deals".
  const seed = useApiMutation('demo.seed', {
    onSuccess: (result) => {
      setConfirming(false);
      const body = t('demo.doneBody', { deals: result.deals, customers: result.customers });
      const members = result.members > 0 ? ` ${t('demo.doneMembers', { members: result.members })}` : '';
      notifications.show({ color: 'green', title: t('demo.done'), message: body + members });
    },
    onError: (error) => {
      setConfirming(false);
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    },
  });
  const run = () => seed.mutate({ deals: DEMO_DEALS });
  return (
    <>
      <Button
        variant={variant}
        leftSection={<IconDatabaseImport size={18} aria-hidden />}
        onClick={() => setConfirming(true)}
        loading={seed.isPending}
      >
        {t('demo.button')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('demo.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm" style={{ lineHeight: 1.7 }}>
            {t('demo.confirmBody', { deals: DEMO_DEALS })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={run} loading={seed.isPending} data-autofocus>
              {t('demo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
