import { Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../../shared/contract';
import { Section } from './Section';

/**
 * The slot for this buyer's complaint cases. CustomerDto carries no cases yet (the cases feature lands
 * separately); when it does, this component reads them from `customer` and lists them here. Until then it
 * says plainly that nothing is recorded, which is true: there is nowhere cases could have been recorded.
 */
export function CustomerCasesSlot({ customer: _customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  return (
    <Section title={t('customerUi.detail.complaints')} testId="customer-cases">
      <Text size="sm" fw={600} c="dimmed" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <IconMessageReport size={18} aria-hidden />
        {t('customerUi.detail.noComplaints')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('customerUi.detail.complaintsSoon')}
      </Text>
    </Section>
  );
}
