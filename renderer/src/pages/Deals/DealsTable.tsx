import { Skeleton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DealRowDto, Language, MemberDto } from '../../../../shared/contract';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { StepBadges } from '../../components/StepBadges/StepBadges';
import { currentLanguage } from '../../i18n';
import { formatDueShort, formatItems, formatTokyoDate, formatYen } from '../../i18n/deal-format';
import type { DealSort, ListState } from './list-params';
import { rememberScroll, rememberedScroll } from './selection';
import classes from './DealsTable.module.css';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
/** Fixed columns keep their width; buyer and items share what is left and truncate. */
const COLUMNS = '40px 104px 120px 132px minmax(90px, 1fr) minmax(120px, 1.6fr) 92px 140px 132px';
const MIN_WIDTH = 990;

export interface RowClick {
  shift: boolean;
  toggle: boolean;
}

interface DealsTableProps {
  listKey: string;
  total: number;
  rowAt: (index: number) => DealRowDto | undefined;
  sort: ListState['sort'];
  onSort: (by: DealSort) => void;
  selected: ReadonlyMap<number, DealRowDto>;
  headerState: 'all' | 'some' | 'none';
  onHeaderToggle: () => void;
  /** A row's checkbox, or a click with Shift / Ctrl held. */
  onSelect: (index: number, row: DealRowDto, click: RowClick) => void;
  cursor: number | null;
  onCursor: (index: number) => void;
  onOpen: (row: DealRowDto) => void;
  onToggleCursor: () => void;
  onEscape: () => void;
  onVisibleRange: (start: number, end: number) => void;
  members: ReadonlyMap<number, MemberDto>;
}

/**
 * The ledger as a virtualised grid: only the rows on screen exist in the page, so 100,000 deals
 * scroll like 100. Rows whose page is still loading show placeholders of the same height.
 */
