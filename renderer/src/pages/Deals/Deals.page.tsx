import { IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CountedPlaceholder } from '../../components/CountedPlaceholder/CountedPlaceholder';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { StartActions } from '../../components/StartActions/StartActions';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';

export function DealsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('deals.title')} description={t('deals.description')} />
      <CountedPlaceholder
        table="deals"
        icon={<IconReceipt size={32} aria-hidden />}
        empty={{
          title: t('deals.emptyTitle'),
          description: t('deals.emptyBody'),
          actions: <StartActions />,
        }}
        building={(count) => ({
          title: t('deals.buildingTitle', { total: formatCount(count, currentLanguage()) }),
          description: t('deals.buildingBody'),
        })}
      />
    </>
  );
}
