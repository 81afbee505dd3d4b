import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import classes from './DataGrid.module.css';
import { cursorTarget, rowsPerScreen } from './grid-keys';

/** Shared cell styles (numbers, muted text, pills, links) for the columns pages define. */
export { classes as gridClasses };

export interface GridColumn<Row, Sort extends string = string> {
  id: string;
  /** Its track in the CSS grid: fixed ("104px") or a share of what fixed columns leave ("minmax(90px, 1fr)"). */
  width: string;
  label: string;
  /** The header's tooltip (a legend, say). */
  headerTitle?: string;
  /** Numbers: right-aligned with tabular digits. */
  alignEnd?: boolean;
  /** Clicking the header sorts by this. */
  sortBy?: Sort;
  cell: (row: Row) => ReactNode;
  /** The cell's tooltip: the whole text when it is cut off. */
  title?: (row: Row) => string | undefined;
  className?: string;
  /** Width of the loading bar (default 60%); null for none. */
  placeholder?: string | null;
}

export interface RowClick {
  shift: boolean;
  toggle: boolean;
}

/** Ticking rows: a checkbox column, Shift/Ctrl clicks, Shift+arrows, Space and Escape. */
export interface GridSelection<Row> {
  isSelected: (row: Row) => boolean;
  headerState: 'all' | 'some' | 'none';
  onHeaderToggle: () => void;
  /** A row's checkbox, a click with Shift / Ctrl held, Shift+arrow, or Space on the cursor row. */
  onSelect: (index: number, row: Row, click: RowClick) => void;
  onClear: () => void;
  selectAllLabel: string;
  selectNoneLabel: string;
  rowLabel: (row: Row) => string;
}

export interface SortState<Sort extends string> {
  by: Sort;
  dir: 'asc' | 'desc';
}

type RowData = Record<`data-${string}`, string | number | boolean | undefined>;

/** What a page hands its grid about the list: rows, sorting and the keyboard cursor. */
export type GridListProps<Row, Sort extends string> = Pick<
  DataGridProps<Row, Sort>,
  'total' | 'rowAt' | 'onVisibleRange' | 'sort' | 'onSort' | 'cursor' | 'onCursor' | 'onOpen'
>;

interface DataGridProps<Row, Sort extends string> {
  label: string;
  testId: string;
  columns: readonly GridColumn<Row, Sort>[];
  /** Below this the grid scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  rowHeight: number;
  headerHeight?: number;
  overscan?: number;
  total: number;
  rowAt: (index: number) => Row | undefined;
  onVisibleRange: (start: number, end: number) => void;
  sort?: SortState<Sort>;
  onSort?: (by: Sort) => void;
  sortHint?: string;
  /** Attributes of a row's element (ids for tests, states for styling). */
  rowData?: (row: Row) => RowData;
  rowClassName?: string;
  /** The keyboard cursor; with `onCursor`, the arrows, Page keys, Home/End and Enter move and open. */
  cursor?: number | null;
  onCursor?: (index: number) => void;
  /** Rows get ids `${rowIdPrefix}${index}`, for aria-activedescendant. */
  rowIdPrefix?: string;
  onOpen?: (row: Row) => void;
  /** A click opens the row (customers), or a click moves the cursor and a double click opens (deals). */
  openOn?: 'click' | 'doubleClick';
  selection?: GridSelection<Row>;
  /** Where the grid was scrolled to when it was last shown, and a way to remember it. */
  initialOffset?: () => number;
  onScrollTop?: (top: number) => void;
  /** Shown under the header when there are no rows. */
  emptyText?: ReactNode;
}

const CHECK_WIDTH = '40px';
const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * A virtualised grid: only the rows on screen exist in the page, so 100,000 rows scroll like 100. The
 * header stays put, rows whose page is still loading show placeholders of the same height, and rows are
 * memoised plain elements (no Mantine components) so rows coming into view render cheaply.
 */
