import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DemoSeedButton } from '../../components/DemoSeedButton/DemoSeedButton';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useCount } from '../../hooks/useAppData';

/** Honest about the importer not being here yet; no fake upload form. */
export function ImportPage() {
  const { t } = useTranslation();
  const deals = useCount('deals');
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <EmptyState
        icon={<IconFileImport size={32} aria-hidden />}
        title={t('import.emptyTitle')}
        description={t('import.emptyBody')}
        actions={deals === 0 ? <DemoSeedButton variant="light" /> : undefined}
      />
    </>
  );
}
