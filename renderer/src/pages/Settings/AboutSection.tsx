import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';
import type { ja } from '../../i18n/ja';
import { useSystemInfo } from '../../hooks/useAppData';
import { SectionHeader } from './SectionHeader';

type KnownTable = keyof typeof ja.tables;

/** Facts for a support question: version, database format and location, and how much is stored. */
export function AboutSection() {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  if (info.isPending) return <LoadingView />;
  if (info.isError) return <ErrorView error={info.error} onRetry={() => void info.refetch()} />;
  const language = currentLanguage();
  const tableLabel = (table: string) =>
    i18n.exists(`tables.${table}`) ? t(`tables.${table as KnownTable}`) : table;

  return (
    <Stack gap="lg" maw={760}>
      <SectionHeader title={t('settings.about.title')} />
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>{t('settings.about.version')}</Table.Th>
            <Table.Td>{info.data.appVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.about.schemaVersion')}</Table.Th>
            <Table.Td>{info.data.schemaVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.about.dbPath')}</Table.Th>
            <Table.Td>
              <Code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{info.data.dbPath}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Stack gap="xs">
        <Text fw={600}>{t('settings.about.counts')}</Text>
        <Table withTableBorder striped layout="fixed" maw={480}>
          <Table.Tbody>
            {Object.entries(info.data.counts).map(([table, count]) => (
              <Table.Tr key={table}>
                <Table.Td>{tableLabel(table)}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatCount(count, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
