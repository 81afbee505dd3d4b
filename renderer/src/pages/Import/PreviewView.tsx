import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importRowStatuses, type ImportRowStatus } from '../../../../shared/contract';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount } from '../../i18n/format';
import { failureText } from './failure-text';
import { IssueList } from './IssueList';
import { PREVIEW_HEADER_HEIGHT, PREVIEW_ROW_HEIGHT, PreviewTable } from './PreviewTable';
import { encodingNames, ReadOptionsForm } from './ReadOptionsForm';
import { formatBytes } from './read-files';
import { usePreviewRows } from './usePreviewRows';
import type { ReadOptions, ReadyPreview } from './useImportFlow';
import classes from './Import.module.css';

interface PreviewViewProps {
  preview: ReadyPreview;
  options: ReadOptions;
  committing: boolean;
  commitError: unknown;
  onCommit: (skipInvalid: boolean) => void;
  onCancel: () => void;
  onReread: (options: ReadOptions) => void;
  /** Offered when the file was read with a column mapping. */
  onEditMapping: (() => void) | null;
}

/** The dry run: what the file is, what would happen to each order and customer, then save or cancel. */
export function PreviewView(props: PreviewViewProps) {
  const { preview, options, committing } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (v: number) => formatCount(v, language);
  const [skipInvalid, setSkipInvalid] = useState(false);

  const { deals } = preview;
  const toSave = deals.new + deals.updated;
  const hasErrors = preview.invalidRows > 0;
  const nothingNew = toSave === 0;
  const canCommit = !nothingNew && (!hasErrors || skipInvalid) && !committing;
  const format = preview.format;
  const sourceText =
    format.source === 'saved_mapping'
      ? t('import.preview.source.saved_mapping', { name: format.mappingName ?? '' })
      : t(`import.preview.source.${format.source}`);

  return (
    <Stack gap="md" data-testid="import-preview">
      <div>
        <Title order={2} fz="h3">
          {t('import.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.preview.notYet')}
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed" w={90}>
              {t('import.preview.format')}
            </Text>
            <MarketplaceBadge marketplace={format.marketplace} />
            <Text fw={700} data-testid="import-format">
              {format.mappingName && format.source !== 'saved_mapping'
                ? t('separators.named', { text: format.name[language], name: format.mappingName })
                : format.name[language]}
            </Text>
            <Text
              size="sm"
              c={format.source === 'saved_mapping' ? 'indigo' : 'dimmed'}
              data-testid="import-source"
            >
              {sourceText}
            </Text>
            {props.onEditMapping && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={props.onEditMapping}
              >
                {t('import.preview.editMapping')}
              </Button>
            )}
          </Group>
          {preview.files.map((f) => (
            <Group key={f.name} gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                {t('import.preview.files')}
              </Text>
              <Text size="sm" fw={600} truncate="end" title={f.name} style={{ minWidth: 0 }}>
                {f.name}
              </Text>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }} data-testid="import-file-info">
                {[
                  f.encoding ? encodingNames[f.encoding] : null,
                  f.delimiter ? t(`import.preview.delimiter.${f.delimiter}`) : null,
                  t('import.preview.fileRows', { n: n(f.rows) }),
                  formatBytes(f.bytes),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          ))}
          <ReadOptionsForm
            key={JSON.stringify(options)}
            options={options}
            onReread={props.onReread}
            busy={committing}
          />
        </Stack>
      </Paper>

      <Group gap="sm" wrap="wrap" align="stretch" data-testid="import-counts">
        {importRowStatuses.map((s) => (
          <div key={s} className={classes.stat} data-status={s}>
            <span className={classes.statLabel}>{t(`import.preview.counts.${s}`)}</span>
            <span
              className={classes.statValue}
              style={s === 'error' && deals.error > 0 ? { color: 'var(--mantine-color-red-7)' } : undefined}
            >
              {n(deals[s])}
            </span>
          </div>
        ))}
        <Stack gap={2} justify="center" style={{ flex: 1, minWidth: 240 }}>
          <Text size="sm">
            {t('import.preview.rows', {
              rows: n(preview.rows),
              deals: n(deals.new + deals.updated + deals.unchanged + deals.error),
            })}
          </Text>
          <Text size="sm" data-testid="import-customers" title={t('import.preview.customersHint')}>
            {t('import.preview.customers', {
              inserted: n(preview.customers.inserted),
              matched: n(preview.customers.matched),
            })}
          </Text>
          {preview.customers.filled > 0 && (
            <Text
              size="sm"
              data-testid="import-customers-filled"
              title={t('import.preview.customersFilledHint')}
            >
              {t('import.preview.customersFilled', { n: n(preview.customers.filled) })}
            </Text>
          )}
          {preview.issueCounts.warnings > 0 && (
            <Text size="sm" c="yellow.9">
              {t('import.preview.warnings', { n: n(preview.issueCounts.warnings) })}
            </Text>
          )}
        </Stack>
      </Group>

      {hasErrors && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          data-testid="import-errors-alert"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('import.preview.errors', {
                rows: n(preview.invalidRows),
                errors: n(preview.issueCounts.errors),
              })}
            </Text>
            {!nothingNew && (
              <Checkbox
                label={t('import.preview.skipInvalid')}
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
              />
            )}
          </Stack>
        </Alert>
      )}
      {nothingNew && !hasErrors && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          data-testid="import-nothing-new"
        >
          {t('import.preview.allKnown')}
        </Alert>
      )}
      {props.commitError !== null && props.commitError !== undefined && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('import.preview.commitFailed')} {failureText(props.commitError, t)}
            </Text>
            <Button size="xs" variant="default" onClick={() => props.onReread(options)}>
              {t('import.preview.again')}
            </Button>
          </Stack>
        </Alert>
      )}

      <Group gap="sm">
        {!nothingNew && (
          <Button
            leftSection={<IconCheck size={18} aria-hidden />}
            disabled={!canCommit}
            loading={committing}
            onClick={() => props.onCommit(hasErrors && skipInvalid)}
          >
            {t('import.preview.commit', { n: n(toSave) })}
          </Button>
        )}
        <Button variant={nothingNew ? 'filled' : 'default'} onClick={props.onCancel} disabled={committing}>
          {nothingNew ? t('import.preview.close') : t('import.preview.cancel')}
        </Button>
      </Group>

      <IssueList
        previewId={preview.previewId}
        total={preview.issueCounts.errors + preview.issueCounts.warnings}
        withFile={preview.files.length > 1}
      />

      <PreviewRows preview={preview} />
    </Stack>
  );
}

