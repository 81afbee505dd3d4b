import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerRowDto, CustomerSort } from '../../../../shared/contract';
import { marketplaceNames } from '../../../../shared/domain/marketplaces';
import {
  DataGrid,
  gridClasses as grid,
  type GridColumn,
  type GridListProps,
} from '../../components/DataGrid/DataGrid';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { tagColor } from '../../components/QuickLookup/tags';
import { formatTokyoDate, formatYen } from '../../i18n/deal-format';
import type { CustomerListState } from './list-params';
import classes from './CustomersTable.module.css';

export const CUSTOMER_ROW_HEIGHT = 52;
/** Badges shown per row; the rest are counted ("+3") and named in the tooltip. */
const MAX_BADGES = 2;
const MIN_WIDTH = 900;

interface CustomersTableProps extends GridListProps<CustomerRowDto, CustomerSort> {
  sort: CustomerListState['sort'];
  cursor: number | null;
}

const rowData = (row: CustomerRowDto) => ({
  'data-customer-id': row.id,
  'data-repeat': row.isRepeat || undefined,
});

/** Customers as a virtualised grid: 300,000 customers scroll like 30; a click opens one. */
export function CustomersTable(props: CustomersTableProps) {
  const { t } = useTranslation();
  const columns = useMemo(() => customerColumns(t), [t]);
  return (
    <DataGrid<CustomerRowDto, CustomerSort>
      {...props}
      label={t('customerUi.list.label')}
      testId="customers-grid"
      columns={columns}
      minWidth={MIN_WIDTH}
      rowHeight={CUSTOMER_ROW_HEIGHT}
      overscan={8}
      sortHint={t('customerUi.list.sortHint')}
      rowData={rowData}
      rowClassName={classes.row}
      rowIdPrefix="customer-row-"
      openOn="click"
    />
  );
}

function customerColumns(t: TFunction): GridColumn<CustomerRowDto, CustomerSort>[] {
  return [
    {
      id: 'name',
      width: 'minmax(180px, 1.5fr)',
      label: t('customerUi.list.name'),
      sortBy: 'name',
      className: classes.nameCell,
      placeholder: '70%',
      cell: (row) => (
        <>
          <span className={classes.nameLine}>
            <Link
              to={`/customers/${row.id}`}
              className={classes.name}
              title={row.name}
              tabIndex={-1}
              onClick={(e) => e.stopPropagation()}
            >
              {row.name}
            </Link>
            {row.isRepeat && (
              <span className={`${classes.pill} ${classes.pillRepeat}`}>{t('customerUi.list.repeat')}</span>
            )}
          </span>
          {(row.kana || row.prefecture) && (
            <span className={classes.kana} title={row.kana ?? undefined}>
              {[row.kana, row.prefecture].filter(Boolean).join(t('separators.dot'))}
            </span>
          )}
        </>
      ),
    },
    {
      id: 'marketplaces',
      width: 'minmax(150px, 1.2fr)',
      label: t('customerUi.list.marketplaces'),
      placeholder: '50%',
      title: (row) => row.marketplaces.map((m) => marketplaceNames[m]).join(t('separators.list')),
      cell: (row) => (
        <span className={classes.badges}>
          {row.marketplaces.slice(0, MAX_BADGES).map((m) => (
            <MarketplaceBadge key={m} marketplace={m} />
          ))}
          {row.marketplaces.length > MAX_BADGES && (
            <span className={`${classes.pill} ${grid.pillGray}`}>
              +{row.marketplaces.length - MAX_BADGES}
            </span>
          )}
        </span>
      ),
    },
    {
      id: 'purchases',
      width: '92px',
      label: t('customerUi.list.purchases'),
      alignEnd: true,
      placeholder: '50%',
      cell: (row) => t('customerUi.list.times', { n: row.purchaseCount }),
    },
    {
      id: 'repeatCount',
      width: '88px',
      label: t('customerUi.list.repeatCount'),
      sortBy: 'repeatCount',
      alignEnd: true,
      placeholder: '50%',
      cell: (row) =>
        row.repeatCount > 0 ? <strong>{row.repeatCount}</strong> : <span className={grid.muted}>0</span>,
    },
    {
      id: 'lifetimeValue',
      width: '136px',
      label: t('customerUi.list.lifetimeValue'),
      sortBy: 'lifetimeValue',
      alignEnd: true,
      placeholder: '50%',
      cell: (row) => formatYen(row.lifetimeValue),
    },
    {
      id: 'lastPurchase',
      width: '124px',
      label: t('customerUi.list.lastPurchase'),
      sortBy: 'lastPurchase',
      className: grid.tabular,
      placeholder: '50%',
      cell: (row) =>
        row.lastPurchaseAt ? (
          formatTokyoDate(row.lastPurchaseAt)
        ) : (
          <span className={grid.muted}>{t('customerUi.list.noPurchase')}</span>
        ),
    },
    {
      id: 'tags',
      width: 'minmax(110px, 1fr)',
      label: t('customerUi.list.tags'),
      placeholder: '50%',
      title: (row) => row.tags.join(', '),
      cell: (row) => (
        <span className={classes.badges}>
          {row.tags.map((tag) => (
            <span
              key={tag}
              className={classes.pill}
              style={{
                background: `var(--mantine-color-${tagColor(tag)}-light)`,
                color: `var(--mantine-color-${tagColor(tag)}-light-color)`,
              }}
            >
              {tag}
            </span>
          ))}
          {row.openWishCount > 0 && (
            <span className={`${classes.pill} ${classes.pillWish}`}>
              {t('customerUi.list.wishes', { n: row.openWishCount })}
            </span>
          )}
        </span>
      ),
    },
  ];
}
