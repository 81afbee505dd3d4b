import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "← 顧客の一覧へ" at the top of the customer and duplicates pages. */
export function BackToCustomers() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/customers" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('customerUi.detail.back')}
      </Group>
    </Anchor>
  );
}
