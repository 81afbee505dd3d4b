import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: string;
  /** Buttons on the right, e.g. "add". */
  actions?: ReactNode;
}

/** The one heading a page has, so every screen starts the same way and screen readers find it. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="lg">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16, justifyContent: 'space-between' }}>
        <Title order={1} fz="h2">
          {title}
        </Title>
        {actions}
      </div>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
  );
}
