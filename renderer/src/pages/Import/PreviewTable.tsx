import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRowDto } from '../../../../shared/contract';
import { DataGrid, gridClasses as grid, type GridColumn } from '../../components/DataGrid/DataGrid';
import { formatTokyoDateTimeShort, formatYen } from '../../i18n/deal-format';
import { changeLabel, issueText } from './issue-text';
import classes from './Import.module.css';
import { rowStatusText } from './row-status';

export const PREVIEW_ROW_HEIGHT = 40;
export const PREVIEW_HEADER_HEIGHT = 38;
/** Below this the grid scrolls sideways; above it, the 内容 column takes every pixel the others leave. */
const MIN_WIDTH = 952;

interface PreviewTableProps {
  total: number;
  rowAt: (index: number) => ImportPreviewRowDto | undefined;
  /** Several files (Yahoo!ショッピング): the line needs its file to be found. */
  showFile: boolean;
  onVisibleRange: (start: number, end: number) => void;
}

const rowData = (row: ImportPreviewRowDto) => ({
  'data-status': row.status,
  'data-testid': 'import-preview-row',
});

/**
 * The rows of an import preview, virtualised like the deal grid: a 100,000-row file scrolls like a short
 * one. Rows still loading show placeholders of the same height.
 */
export function PreviewTable({ total, rowAt, showFile, onVisibleRange }: PreviewTableProps) {
  const { t } = useTranslation();
  const columns = useMemo(() => previewColumns(t, showFile), [t, showFile]);
  return (
    <DataGrid<ImportPreviewRowDto>
      label={t('import.table.label')}
      testId="import-preview-grid"
      columns={columns}
      minWidth={MIN_WIDTH}
      rowHeight={PREVIEW_ROW_HEIGHT}
      headerHeight={PREVIEW_HEADER_HEIGHT}
      overscan={12}
      total={total}
      rowAt={rowAt}
      onVisibleRange={onVisibleRange}
      rowData={rowData}
      emptyText={t('import.table.empty')}
    />
  );
}

const pillClass = {
  new: classes.pillBlue,
  updated: classes.pillYellow,
  unchanged: grid.pillGray,
  error: classes.pillRed,
} as const;

/** What would happen to the order, in words: its errors, or what changes and what is kept. */
function detailText(row: ImportPreviewRowDto, t: TFunction): string {
  const errors = row.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0)
    return errors.map((i) => `${i.column ? `${i.column}: ` : ''}${issueText(i, t)}`).join(' / ');
  const parts: string[] = [];
  const changes = row.changes.filter((c) => !c.startsWith('steps.') && c !== 'customer');
  if (row.status === 'updated' && changes.length > 0)
    parts.push(
      t('import.table.changes', { fields: changes.map((c) => changeLabel(c, t)).join(t('separators.list')) }),
    );
  if (row.stepsDone.length > 0)
    parts.push(
      t('import.table.steps', {
        steps: row.stepsDone.map((s) => t(`steps.kinds.${s}`)).join(t('separators.list')),
      }),
    );
  if (row.keptEdits.length > 0)
    parts.push(
      t('import.table.keptEdits', {
        fields: row.keptEdits.map((c) => changeLabel(c, t)).join(t('separators.list')),
      }),
    );
  if (row.status === 'unchanged' && parts.length === 0) parts.push(t('import.table.same'));
  parts.push(...row.issues.filter((i) => i.severity === 'warning').map((i) => issueText(i, t)));
  return parts.join(' · ');
}

/**
 * Status, line, order number, date, total and customer keep their width; buyer and items get a modest
 * share and 内容 (what would happen) the most. Text wraps to two lines (a 楽天 order number breaks at its
 * hyphens, a date before its time), then ends in an ellipsis with the whole in the tooltip.
 */
function previewColumns(t: TFunction, showFile: boolean): GridColumn<ImportPreviewRowDto>[] {
  return [
    {
      id: 'status',
      width: '76px',
      label: t('import.table.status'),
      cell: (row) => (
        <span className={`${grid.pill} ${pillClass[row.status]}`}>{rowStatusText(row.status, t)}</span>
      ),
    },
    {
      id: 'line',
      width: '76px',
      label: t('import.table.line'),
      alignEnd: true,
      // An order spread over several lines shows its first line and how many follow; all are in the tooltip.
      title: (row) => {
        const all = row.lines.join(', ');
        return showFile && row.file ? `${row.file}: ${all}` : all;
      },
      cell: (row) => (
        <>
          {row.lines[0] === undefined ? '' : String(row.lines[0])}
          {row.lines.length > 1 && <span className={grid.muted}> +{row.lines.length - 1}</span>}
        </>
      ),
    },
    {
      id: 'externalId',
      width: '150px',
      label: t('import.table.externalId'),
      className: `${grid.wrap} ${classes.compact}`,
      title: (row) => row.externalId ?? undefined,
      cell: (row) => row.externalId ?? <span className={grid.muted}>—</span>,
    },
    {
      id: 'orderedAt',
      width: '112px',
      label: t('import.table.orderedAt'),
      className: `${grid.wrap} ${classes.compact}`,
      cell: (row) =>
        row.orderedAt ? formatTokyoDateTimeShort(row.orderedAt) : <span className={grid.muted}>—</span>,
    },
    {
      id: 'buyer',
      width: 'minmax(80px, 0.8fr)',
      label: t('import.table.buyer'),
      className: grid.wrap,
      title: (row) => row.buyerName ?? undefined,
      cell: (row) => row.buyerName ?? <span className={grid.muted}>{t('import.table.noBuyer')}</span>,
    },
    {
      id: 'items',
      width: 'minmax(100px, 1fr)',
      label: t('import.table.items'),
      className: grid.wrap,
      title: (row) => row.itemSummary,
      cell: (row) => row.itemSummary,
    },
    {
      id: 'total',
      width: '88px',
      label: t('import.table.total'),
      alignEnd: true,
      cell: (row) => (row.total === null ? '' : formatYen(row.total)),
    },
    {
      id: 'customer',
      width: '84px',
      label: t('import.table.customer'),
      cell: (row) =>
        row.customer.action === 'new'
          ? t('import.table.customerNew')
          : row.customer.action === 'matched'
            ? t('import.table.customerMatched')
            : '',
    },
    {
      id: 'detail',
      width: 'minmax(180px, 3fr)',
      label: t('import.table.detail'),
      className: grid.wrap,
      title: (row) => detailText(row, t),
      cell: (row) => (
        <span className={row.issues.some((i) => i.severity === 'error') ? classes.errorText : grid.muted}>
          {detailText(row, t)}
        </span>
      ),
    },
  ];
}
