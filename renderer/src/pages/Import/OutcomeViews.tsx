import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportCommitDto } from '../../../../shared/contract';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';
import { IssueLine } from './IssueList';
import { ReadOptionsForm } from './ReadOptionsForm';
import { formatBytes } from './read-files';
import type { ReadOptions, RejectedPreview } from './useImportFlow';

/** A file refused as a whole: every reason, and the reassurance that nothing was saved. */
export function RejectedView({
  preview,
  options,
  onReread,
}: {
  preview: RejectedPreview;
  options: ReadOptions;
  onReread: (options: ReadOptions) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" role="alert" data-testid="import-rejected">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconAlertTriangle
            size={28}
            color="var(--mantine-color-red-7)"
            aria-hidden
            style={{ flexShrink: 0 }}
          />
          <div>
            <Title order={2} fz="h3">
              {t('import.rejected.title')}
            </Title>
            <Text size="sm">{t('import.rejected.nothingWritten')}</Text>
          </div>
        </Group>
        <div>
          {preview.issues.map((issue, i) => (
            <IssueLine key={i} issue={issue} withFile />
          ))}
        </div>
        <Text size="sm" c="dimmed">
          {preview.files.map((f) => `${f.name} (${formatBytes(f.bytes)})`).join(t('separators.list'))}
        </Text>
        <ReadOptionsForm key={JSON.stringify(options)} options={options} onReread={onReread} />
      </Stack>
    </Paper>
  );
}

/** The batch as saved, with the way forward (the deals, another file) and back (undo in the history). */
export function CommittedView({
  result,
  onAnother,
  onHistory,
}: {
  result: ImportCommitDto;
  onAnother: () => void;
  onHistory: () => void;
}) {
  const { t } = useTranslation();
  const n = (v: number) => formatCount(v, currentLanguage());
  const nothing = result.batchId === null;
  return (
    <Alert
      color={nothing ? 'blue' : 'green'}
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('import.committed.title')}
      data-testid="import-committed"
    >
      <Stack gap="sm">
        {nothing ? (
          <Text size="sm">{t('import.committed.nothing')}</Text>
        ) : (
          <>
            <Text size="sm">
              {t('import.committed.body', {
                inserted: n(result.deals.inserted),
                updated: n(result.deals.updated),
                unchanged: n(result.deals.unchanged),
                customersInserted: n(result.customers.inserted),
                customersMatched: n(result.customers.matched),
              })}
            </Text>
            {result.customers.filled > 0 && (
              <Text size="sm" data-testid="import-committed-filled">
                {t('import.committed.filled', { n: n(result.customers.filled) })}
              </Text>
            )}
            {result.rowsSkipped > 0 && (
              <Text size="sm">{t('import.committed.skipped', { n: n(result.rowsSkipped) })}</Text>
            )}
            <Text size="sm" c="dimmed">
              {t('import.committed.undoHint')}{' '}
              <Button variant="transparent" size="compact-sm" p={0} onClick={onHistory}>
                {t('import.tabs.history')}
              </Button>
            </Text>
          </>
        )}
        <Group gap="sm">
          <Button component={Link} to="/deals">
            {t('import.committed.openDeals')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('import.committed.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
