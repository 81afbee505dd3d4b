import { Skeleton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerRowDto, CustomerSort } from '../../../../shared/contract';
import { marketplaceNames } from '../../../../shared/domain/marketplaces';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { tagColor } from '../../components/QuickLookup/tags';
import { formatTokyoDate, formatYen } from '../../i18n/deal-format';
import type { CustomerListState } from './list-params';
import classes from './CustomersTable.module.css';

export const CUSTOMER_ROW_HEIGHT = 52;
const HEADER_HEIGHT = 40;
const COLUMNS = 'minmax(180px, 1.5fr) minmax(150px, 1.2fr) 92px 88px 136px 124px minmax(110px, 1fr)';
/** Badges shown per row; the rest are counted ("+3") and named in the tooltip. */
const MAX_BADGES = 2;
const MIN_WIDTH = 900;
/** A row placed `start` pixels below the header (rows are absolutely positioned by the virtualizer). */
const rowStyle = (start: number) => ({
  gridTemplateColumns: COLUMNS,
  height: CUSTOMER_ROW_HEIGHT,
  transform: `translateY(${start}px)`,
});

interface CustomersTableProps {
  total: number;
  rowAt: (index: number) => CustomerRowDto | undefined;
  sort: CustomerListState['sort'];
  onSort: (by: CustomerSort) => void;
  cursor: number | null;
  onCursor: (index: number) => void;
  onOpen: (row: CustomerRowDto) => void;
  onVisibleRange: (start: number, end: number) => void;
}

/**
 * Customers as a virtualised grid: only the rows on screen exist, so 300,000 customers scroll like 30.
 * Rows whose page is still loading show placeholders of the same height.
 */
export function CustomersTable(props: CustomersTableProps) {
  const { total, rowAt, sort, onSort, cursor, onVisibleRange } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CUSTOMER_ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => onVisibleRange(firstIndex, lastIndex), [firstIndex, lastIndex, onVisibleRange]);
  useEffect(() => {
    if (cursor !== null && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0) return;
    const pageRows = Math.max(1, Math.floor(e.currentTarget.clientHeight / CUSTOMER_ROW_HEIGHT) - 1);
    const at = cursor ?? -1;
    const move = (to: number) => {
      e.preventDefault();
      props.onCursor(Math.min(total - 1, Math.max(0, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(at + 1);
      case 'ArrowUp':
        return move(at <= 0 ? 0 : at - 1);
      case 'PageDown':
        return move(at + pageRows);
      case 'PageUp':
        return move(at - pageRows);
      case 'Home':
        return move(0);
      case 'End':
        return move(total - 1);
      case 'Enter': {
        const row = cursor !== null ? rowAt(cursor) : undefined;
        if (row) {
          e.preventDefault();
          props.onOpen(row);
        }
      }
    }
  };

  const sortHeader = (by: CustomerSort, label: string, alignEnd = false) => {
    const active = sort.by === by;
    const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <div
        role="columnheader"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
        className={`${classes.cell} ${alignEnd ? classes.num : ''}`}
      >
        <button
          type="button"
          className={classes.sortButton}
          onClick={() => onSort(by)}
          title={t('customerUi.list.sortHint')}
        >
          {label}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        </button>
      </div>
    );
  };
  const plain = (label: string, alignEnd = false) => (
    <div role="columnheader" className={`${classes.cell} ${alignEnd ? classes.num : ''}`}>
      {label}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className={classes.grid}
      role="grid"
      aria-label={t('customerUi.list.label')}
      aria-rowcount={total + 1}
      aria-activedescendant={cursor !== null ? `customer-row-${cursor}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="customers-grid"
    >
      <div style={{ minWidth: MIN_WIDTH }}>
        <div
          className={classes.header}
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: COLUMNS, height: HEADER_HEIGHT }}
        >
          {sortHeader('name', t('customerUi.list.name'))}
          {plain(t('customerUi.list.marketplaces'))}
          {plain(t('customerUi.list.purchases'), true)}
          {sortHeader('repeatCount', t('customerUi.list.repeatCount'), true)}
          {sortHeader('lifetimeValue', t('customerUi.list.lifetimeValue'), true)}
          {sortHeader('lastPurchase', t('customerUi.list.lastPurchase'))}
          {plain(t('customerUi.list.tags'))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const start = item.start - HEADER_HEIGHT;
            if (!row)
              return (
                <div
                  key={item.key}
                  className={classes.row}
                  style={rowStyle(start)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy
                >
                  {Array.from({ length: 7 }, (_, i) => (
                    <div key={i} className={classes.cell} role="gridcell">
                      <Skeleton height={10} radius="sm" width={i === 0 ? '70%' : '50%'} />
                    </div>
                  ))}
                </div>
              );
            return (
              <CustomerRow
                key={item.key}
                index={item.index}
                start={start}
                row={row}
                isCursor={cursor === item.index}
                onCursor={props.onCursor}
                onOpen={props.onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface CustomerRowProps {
  index: number;
  start: number;
  row: CustomerRowDto;
  isCursor: boolean;
  onCursor: (index: number) => void;
  onOpen: (row: CustomerRowDto) => void;
}

/** One customer; plain elements (no Mantine components) so rows coming into view render cheaply. */
const CustomerRow = memo(function CustomerRow({
  index,
  start,
  row,
  isCursor,
  onCursor,
  onOpen,
}: CustomerRowProps) {
  const { t } = useTranslation();
  return (
    <div
      id={`customer-row-${index}`}
      className={classes.row}
      style={rowStyle(start)}
      role="row"
      aria-rowindex={index + 2}
      data-customer-id={row.id}
      data-repeat={row.isRepeat || undefined}
      data-cursor={isCursor || undefined}
      onClick={() => {
        onCursor(index);
        onOpen(row);
      }}
    >
      <div className={`${classes.cell} ${classes.nameCell}`} role="gridcell">
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
            {[row.kana, row.prefecture].filter(Boolean).join('・')}
          </span>
        )}
      </div>
      <div
        className={classes.cell}
        role="gridcell"
        title={row.marketplaces.map((m) => marketplaceNames[m]).join('、')}
      >
        <span className={classes.badges}>
          {row.marketplaces.slice(0, MAX_BADGES).map((m) => (
            <MarketplaceBadge key={m} marketplace={m} />
          ))}
          {row.marketplaces.length > MAX_BADGES && (
            <span className={`${classes.pill} ${classes.pillMore}`}>
              +{row.marketplaces.length - MAX_BADGES}
            </span>
          )}
        </span>
      </div>
      <div className={`${classes.cell} ${classes.num}`} role="gridcell">
        {t('customerUi.list.times', { n: row.purchaseCount })}
      </div>
      <div className={`${classes.cell} ${classes.num}`} role="gridcell">
        {row.repeatCount > 0 ? <strong>{row.repeatCount}</strong> : <span className={classes.muted}>0</span>}
      </div>
      <div className={`${classes.cell} ${classes.num}`} role="gridcell">
        {formatYen(row.lifetimeValue)}
      </div>
      <div className={classes.cell} role="gridcell" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {row.lastPurchaseAt ? (
          formatTokyoDate(row.lastPurchaseAt)
        ) : (
          <span className={classes.muted}>{t('customerUi.list.noPurchase')}</span>
        )}
      </div>
      <div className={classes.cell} role="gridcell" title={row.tags.join(', ')}>
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
      </div>
    </div>
  );
});
