import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProgressCard } from '../../components/ProgressCard/ProgressCard';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';
import { formatBytes } from './read-files';
import type { ImportProgress } from './useImportFlow';

/**
 * The bar for a long import: bytes while the browser reads the files, then the backend's own counts.
 * Until the backend reports (or when it never does), the bar moves without a number.
 */
export function ImportProgressCard({
  names,
  progress,
}: {
  names: string[];
  progress: ImportProgress | null;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phase = progress?.phase ?? 'send';
  const known = progress && progress.done !== null && progress.total !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done! / progress.total!) * 100)) : 100;
  const label = {
    read: progress?.source === 'client' ? t('import.progress.read') : t('import.progress.parse'),
    send: t('import.progress.plan'),
    plan: t('import.progress.plan'),
    commit: t('import.progress.commit'),
  }[phase];
  let figure = t('import.progress.waiting');
  if (known && progress.source === 'client')
    figure = t('import.progress.count', {
      done: formatBytes(progress.done!),
      total: formatBytes(progress.total!),
    });
  else if (known)
    figure = t('import.progress.count', {
      done: formatCount(progress.done!, language),
      total: formatCount(progress.total!, language),
    });

  return (
    <ProgressCard
      label={label}
      figure={figure}
      percent={known ? percent : null}
      barLabel={t('import.progress.label')}
      testId="import-progress"
    >
      <Text size="sm" c="dimmed" lineClamp={2} title={names.join('\n')}>
        {names.join(t('separators.list'))}
      </Text>
    </ProgressCard>
  );
}
