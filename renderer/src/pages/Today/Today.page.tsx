import { Button } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { GettingStarted } from '../../components/GettingStarted/GettingStarted';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useMembers, useSystemInfo } from '../../hooks/useAppData';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';

export function TodayPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const info = useSystemInfo();
  const failed = (!members.data && members.error) || (!info.data && info.error);

  let body;
  if (failed)
    body = (
      <ErrorView
        error={failed}
        onRetry={() => {
          void members.refetch();
          void info.refetch();
        }}
      />
    );
  else if (!members.data || !info.data) body = <LoadingView />;
  else if ((info.data.counts.deals ?? 0) === 0) body = <GettingStarted members={members.data} />;
  else
    body = (
      <EmptyState
        icon={<IconCalendarCheck size={32} aria-hidden />}
        title={t('today.buildingTitle')}
        description={t('today.buildingBody', {
          total: formatCount(info.data.counts.deals ?? 0, currentLanguage()),
        })}
        actions={
          <Button component={Link} to="/deals" variant="light">
            {t('today.openDeals')}
          </Button>
        }
      />
    );

  return (
    <>
      <PageHeader title={t('today.title')} description={t('today.description')} />
      {body}
    </>
  );
}
