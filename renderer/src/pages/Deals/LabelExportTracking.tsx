import { Alert, Button, FileButton, List, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { SectionHeader } from '../Settings/SectionHeader';
import { fileToBase64 } from './LabelExportFiles';

/** 追跡番号の取り込み: the carrier's result file in, deals marked shipped, unmatched rows listed. */
export function TrackingImportSection() {
  const { t } = useTranslation();
  const importTracking = useApiMutation('tracking.import');
  const pick = async (file: File | null) => {
    if (!file) return;
    importTracking.mutate({ fileName: file.name, contentBase64: await fileToBase64(file) });
  };
  const result = importTracking.data;
  return (
    <Stack gap="sm" maw={720}>
      <SectionHeader title={t('shipping.tracking.title')} description={t('shipping.tracking.description')} />
      <FileButton onChange={(f) => void pick(f)} accept=".csv,.txt,text/csv">
        {(props) => (
          <Button
            {...props}
            variant="light"
            w="fit-content"
            loading={importTracking.isPending}
            leftSection={<IconFileImport size={16} aria-hidden />}
          >
            {t('shipping.tracking.choose')}
          </Button>
        )}
      </FileButton>
      {importTracking.isError && (
        <Alert color="red" title={t('shipping.tracking.failed')}>
          {describeError(importTracking.error, t)}
        </Alert>
      )}
      {result && (
        <Alert color={result.unmatched.length > 0 ? 'yellow' : 'green'} data-testid="tracking-result">
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('shipping.tracking.result', {
                n: result.marked.length,
                format: t(`shipping.tracking.formats.${result.format}`),
              })}
            </Text>
            {result.unchanged > 0 && (
              <Text size="sm">{t('shipping.tracking.unchanged', { n: result.unchanged })}</Text>
            )}
            {result.unmatched.length > 0 && (
              <>
                <Text size="sm">{t('shipping.tracking.unmatchedTitle', { n: result.unmatched.length })}</Text>
                <List size="sm">
                  {result.unmatched.slice(0, 100).map((u) => (
                    <List.Item key={u.line}>
                      {t('shipping.tracking.line', { line: u.line })} {u.reference} {u.trackingNumber} —{' '}
                      {t(
                        `shipping.tracking.reasons.${u.reason}` as 'shipping.tracking.reasons.unknown_deal',
                        {
                          defaultValue: u.reason,
                        },
                      )}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
