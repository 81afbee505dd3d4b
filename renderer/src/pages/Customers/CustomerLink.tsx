import { Anchor } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "This buyer's page": every deal of theirs, notes, wishes. Used where a deal shows its buyer. */
export function CustomerLink({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/customers/${customerId}`} size="sm" mt="sm" display="inline-flex">
      <IconUser size={16} aria-hidden style={{ marginRight: 4, alignSelf: 'center' }} />
      {t('customerUi.detail.openCustomer')}
    </Anchor>
  );
}
