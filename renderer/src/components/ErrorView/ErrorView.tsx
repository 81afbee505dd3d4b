import { Button, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, technicalDetails } from '../../i18n/errors';

interface ErrorViewProps {
  error: unknown;
  title?: string;
  /** A sentence above the error itself, e.g. "only this screen failed". */
  lead?: string;
  onRetry?: () => void;
  /** Offer a full reload (for crashes the app cannot recover from in place). */
  withReload?: boolean;
  extraActions?: ReactNode;
}

/** What the user sees instead of a blank screen: what happened, what to do, and details for support. */
export function ErrorView({ error, title, lead, onRetry, withReload, extraActions }: ErrorViewProps) {
  const { t } = useTranslation();
  const [showDetails, setShowDetails] = useState(false);
  return (
    <Paper withBorder p="xl" radius="md" role="alert" maw={720} mx="auto" my="xl">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="red" variant="light" size="xl" radius="xl">
            <IconAlertTriangle aria-hidden />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} fz="h3">
              {title ?? t('errors.title')}
            </Title>
            {lead && <Text>{lead}</Text>}
            <Text>{describeError(error, t)}</Text>
          </Stack>
        </Group>
        <Group gap="sm">
          {onRetry && <Button onClick={onRetry}>{t('errors.retry')}</Button>}
          {withReload && <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>}
          {extraActions}
          <Button variant="subtle" color="gray" onClick={() => setShowDetails((v) => !v)}>
            {t('errors.details')}
          </Button>
        </Group>
        {showDetails && (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {technicalDetails(error)}
          </Code>
        )}
      </Stack>
    </Paper>
  );
}
