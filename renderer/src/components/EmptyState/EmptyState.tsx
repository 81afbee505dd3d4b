import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  /** What the page will hold and what to do first, in one or two sentences. */
  description: ReactNode;
  /** The next steps the user can take from here. */
  actions?: ReactNode;
}

/** A page with nothing to show yet: says why and offers the first step, never a blank area. */
export function EmptyState({ icon, title, description, actions }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <MantineEmptyState
        icon={icon}
        variant="light"
        maw={640}
        mx="auto"
        py="md"
        styles={{ description: { lineHeight: 1.7 } }}
      >
        {/* A real heading, so the page outline and screen readers see what the state is about. */}
        <MantineEmptyState.Title order={2} fw={700}>
          {title}
        </MantineEmptyState.Title>
        <MantineEmptyState.Description>{description}</MantineEmptyState.Description>
        {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Paper>
  );
}
