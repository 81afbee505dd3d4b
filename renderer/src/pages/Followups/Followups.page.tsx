import { IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { PageHeader } from '../../components/PageHeader/PageHeader';

export function FollowupsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('followups.title')} description={t('followups.description')} />
      <EmptyState
        icon={<IconBellRinging size={32} aria-hidden />}
        title={t('followups.emptyTitle')}
        description={t('followups.emptyBody')}
      />
    </>
  );
}
