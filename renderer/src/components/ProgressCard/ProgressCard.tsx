import { Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A card for long work (an import, an export): what is happening, how far it is as a figure and a bar, and
 * a line below. With `percent` null the amount is not known yet and the bar moves without a number.
 */
export function ProgressCard({
  label,
  figure,
  percent,
  barLabel,
  testId,
  children,
}: {
  label: string;
  figure: string;
  percent: number | null;
  /** The bar's accessible name. */
  barLabel: string;
  testId: string;
  children?: ReactNode;
}) {
  const known = percent !== null;
  return (
    <Paper withBorder p="lg" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Loader size="xs" aria-hidden />
            <Text fw={600}>{label}</Text>
          </Group>
          <Text size="sm" c="dimmed" className="tabular">
            {figure}
          </Text>
        </Group>
        <Progress
          value={known ? percent : 100}
          animated={!known}
          striped={!known}
          size="lg"
          aria-label={barLabel}
          aria-valuetext={known ? `${percent}%` : label}
        />
        {children}
      </Stack>
    </Paper>
  );
}
