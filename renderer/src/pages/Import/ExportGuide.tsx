import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Marketplace } from '../../../../shared/domain/marketplaces';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { currentLanguage } from '../../i18n';
import { useApiQuery } from '../../hooks/useApi';

type GuideRow =
  'rakuten' | 'amazon' | 'yahooShopping' | 'yahooAuctionStore' | 'mercariShops' | 'mercari' | 'base';

/** The exports that have a preset, in the order sellers most often have them (marketplace-formats.md). */
const rows: { key: GuideRow; marketplace: Marketplace }[] = [
  { key: 'rakuten', marketplace: 'rakuten' },
  { key: 'amazon', marketplace: 'amazon' },
  { key: 'yahooShopping', marketplace: 'yahoo_shopping' },
  { key: 'yahooAuctionStore', marketplace: 'yahoo_auction_store' },
  { key: 'mercariShops', marketplace: 'mercari_shops' },
  { key: 'mercari', marketplace: 'mercari' },
  { key: 'base', marketplace: 'base' },
];

/** What to export where: the empty import screen answers the first question a seller has. */
export function ExportGuide() {
  const { t } = useTranslation();
  const formats = useApiQuery('imports.formats', {}, { staleTime: Infinity });
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('import.guide.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.guide.lead')}
        </Text>
        <Table verticalSpacing={6} aria-label={t('import.guide.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('import.guide.marketplace')}</Table.Th>
              <Table.Th>{t('import.guide.where')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <MarketplaceBadge marketplace={row.marketplace} />
                </Table.Td>
                <Table.Td fz="sm">{t(`import.guide.rows.${row.key}`)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>
                <span style={{ display: 'inline-flex', gap: 4 }}>
                  <MarketplaceBadge marketplace="minne" />
                  <MarketplaceBadge marketplace="creema" />
                </span>
              </Table.Td>
              <Table.Td fz="sm">{t('import.guide.rows.minneCreema')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fz="sm" fw={600}>
                {t('import.guide.otherLabel')}
              </Table.Td>
              <Table.Td fz="sm">{t('import.guide.rows.other')}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {formats.data && (
          <Text size="xs" c="dimmed" title={formats.data.map((f) => f.name[currentLanguage()]).join('\n')}>
            {t('import.guide.formats', { n: formats.data.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
