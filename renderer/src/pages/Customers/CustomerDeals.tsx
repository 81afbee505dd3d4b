import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerDto, MemberDto } from '../../../../shared/contract';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { StepBadges } from '../../components/StepBadges/StepBadges';
import { currentLanguage } from '../../i18n';
import { formatItems, formatTokyoDate, formatYen } from '../../i18n/deal-format';
import { formatCount } from '../../i18n/format';
import { Section } from './Section';

interface Props {
  customer: CustomerDto;
  members: ReadonlyMap<number, MemberDto>;
  /** Asks for every deal when the page holds only the newest `dealsLimit`. */
  onShowAll: () => void;
  loadingAll: boolean;
}

/** Every deal of the buyer, newest first, across marketplaces and years (the ledger keeps them all). */
export function CustomerDeals({ customer, members, onShowAll, loadingAll }: Props) {
  const { t } = useTranslation();
  const right = {
    textAlign: 'right' as const,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap' as const,
  };
  return (
    <Section
      title={t('customerUi.detail.deals')}
      help={t('customerUi.detail.dealsCount', { n: formatCount(customer.dealCount, currentLanguage()) })}
      testId="customer-deals"
    >
      {customer.deals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerUi.detail.noDeals')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} layout="fixed" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={104}>{t('customerUi.detail.dealColumns.orderedAt')}</Table.Th>
                <Table.Th w={124}>{t('customerUi.detail.dealColumns.marketplace')}</Table.Th>
                <Table.Th w={150}>{t('customerUi.detail.dealColumns.externalId')}</Table.Th>
                <Table.Th>{t('customerUi.detail.dealColumns.items')}</Table.Th>
                <Table.Th w={96} style={right}>
                  {t('customerUi.detail.dealColumns.total')}
                </Table.Th>
                <Table.Th w={140}>{t('customerUi.detail.dealColumns.steps')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.deals.map((deal) => {
                const cancelled = deal.state === 'cancelled';
                return (
                  <Table.Tr key={deal.id} data-deal-id={deal.id}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatTokyoDate(deal.orderedAt)}
                    </Table.Td>
                    <Table.Td>
                      <MarketplaceBadge marketplace={deal.marketplace} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/deals/${deal.id}`}
                        size="sm"
                        fw={600}
                        td={cancelled ? 'line-through' : undefined}
                        style={{
                          display: 'block',
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                        }}
                        title={deal.externalId}
                      >
                        {deal.externalId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate="end" title={formatItems(deal, t)}>
                        {formatItems(deal, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={right}>{formatYen(deal.total)}</Table.Td>
                    <Table.Td>
                      {cancelled ? (
                        <Badge color="gray" variant="light" size="sm">
                          {t('customerUi.detail.cancelled')}
                        </Badge>
                      ) : (
                        <StepBadges steps={deal.steps} members={members} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {customer.deals.length < customer.dealCount && (
        <Button variant="subtle" mt="xs" onClick={onShowAll} loading={loadingAll}>
          {t('customerUi.detail.showAllDeals', { n: formatCount(customer.dealCount, currentLanguage()) })}
        </Button>
      )}
    </Section>
  );
}
