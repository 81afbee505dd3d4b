import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState/EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapQuestion size={32} aria-hidden />}
      title={t('notFound.title')}
      description={t('notFound.body')}
      actions={
        <Button component={Link} to="/">
          {t('errors.goHome')}
        </Button>
      }
    />
  );
}
