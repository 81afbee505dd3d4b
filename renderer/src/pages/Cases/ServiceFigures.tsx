import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../hooks/useApi';
import { formatMinutes } from './duration';

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={800} lh={1.2}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

/** The field practice's "measure it": speed of the first answer, promises kept, time to resolve, fan rate. */
export function ServiceFigures() {
  const { t } = useTranslation();
  const stats = useApiQuery('cases.stats', {}).data;
  if (!stats || stats.cases === 0) return null;
  const none = t('complaints.stats.none');
  const fr = stats.firstResponse;
  return (
    <Stack gap="xs" mb="lg">
      <Title order={2} fz="h4">
        {t('complaints.stats.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure
          testId="stat-first-response"
          label={t('complaints.stats.firstResponse')}
          value={fr.medianMinutes === null ? none : formatMinutes(fr.medianMinutes, t)}
          detail={[
            fr.worstMinutes === null
              ? null
              : t('complaints.stats.worst', { v: formatMinutes(fr.worstMinutes, t) }),
            stats.firstResponseLate ? t('complaints.stats.late', { n: stats.firstResponseLate }) : null,
          ]
            .filter(Boolean)
            .join(t('separators.dot'))}
        />
        <Figure
          testId="stat-promises"
          label={t('complaints.stats.promisesKept')}
          value={stats.promises.keptPercent === null ? none : `${stats.promises.keptPercent}%`}
          detail={t('complaints.stats.keptOf', {
            kept: stats.promises.kept,
            settled: stats.promises.settled,
          })}
        />
        <Figure
          testId="stat-resolution"
          label={t('complaints.stats.resolution')}
          value={
            stats.resolution.medianHours === null ? none : formatMinutes(stats.resolution.medianHours * 60, t)
          }
          detail={t('complaints.stats.resolvedOf', { n: stats.resolution.resolved })}
        />
        <Figure
          testId="stat-fan-rate"
          label={t('complaints.stats.fanRate')}
          value={stats.fanRate.percent === null ? none : `${stats.fanRate.percent}%`}
          detail={t('complaints.stats.fanOf', {
            bought: stats.fanRate.boughtAgain,
            total: stats.fanRate.complainants,
          })}
        />
      </SimpleGrid>
    </Stack>
  );
}
