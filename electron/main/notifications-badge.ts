import type { EventMap } from '../../shared/contract';

/**
 * The tray badge follows the backend's `followups.status` event: the number of follow-ups due for the
 * member using the app. Anything else (or a malformed payload from a confused backend) leaves it alone.
 */
export function dueCountOf(event: string, payload: unknown): number | null {
  if (event !== 'followups.status' || typeof payload !== 'object' || payload === null) return null;
  const due = (payload as Partial<EventMap['followups.status']>).due;
  return typeof due === 'number' && Number.isFinite(due) && due >= 0 ? Math.floor(due) : null;
}
