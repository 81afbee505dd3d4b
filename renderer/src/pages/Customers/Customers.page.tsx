import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CountedPlaceholder } from '../../components/CountedPlaceholder/CountedPlaceholder';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { StartActions } from '../../components/StartActions/StartActions';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';

export function CustomersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <CountedPlaceholder
        table="customers"
        icon={<IconUsers size={32} aria-hidden />}
        empty={{
          title: t('customers.emptyTitle'),
          description: t('customers.emptyBody'),
          actions: <StartActions />,
        }}
        building={(count) => ({
          title: t('customers.buildingTitle', { total: formatCount(count, currentLanguage()) }),
          description: t('customers.buildingBody'),
        })}
      />
    </>
  );
}