export function DataGrid<Row, Sort extends string = string>(props: DataGridProps<Row, Sort>) {
  const { columns, total, rowAt, rowHeight, cursor = null, selection, onVisibleRange } = props;
  const headerHeight = props.headerHeight ?? 40;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = (selection ? [CHECK_WIDTH] : []).concat(columns.map((c) => c.width)).join(' ');
  // Rows are memoised; their handlers stay the same object and read the newest props when called.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const handlers = useMemo<RowHandlers<Row>>(
    () => ({
      click: (index, row, e) => {
        const p = latest.current;
        if (!p.onCursor) return;
        const click = { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
        if (p.selection && (click.shift || click.toggle)) {
          // Shift-click would otherwise also select the text between the clicks.
          window.getSelection()?.removeAllRanges();
          p.selection.onSelect(index, row, click);
        }
        p.onCursor(index);
        if (p.openOn === 'click') p.onOpen?.(row);
        else scrollRef.current?.focus({ preventScroll: true });
      },
      doubleClick: (row) => {
        if (latest.current.openOn === 'doubleClick') latest.current.onOpen?.(row);
      },
      checkbox: (index, row, shift) =>
        latest.current.selection?.onSelect(index, row, { shift, toggle: !shift }),
      rowData: (row) => latest.current.rowData?.(row) ?? {},
      rowLabel: (row) => latest.current.selection?.rowLabel(row) ?? '',
    }),
    [],
  );

  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: props.overscan ?? 10,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialOffset: props.initialOffset,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => {
    onVisibleRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onVisibleRange]);

  // The keyboard cursor stays on screen as it moves.
  useEffect(() => {
    if (cursor !== null && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const { onCursor, onOpen } = props;
    if (!onCursor || e.target !== e.currentTarget || total === 0) return;
    const to = cursorTarget(e.key, cursor, total, rowsPerScreen(e.currentTarget.clientHeight, rowHeight));
    if (to !== null) {
      e.preventDefault();
      onCursor(to);
      const row = rowAt(to);
      if (selection && e.shiftKey && row !== undefined)
        selection.onSelect(to, row, { shift: true, toggle: false });
      return;
    }
    const cursorRow = cursor !== null ? rowAt(cursor) : undefined;
    if (e.key === ' ' && selection) {
      e.preventDefault();
      if (cursor !== null && cursorRow !== undefined)
        selection.onSelect(cursor, cursorRow, { shift: false, toggle: true });
    } else if (e.key === 'Enter' && cursorRow !== undefined && onOpen) {
      e.preventDefault();
      onOpen(cursorRow);
    } else if (e.key === 'Escape') selection?.onClear();
  };

  const { sort, onSort } = props;
  return (
    <div
      ref={scrollRef}
      className={classes.grid}
      role="grid"
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-multiselectable={selection ? true : undefined}
      aria-activedescendant={
        cursor !== null && props.rowIdPrefix ? `${props.rowIdPrefix}${cursor}` : undefined
      }
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={props.onScrollTop ? (e) => props.onScrollTop?.(e.currentTarget.scrollTop) : undefined}
      data-testid={props.testId}
    >
      <div style={{ minWidth: props.minWidth }}>
        <div
          className={classes.header}
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template, height: headerHeight }}
        >
          {selection && (
            <div role="columnheader" className={classes.cell}>
              <input
                type="checkbox"
                className={classes.check}
                checked={selection.headerState === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = selection.headerState === 'some';
                }}
                onChange={() => selection.onHeaderToggle()}
                aria-label={
                  selection.headerState === 'none' ? selection.selectAllLabel : selection.selectNoneLabel
                }
              />
            </div>
          )}
          {columns.map((column) =>
            column.sortBy !== undefined && sort && onSort ? (
              <SortHeader
                key={column.id}
                column={column}
                sortBy={column.sortBy}
                sort={sort}
                onSort={onSort}
                hint={props.sortHint}
              />
            ) : (
              <div
                key={column.id}
                role="columnheader"
                className={cellClass(column.alignEnd)}
                title={column.headerTitle}
              >
                {column.label}
              </div>
            ),
          )}
        </div>
        {total === 0 && props.emptyText && (
          <div className={`${classes.cell} ${classes.muted}`}>{props.emptyText}</div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const start = item.start - headerHeight;
            if (row === undefined)
              return (
                <div
                  key={item.key}
                  className={`${classes.row} ${props.rowClassName ?? ''}`}
                  style={{
                    gridTemplateColumns: template,
                    height: rowHeight,
                    transform: `translateY(${start}px)`,
                  }}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy
                >
                  {selection && <div className={classes.cell} role="gridcell" />}
                  {columns.map((column) => (
                    <div key={column.id} className={classes.cell} role="gridcell">
                      {column.placeholder !== null && (
                        <span
                          className={classes.placeholder}
                          style={{ width: column.placeholder ?? '60%' }}
                        />
                      )}
                    </div>
                  ))}
                </div>
              );
            return (
              <GridRow
                key={item.key}
                index={item.index}
                start={start}
                row={row}
                selectable={selection !== undefined}
                selected={selection?.isSelected(row) ?? false}
                isCursor={cursor === item.index}
                columns={columns as readonly GridColumn<unknown>[]}
                template={template}
                height={rowHeight}
                className={props.rowClassName}
                idPrefix={props.rowIdPrefix}
                handlers={handlers as RowHandlers<unknown>}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const cellClass = (alignEnd?: boolean, extra?: string) =>
  [classes.cell, alignEnd ? classes.num : '', extra ?? ''].filter(Boolean).join(' ');

function SortHeader<Row, Sort extends string>({
  column,
  sortBy,
  sort,
  onSort,
  hint,
}: {
  column: GridColumn<Row, Sort>;
  sortBy: Sort;
  sort: SortState<Sort>;
  onSort: (by: Sort) => void;
  hint?: string;
}) {
  const active = sort.by === sortBy;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cellClass(column.alignEnd)}
    >
      <button type="button" className={classes.sortButton} onClick={() => onSort(sortBy)} title={hint}>
        {column.label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
      </button>
    </div>
  );
}

interface RowHandlers<Row> {
  click: (index: number, row: Row, e: MouseEvent<HTMLDivElement>) => void;
  doubleClick: (row: Row) => void;
  checkbox: (index: number, row: Row, shift: boolean) => void;
  rowData: (row: Row) => RowData;
  rowLabel: (row: Row) => string;
}

interface GridRowProps {
  index: number;
  /** Offset from the top of the rows, in pixels. */
  start: number;
  row: unknown;
  selectable: boolean;
  selected: boolean;
  isCursor: boolean;
  columns: readonly GridColumn<unknown>[];
  template: string;
  height: number;
  className: string | undefined;
  idPrefix: string | undefined;
  handlers: RowHandlers<unknown>;
}

/** One row; memoised, so while scrolling only rows coming into view render. */
const GridRow = memo(function GridRow({
  index,
  start,
  row,
  selectable,
  selected,
  isCursor,
  columns,
  template,
  height,
  className,
  idPrefix,
  handlers,
}: GridRowProps) {
  return (
    <div
      id={idPrefix ? `${idPrefix}${index}` : undefined}
      className={className ? `${classes.row} ${className}` : classes.row}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${start}px)` }}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      data-selected={selected || undefined}
      data-cursor={isCursor || undefined}
      {...handlers.rowData(row)}
      onClick={(e) => handlers.click(index, row, e)}
      onDoubleClick={() => handlers.doubleClick(row)}
    >
      {selectable && (
        <div className={classes.cell} role="gridcell" onClick={stop}>
          <input
            type="checkbox"
            className={classes.check}
            checked={selected}
            onChange={() => undefined}
            onClick={(e) => handlers.checkbox(index, row, e.shiftKey)}
            aria-label={handlers.rowLabel(row)}
            tabIndex={-1}
          />
        </div>
      )}
      {columns.map((column) => (
        <div
          key={column.id}
          className={cellClass(column.alignEnd, column.className)}
          role="gridcell"
          title={column.title?.(row)}
        >
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
});
