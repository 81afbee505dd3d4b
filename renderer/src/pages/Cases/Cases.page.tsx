import { Button } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { PageHeader } from '../../components/PageHeader/PageHeader';

export function CasesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('cases.title')} description={t('cases.description')} />
      <EmptyState
        icon={<IconMessageReport size={32} aria-hidden />}
        title={t('cases.emptyTitle')}
        description={t('cases.emptyBody')}
        actions={
          <Button component={Link} to="/deals" variant="light">
            {t('today.openDeals')}
          </Button>
        }
      />
    </>
  );
}
