import { Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/contract';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';
import { useApiClient } from '../../hooks/api-context';
import { issuePlace, issueText } from './issue-text';
import classes from './Import.module.css';

const PAGE = 100;

/** One problem: severity, where (file, line, column) and why, in the user's words. */
export function IssueLine({ issue, withFile }: { issue: ImportIssue; withFile: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={classes.issueRow} data-testid="import-issue">
      <Badge size="sm" variant="light" color={issue.severity === 'error' ? 'red' : 'yellow'}>
        {issue.severity === 'error' ? t('import.issues.error') : t('import.issues.warning')}
      </Badge>
      <span className={classes.issuePlace}>{issuePlace(issue, t, withFile)}</span>
      <span>{issueText(issue, t)}</span>
    </div>
  );
}

/**
 * Every problem of a preview in file and line order, a page at a time: a broken 100,000-row file can
 * have as many issues as rows, and the list must not bring them all at once.
 */
export function IssueList({
  previewId,
  total,
  withFile,
}: {
  previewId: string;
  total: number;
  withFile: boolean;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const pages = useInfiniteQuery({
    queryKey: ['import-preview-issues', previewId],
    queryFn: ({ pageParam }) => client.call('imports.issues', { previewId, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.issues.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    staleTime: Infinity,
    retry: false,
  });
  if (total === 0) return null;
  const issues = pages.data?.pages.flatMap((p) => p.issues) ?? [];
  const left = (pages.data?.pages[0]?.total ?? total) - issues.length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('import.issues.title')}{' '}
          <Text span c="dimmed" fz="sm">
            ({formatCount(total, currentLanguage())})
          </Text>
        </Title>
        <div className={classes.issues} data-testid="import-issues">
          {issues.map((issue, i) => (
            <IssueLine key={i} issue={issue} withFile={withFile} />
          ))}
        </div>
        {pages.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('import.issues.more', { n: formatCount(left, currentLanguage()) })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
