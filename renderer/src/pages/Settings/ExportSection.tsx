import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportEncodings,
  exportTables,
  type ExportEncoding,
  type ExportTable,
} from '../../../../shared/contract';
import { describeError } from '../../i18n/errors';
import { useApiClient } from '../../hooks/api-context';
import { saveBase64File } from '../Deals/LabelExportFiles';
import { SectionHeader } from './SectionHeader';

/** 設定 → バックアップとデータ: deals, items, customers as CSV for Excel or an accountant. */
export function ExportSection() {
  const { t } = useTranslation();
  const client = useApiClient();
  const [table, setTable] = useState<ExportTable>('deals');
  const [encoding, setEncoding] = useState<ExportEncoding>('utf-8-bom');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await client.call('exports.csv', { table, encoding });
      saveBase64File(file.fileName, file.contentBase64);
      notifications.show({
        color: 'green',
        message: [
          t('shipping.export.done', { n: file.rows }),
          file.replaced > 0 ? t('shipping.export.replaced', { n: file.replaced }) : '',
        ].join(' '),
      });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" maw={720} mt={48}>
      <SectionHeader title={t('shipping.export.title')} description={t('shipping.export.description')} />
      <Choice
        label={t('shipping.export.table')}
        value={table}
        onChange={setTable}
        options={exportTables.map((v) => ({ value: v, label: t(`shipping.export.tables.${v}`) }))}
      />
      <Choice
        label={t('shipping.export.encoding')}
        value={encoding}
        onChange={setEncoding}
        options={exportEncodings.map((v) => ({ value: v, label: t(`shipping.export.encodings.${v}`) }))}
      />
      {error && <Alert color="orange">{error}</Alert>}
      <Group>
        <Button
          onClick={() => void run()}
          loading={busy}
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('shipping.export.button')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A labelled segmented choice (what to export, which encoding). */
function Choice<T extends string>({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
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
      />
    </Stack>
  );
}
