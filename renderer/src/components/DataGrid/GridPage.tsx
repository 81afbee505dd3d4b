import { Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A list page: its grid fills the window below the header and filters and scrolls inside itself (never the page). */
export function GridPage({ children }: { children: ReactNode }) {
  return (
    <Stack
      gap="sm"
      style={{
        height: 'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))',
        minHeight: 520,
      }}
    >
      {children}
    </Stack>
  );
}

/** The line above a grid: how many rows match, a spinner while pages arrive, and the keyboard hint. */
export function GridSummary({
  count,
  hint,
  busy = false,
  testId,
}: {
  count: string;
  hint: string;
  busy?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" role="status" data-testid={testId}>
        {count}
      </Text>
      <Group gap="xs">
        {busy && <Loader size="xs" aria-label={t('app.loading')} />}
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Group>
    </Group>
  );
}