/**
 * The filter and the row grid on their own: scrolling changes the visible range many times a second,
 * and only this part (not the summary with its selects) should render again for it.
 */
function PreviewRows({ preview }: { preview: ReadyPreview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { deals } = preview;
  const [filter, setFilter] = useState<ImportRowStatus | 'all'>('all');
  const [visible, setVisible] = useState({ start: 0, end: 30 });
  const onVisibleRange = useCallback((start: number, end: number) => setVisible({ start, end }), []);
  const rows = usePreviewRows(preview, filter === 'all' ? null : filter, visible);
  // Built once per filter: the grid above it renders on every scroll step, the control need not.
  const filterControl = useMemo(
    () => (
      <SegmentedControl
        aria-label={t('import.table.filter')}
        value={filter}
        onChange={(v) => setFilter(v as ImportRowStatus | 'all')}
        data={[
          {
            value: 'all',
            label: `${t('import.table.all')} ${formatCount(deals.new + deals.updated + deals.unchanged + deals.error, language)}`,
          },
          ...importRowStatuses.map((s) => ({
            value: s,
            label: `${t(`import.preview.counts.${s}`)} ${formatCount(deals[s], language)}`,
          })),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
    ),
    [filter, deals, language, t],
  );
  return (
    <Stack gap="xs">
      {filterControl}
      {rows.error ? (
        <Alert color="red" variant="light">
          {describeError(rows.error, t)}
        </Alert>
      ) : (
        <div
          style={{
            // A short file gets a short grid; a long one fills the window and scrolls inside.
            height: `min(${Math.max(rows.total, 3) * PREVIEW_ROW_HEIGHT + PREVIEW_HEADER_HEIGHT + 4}px, max(320px, calc(100dvh - 300px)))`,
            display: 'flex',
          }}
        >
          <PreviewTable
            key={filter}
            total={rows.total}
            rowAt={rows.rowAt}
            showFile={preview.files.length > 1}
            onVisibleRange={onVisibleRange}
          />
        </div>
      )}
    </Stack>
  );
}