export function DealsTable(props: DealsTableProps) {
  const { listKey, total, rowAt, sort, onSort, selected, cursor, members } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows are memoised; their handlers stay the same object and read the newest props when called.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const handlers = useMemo<RowHandlers>(
    () => ({
      click: (index, row, e) => {
        const click = { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
        if (click.shift || click.toggle) {
          // Shift-click would otherwise also select the text between the clicks.
          window.getSelection()?.removeAllRanges();
          latest.current.onSelect(index, row, click);
        }
        latest.current.onCursor(index);
        scrollRef.current?.focus({ preventScroll: true });
      },
      checkbox: (index, row, shift) => latest.current.onSelect(index, row, { shift, toggle: !shift }),
      open: (row) => latest.current.onOpen(row),
    }),
    [],
  );
  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => rememberedScroll(listKey),
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  const { onVisibleRange } = props;
  useEffect(() => {
    onVisibleRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onVisibleRange]);

  // The keyboard cursor stays on screen as it moves.
  useEffect(() => {
    if (cursor !== null && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0) return;
    const pageRows = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    const at = cursor ?? -1;
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.min(total - 1, Math.max(0, to));
      props.onCursor(next);
      const row = rowAt(next);
      if (e.shiftKey && row) props.onSelect(next, row, { shift: true, toggle: false });
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
      case ' ':
        e.preventDefault();
        return props.onToggleCursor();
      case 'Enter': {
        const row = cursor !== null ? rowAt(cursor) : undefined;
        if (row) {
          e.preventDefault();
          props.onOpen(row);
        }
        return;
      }
      case 'Escape':
        return props.onEscape();
    }
  };

  const sortHeader = (by: DealSort, label: string, alignEnd = false) => {
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
          title={t('deals.table.sortHint')}
        >
          {label}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        </button>
      </div>
    );
  };

  const plain = (label: string, title?: string) => (
    <div role="columnheader" className={classes.cell} title={title}>
      {label}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className={classes.grid}
      role="grid"
      aria-label={t('deals.table.label')}
      aria-rowcount={total + 1}
      aria-multiselectable
      aria-activedescendant={cursor !== null ? `deal-row-${cursor}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => rememberScroll(listKey, e.currentTarget.scrollTop)}
      data-testid="deals-grid"
    >
      <div style={{ minWidth: MIN_WIDTH }}>
        <div
          className={classes.header}
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: COLUMNS, height: HEADER_HEIGHT }}
        >
          <div role="columnheader" className={classes.cell}>
            <input
              type="checkbox"
              className={classes.check}
              checked={props.headerState === 'all'}
              ref={(el) => {
                if (el) el.indeterminate = props.headerState === 'some';
              }}
              onChange={() => props.onHeaderToggle()}
              aria-label={
                props.headerState === 'none' ? t('deals.table.selectAll') : t('deals.table.selectNone')
              }
            />
          </div>
          {sortHeader('orderedAt', t('deals.table.orderedAt'))}
          {plain(t('deals.table.marketplace'))}
          {plain(t('deals.table.externalId'))}
          {plain(t('deals.table.buyer'))}
          {plain(t('deals.table.items'))}
          {sortHeader('total', t('deals.table.total'), true)}
          {plain(t('deals.table.steps'), t('deals.table.stepsLegend'))}
          {sortHeader('nextDue', t('deals.table.nextDue'))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = {
              gridTemplateColumns: COLUMNS,
              height: ROW_HEIGHT,
              transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
            };
            if (!row)
              return (
                <div
                  key={item.key}
                  className={classes.row}
                  style={style}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy
                >
                  {Array.from({ length: 9 }, (_, i) => (
                    <div key={i} className={classes.cell} role="gridcell">
                      {i > 0 && <Skeleton height={10} radius="sm" width={i === 5 ? '80%' : '60%'} />}
                    </div>
                  ))}
                </div>
              );
            return (
              <DealRow
                key={item.key}
                index={item.index}
                start={item.start - HEADER_HEIGHT}
                row={row}
                selected={selected.has(row.id)}
                isCursor={cursor === item.index}
                members={members}
                language={language}
                handlers={handlers}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowHandlers {
  click: (index: number, row: DealRowDto, e: MouseEvent<HTMLDivElement>) => void;
  checkbox: (index: number, row: DealRowDto, shift: boolean) => void;
  open: (row: DealRowDto) => void;
}

interface DealRowProps {
  index: number;
  /** Offset from the top of the rows, in pixels. */
  start: number;
  row: DealRowDto;
  selected: boolean;
  isCursor: boolean;
  members: ReadonlyMap<number, MemberDto>;
  language: Language;
  handlers: RowHandlers;
}

const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * One deal. Memoised and built from plain elements (no Mantine components): while scrolling, only
 * rows coming into view render, and each renders cheaply.
 */
const DealRow = memo(function DealRow({
  index,
  start,
  row,
  selected,
  isCursor,
  members,
  language,
  handlers,
}: DealRowProps) {
  const { t } = useTranslation();
  const items = formatItems(row, t);
  const cancelled = row.state === 'cancelled';
  let due: ReactNode;
  if (cancelled)
    due = <span className={`${classes.pill} ${classes.pillGray}`}>{t('deals.states.cancelled')}</span>;
  else if (row.state === 'closed')
    due = <span className={`${classes.pill} ${classes.pillGreen}`}>{t('deals.states.closed')}</span>;
  else if (row.nextDueAt) {
    const text = formatDueShort(row.nextDueAt, language);
    due = (
      <span
        className={row.overdue ? classes.overdue : undefined}
        title={row.overdue ? t('deals.table.overdueTitle', { due: text }) : text}
      >
        {text}
      </span>
    );
  } else due = <span className={classes.muted}>—</span>;

  return (
    <div
      id={`deal-row-${index}`}
      className={classes.row}
      style={{ gridTemplateColumns: COLUMNS, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-selected={selected || undefined}
      data-cursor={isCursor || undefined}
      data-cancelled={cancelled || undefined}
      data-deal-id={row.id}
      onClick={(e) => handlers.click(index, row, e)}
      onDoubleClick={() => handlers.open(row)}
    >
      <div className={classes.cell} role="gridcell" onClick={stop}>
        <input
          type="checkbox"
          className={classes.check}
          checked={selected}
          onChange={() => undefined}
          onClick={(e) => handlers.checkbox(index, row, e.shiftKey)}
          aria-label={t('deals.table.selectRow', { id: row.externalId })}
          tabIndex={-1}
        />
      </div>
      <div className={`${classes.cell} ${classes.dim} ${classes.tabular}`} role="gridcell">
        {formatTokyoDate(row.orderedAt)}
      </div>
      <div className={classes.cell} role="gridcell">
        <MarketplaceBadge marketplace={row.marketplace} />
      </div>
      <div className={classes.cell} role="gridcell" title={row.externalId}>
        <Link
          to={`/deals/${row.id}`}
          className={classes.link}
          onClick={stop}
          tabIndex={-1}
          style={cancelled ? { textDecoration: 'line-through' } : undefined}
        >
          {row.externalId}
        </Link>
      </div>
      <div className={`${classes.cell} ${classes.dim}`} role="gridcell" title={row.buyerName ?? undefined}>
        {row.buyerName ?? <span className={classes.muted}>{t('deals.table.noBuyer')}</span>}
      </div>
      <div className={`${classes.cell} ${classes.dim}`} role="gridcell" title={items}>
        {items}
      </div>
      <div className={`${classes.cell} ${classes.num} ${classes.dim}`} role="gridcell">
        {formatYen(row.total)}
      </div>
      <div className={classes.cell} role="gridcell">
        <StepBadges steps={row.steps} members={members} cancelled={cancelled} />
      </div>
      <div className={classes.cell} role="gridcell">
        {due}
      </div>
    </div>
  );
});
