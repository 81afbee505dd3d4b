import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProgressCard } from '../../components/ProgressCard/ProgressCard';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';

/** Rows written so far, and the table's rows when the export started (unknown until the first part). */
export interface ExportProgressState {
  rows: number;
  totalRows: number | null;
}

/** The bar of a running export, part by part; members may add rows meanwhile, so it never passes 100%. */
export function ExportProgress({ progress }: { progress: ExportProgressState }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const total = progress.totalRows === null ? null : Math.max(progress.totalRows, progress.rows);
  const percent = total === null ? null : total === 0 ? 100 : Math.round((progress.rows / total) * 100);
  const figure =
    total === null
      ? t('dataExport.preparing')
      : t('dataExport.progress', {
          done: formatCount(progress.rows, language),
          total: formatCount(total, language),
        });
  return (
    <ProgressCard
      label={t('dataExport.running')}
      figure={figure}
      percent={percent}
      barLabel={t('dataExport.progressLabel')}
      testId="export-progress"
    >
      <Text size="sm" c="dimmed">
        {t('dataExport.hint')}
      </Text>
    </ProgressCard>
  );
}
