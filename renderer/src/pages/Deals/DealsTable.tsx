import type { TFunction } from 'i18next';
import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DealRowDto, Language, MemberDto } from '../../../../shared/contract';
import {
  DataGrid,
  gridClasses as grid,
  type GridColumn,
  type GridListProps,
  type RowClick,
} from '../../components/DataGrid/DataGrid';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { StepBadges } from '../../components/StepBadges/StepBadges';
import { currentLanguage } from '../../i18n';
import { formatDueShort, formatItems, formatTokyoDate, formatYen } from '../../i18n/deal-format';
import type { DealSort, ListState } from './list-params';
import { rememberScroll, rememberedScroll } from './selection';
import classes from './DealsTable.module.css';

export type { RowClick };

export const ROW_HEIGHT = 44;
const MIN_WIDTH = 990;

interface DealsTableProps extends GridListProps<DealRowDto, DealSort> {
  listKey: string;
  sort: ListState['sort'];
  cursor: number | null;
  selected: ReadonlyMap<number, DealRowDto>;
  headerState: 'all' | 'some' | 'none';
  onHeaderToggle: () => void;
  /** A row's checkbox, or a click with Shift / Ctrl held. */
  onSelect: (index: number, row: DealRowDto, click: RowClick) => void;
  onEscape: () => void;
  members: ReadonlyMap<number, MemberDto>;
}

const stop = (e: MouseEvent) => e.stopPropagation();
const rowData = (row: DealRowDto) => ({
  'data-cancelled': row.state === 'cancelled' || undefined,
  'data-deal-id': row.id,
});

/**
 * The ledger as a virtualised grid with a checkbox column: 100,000 deals scroll like 100. Fixed columns
 * keep their width; buyer and items share what is left and truncate.
 */
export function DealsTable(props: DealsTableProps) {
  const { listKey, selected, headerState, onHeaderToggle, onSelect, onEscape, members, ...list } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns = useMemo(() => dealColumns(t, language, members), [t, language, members]);
  return (
    <DataGrid<DealRowDto, DealSort>
      {...list}
      label={t('deals.table.label')}
      testId="deals-grid"
      columns={columns}
      minWidth={MIN_WIDTH}
      rowHeight={ROW_HEIGHT}
      overscan={10}
      sortHint={t('deals.table.sortHint')}
      rowData={rowData}
      rowIdPrefix="deal-row-"
      openOn="doubleClick"
      selection={{
        isSelected: (row) => selected.has(row.id),
        headerState,
        onHeaderToggle,
        onSelect,
        onClear: onEscape,
        selectAllLabel: t('deals.table.selectAll'),
        selectNoneLabel: t('deals.table.selectNone'),
        rowLabel: (row) => t('deals.table.selectRow', { id: row.externalId }),
      }}
      initialOffset={() => rememberedScroll(listKey)}
      onScrollTop={(top) => rememberScroll(listKey, top)}
    />
  );
}

function dealColumns(
  t: TFunction,
  language: Language,
  members: ReadonlyMap<number, MemberDto>,
): GridColumn<DealRowDto, DealSort>[] {
  return [
    {
      id: 'orderedAt',
      width: '104px',
      label: t('deals.table.orderedAt'),
      sortBy: 'orderedAt',
      className: `${classes.dim} ${grid.tabular}`,
      cell: (row) => formatTokyoDate(row.orderedAt),
    },
    {
      id: 'marketplace',
      width: '120px',
      label: t('deals.table.marketplace'),
      cell: (row) => <MarketplaceBadge marketplace={row.marketplace} />,
    },
    {
      id: 'externalId',
      width: '132px',
      label: t('deals.table.externalId'),
      title: (row) => row.externalId,
      cell: (row) => (
        <Link
          to={`/deals/${row.id}`}
          className={grid.link}
          onClick={stop}
          tabIndex={-1}
          style={row.state === 'cancelled' ? { textDecoration: 'line-through' } : undefined}
        >
          {row.externalId}
        </Link>
      ),
    },
    {
      id: 'buyer',
      width: 'minmax(90px, 1fr)',
      label: t('deals.table.buyer'),
      className: classes.dim,
      title: (row) => row.buyerName ?? undefined,
      cell: (row) => row.buyerName ?? <span className={grid.muted}>{t('deals.table.noBuyer')}</span>,
    },
    {
      id: 'items',
      width: 'minmax(120px, 1.6fr)',
      label: t('deals.table.items'),
      className: classes.dim,
      title: (row) => formatItems(row, t),
      cell: (row) => formatItems(row, t),
      placeholder: '80%',
    },
    {
      id: 'total',
      width: '92px',
      label: t('deals.table.total'),
      sortBy: 'total',
      alignEnd: true,
      className: classes.dim,
      cell: (row) => formatYen(row.total),
    },
    {
      id: 'steps',
      width: '140px',
      label: t('deals.table.steps'),
      headerTitle: t('deals.table.stepsLegend'),
      cell: (row) => <StepBadges steps={row.steps} members={members} cancelled={row.state === 'cancelled'} />,
    },
    {
      id: 'nextDue',
      width: '132px',
      label: t('deals.table.nextDue'),
      sortBy: 'nextDue',
      cell: (row) => dueCell(row, t, language),
    },
  ];
}

function dueCell(row: DealRowDto, t: TFunction, language: Language): ReactNode {
  if (row.state === 'cancelled')
    return <span className={`${grid.pill} ${grid.pillGray}`}>{t('deals.states.cancelled')}</span>;
  if (row.state === 'closed')
    return <span className={`${grid.pill} ${classes.pillGreen}`}>{t('deals.states.closed')}</span>;
  if (!row.nextDueAt) return <span className={grid.muted}>—</span>;
  const text = formatDueShort(row.nextDueAt, language);
  return (
    <span
      className={row.overdue ? classes.overdue : undefined}
      title={row.overdue ? t('deals.table.overdueTitle', { due: text }) : text}
    >
      {text}
    </span>
  );
}
