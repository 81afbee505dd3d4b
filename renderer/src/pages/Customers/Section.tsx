import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** A line under the title saying what the section is for. */
  help?: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One bordered block of the customer page, with a real heading for the page outline. */
export function Section({ title, help, actions, children, testId }: SectionProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="h4">
            {title}
          </Title>
          {help && (
            <Text size="xs" c="dimmed" mt={2}>
              {help}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
