import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportEncodings,
  exportTables,
  type ExportEncoding,
  type ExportTable,
} from '../../../../shared/contract';
import { eachExportPart } from '../../../../shared/export-parts';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount } from '../../i18n/format';
import { useApiClient } from '../../hooks/api-context';
import { base64ToBytes, saveBlobFile } from '../Deals/LabelExportFiles';
import { ExportProgress, type ExportProgressState } from './ExportProgress';
import { SectionHeader } from './SectionHeader';

/**
 * 設定 → バックアップとデータ: deals, items, customers, cases as CSV for Excel or an accountant. The backend
 * sends the file in parts of a few MB (a ledger of years is hundreds of MB); each part becomes a Blob, which
 * Chromium may keep outside the page's memory, and the Blob of all parts is saved once the last one is in.
 */
export function ExportSection() {
  const { t } = useTranslation();
  const client = useApiClient();
  const [table, setTable] = useState<ExportTable>('deals');
  const [encoding, setEncoding] = useState<ExportEncoding>('utf-8-bom');
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ name: string; rows: number } | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the screen stops the export: nobody would be there to see it saved.
  useEffect(() => () => running.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    running.current = controller;
    setProgress({ rows: 0, totalRows: null });
    setError(null);
    setSaved(null);
    const blobs: Blob[] = [];
    let fileName = '';
    let rows = 0;
    let replaced = 0;
    try {
      const finished = await eachExportPart(
        (input) => client.call('exports.csv', input),
        { table, encoding },
        (part) => {
          blobs.push(new Blob([base64ToBytes(part.contentBase64)]));
          fileName = part.fileName ?? fileName;
          rows += part.rows;
          replaced += part.replaced;
          setProgress((p) => ({ rows, totalRows: part.totalRows ?? p?.totalRows ?? null }));
        },
        controller.signal,
      );
      if (!finished) {
        notifications.show({ color: 'gray', message: t('dataExport.cancelled') });
        return;
      }
      saveBlobFile(fileName, new Blob(blobs, { type: 'text/csv' }));
      setSaved({ name: fileName, rows });
      notifications.show({
        color: 'green',
        message: [
          t('shipping.export.done', { n: formatCount(rows, currentLanguage()) }),
          replaced > 0 ? t('shipping.export.replaced', { n: formatCount(replaced, currentLanguage()) }) : '',
        ].join(' '),
      });
    } catch (e) {
      if (!controller.signal.aborted) setError(describeError(e, t));
    } finally {
      if (running.current === controller) running.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Stack gap="sm" maw={720} mt={48}>
      <SectionHeader title={t('shipping.export.title')} description={t('shipping.export.description')} />
      <Choice
        label={t('shipping.export.table')}
        value={table}
        onChange={setTable}
        disabled={busy}
        options={exportTables.map((v) => ({ value: v, label: t(`shipping.export.tables.${v}`) }))}
      />
      <Choice
        label={t('shipping.export.encoding')}
        value={encoding}
        onChange={setEncoding}
        disabled={busy}
        options={exportEncodings.map((v) => ({ value: v, label: t(`shipping.export.encodings.${v}`) }))}
      />
      {error && <Alert color="orange">{error}</Alert>}
      {progress && <ExportProgress progress={progress} />}
      <Group>
        <Button
          onClick={() => void run()}
          loading={busy}
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('shipping.export.button')}
        </Button>
        {busy && (
          <Button variant="default" onClick={() => running.current?.abort()}>
            {t('dataExport.cancel')}
          </Button>
        )}
      </Group>
      {saved && (
        <Text size="sm" c="dimmed" data-testid="export-saved">
          {t('dataExport.saved', { name: saved.name, n: formatCount(saved.rows, currentLanguage()) })}
        </Text>
      )}
    </Stack>
  );
}

/** A labelled segmented choice (what to export, which encoding). */
function Choice<T extends string>({
  label,
  value,
  onChange,
  options,
  disabled,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
  disabled?: boolean;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <SegmentedControl
        w="fit-content"
        aria-label={label}
        value={value}
        onChange={(v) => onChange(v as T)}
        data={options}
        disabled={disabled}
      />
    </Stack>
  );
}
