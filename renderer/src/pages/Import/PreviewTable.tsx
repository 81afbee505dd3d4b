import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRowDto } from '../../../../shared/contract';
import { formatTokyoDateTimeShort, formatYen } from '../../i18n/deal-format';
import grid from '../Deals/DealsTable.module.css';
import { changeLabel, issueText } from './issue-text';
import classes from './Import.module.css';

export const PREVIEW_ROW_HEIGHT = 40;
export const PREVIEW_HEADER_HEIGHT = 38;
/** Status, lines, order number (楽天's are 25 characters) and date keep their width; text columns share the rest. */
const COLUMNS = '76px 92px 224px 150px minmax(80px, 1fr) minmax(110px, 1.3fr) 80px 72px minmax(120px, 1.4fr)';
const MIN_WIDTH = 1000;

interface PreviewTableProps {
  total: number;
  rowAt: (index: number) => ImportPreviewRowDto | undefined;
  /** Several files (Yahoo!ショッピング): the line needs its file to be found. */
  showFile: boolean;
  onVisibleRange: (start: number, end: number) => void;
}

/**
 * The rows of an import preview, virtualised like the deal grid: only the rows on screen exist, so a
 * 100,000-row file scrolls like a short one. Rows still loading show placeholders of the same height.
 */
export function PreviewTable({ total, rowAt, showFile, onVisibleRange }: PreviewTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PREVIEW_ROW_HEIGHT,
    overscan: 12,
    scrollMargin: PREVIEW_HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => {
    onVisibleRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onVisibleRange]);

  const head = (label: string, alignEnd = false) => (
    <div role="columnheader" className={`${grid.cell} ${alignEnd ? grid.num : ''}`}>
      {label}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className={grid.grid}
      role="grid"
      aria-label={t('import.table.label')}
      aria-rowcount={total + 1}
      tabIndex={0}
      data-testid="import-preview-grid"
    >
      <div style={{ minWidth: MIN_WIDTH }}>
        <div
          className={grid.header}
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: COLUMNS, height: PREVIEW_HEADER_HEIGHT }}
        >
          {head(t('import.table.status'))}
          {head(t('import.table.line'), true)}
          {head(t('import.table.externalId'))}
          {head(t('import.table.orderedAt'))}
          {head(t('import.table.buyer'))}
          {head(t('import.table.items'))}
          {head(t('import.table.total'), true)}
          {head(t('import.table.customer'))}
          {head(t('import.table.detail'))}
        </div>
        {total === 0 && <div className={`${grid.cell} ${grid.muted}`}>{t('import.table.empty')}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const top = item.start - PREVIEW_HEADER_HEIGHT;
            if (!row)
              return (
                <div
                  key={item.key}
                  className={grid.row}
                  style={{
                    gridTemplateColumns: COLUMNS,
                    height: PREVIEW_ROW_HEIGHT,
                    transform: `translateY(${top}px)`,
                  }}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy
                >
                  {Array.from({ length: 9 }, (_, i) => (
                    <div key={i} className={grid.cell} role="gridcell">
                      <span className={classes.placeholder} />
                    </div>
                  ))}
                </div>
              );
            return <PreviewRow key={item.key} index={item.index} top={top} row={row} showFile={showFile} />;
          })}
        </div>
      </div>
    </div>
  );
}

const pillClass = {
  new: classes.pillBlue,
  updated: classes.pillYellow,
  unchanged: grid.pillGray,
  error: classes.pillRed,
} as const;

/** One previewed order; plain elements only, so scrolling renders cheaply. */
const PreviewRow = memo(function PreviewRow({
  index,
  top,
  row,
  showFile,
}: {
  index: number;
  top: number;
  row: ImportPreviewRowDto;
  showFile: boolean;
}) {
  const { t } = useTranslation();
  const first = row.lines[0];
  const extra = row.lines.length - 1;
  // An order spread over several lines shows its first line and how many follow; all are in the tooltip.
  const line = first === undefined ? '' : String(first);
  const allLines = row.lines.join(', ');
  const errors = row.issues.filter((i) => i.severity === 'error');
  const warnings = row.issues.filter((i) => i.severity === 'warning');
  let detail: string;
  if (errors.length > 0)
    detail = errors.map((i) => `${i.column ? `${i.column}: ` : ''}${issueText(i, t)}`).join(' / ');
  else {
    const parts: string[] = [];
    const changes = row.changes.filter((c) => !c.startsWith('steps.') && c !== 'customer');
    if (row.status === 'updated' && changes.length > 0)
      parts.push(t('import.table.changes', { fields: changes.map((c) => changeLabel(c, t)).join('、') }));
    if (row.stepsDone.length > 0)
      parts.push(
        t('import.table.steps', { steps: row.stepsDone.map((s) => t(`steps.kinds.${s}`)).join('、') }),
      );
    if (row.keptEdits.length > 0)
      parts.push(
        t('import.table.keptEdits', { fields: row.keptEdits.map((c) => changeLabel(c, t)).join('、') }),
      );
    if (row.status === 'unchanged' && parts.length === 0) parts.push(t('import.table.same'));
    parts.push(...warnings.map((i) => issueText(i, t)));
    detail = parts.join(' · ');
  }
  const where = showFile && row.file ? `${row.file}: ${allLines}` : allLines;
  return (
    <div
      className={grid.row}
      style={{ gridTemplateColumns: COLUMNS, height: PREVIEW_ROW_HEIGHT, transform: `translateY(${top}px)` }}
      role="row"
      aria-rowindex={index + 2}
      data-status={row.status}
      data-testid="import-preview-row"
    >
      <div className={grid.cell} role="gridcell">
        <span className={`${grid.pill} ${pillClass[row.status]}`}>
          {t(`import.preview.counts.${row.status}`)}
        </span>
      </div>
      <div className={`${grid.cell} ${grid.num}`} role="gridcell" title={where}>
        {line}
        {extra > 0 && <span className={grid.muted}> +{extra}</span>}
      </div>
      <div className={`${grid.cell} ${classes.orderId}`} role="gridcell" title={row.externalId ?? undefined}>
        {row.externalId ?? <span className={grid.muted}>—</span>}
      </div>
      <div className={`${grid.cell} ${grid.tabular}`} role="gridcell">
        {row.orderedAt ? formatTokyoDateTimeShort(row.orderedAt) : <span className={grid.muted}>—</span>}
      </div>
      <div className={grid.cell} role="gridcell" title={row.buyerName ?? undefined}>
        {row.buyerName ?? <span className={grid.muted}>{t('import.table.noBuyer')}</span>}
      </div>
      <div className={grid.cell} role="gridcell" title={row.itemSummary}>
        {row.itemSummary}
      </div>
      <div className={`${grid.cell} ${grid.num}`} role="gridcell">
        {row.total === null ? '' : formatYen(row.total)}
      </div>
      <div className={grid.cell} role="gridcell">
        {row.customer.action === 'new'
          ? t('import.table.customerNew')
          : row.customer.action === 'matched'
            ? t('import.table.customerMatched')
            : ''}
      </div>
      <div
        className={`${grid.cell} ${errors.length > 0 ? classes.errorText : grid.muted}`}
        role="gridcell"
        title={detail}
      >
        {detail}
      </div>
    </div>
  );
});
