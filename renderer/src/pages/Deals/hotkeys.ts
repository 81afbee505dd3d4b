import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from 'react-router';

/** A dialog owns the keyboard while it is open; page shortcuts wait. */
export const dialogOpen = () => document.querySelector('[role="dialog"]') !== null;

/**
 * N opens the new-deal form from the ledger screens. Only the bare key: Ctrl/Cmd combinations
 * (Ctrl+K for search, Ctrl+N for a new window) are left alone, and typing in a field never triggers it.
 */
export function useNewDealHotkey(): void {
  const navigate = useNavigate();
  useHotkeys([
    [
      'n',
      () => {
        if (!dialogOpen()) void navigate('/deals/new');
      },
    ],
  ]);
}
