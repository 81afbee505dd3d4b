import type { FollowupStatusDto, NotificationDto } from './followups';

/** Pushes from the backend to every connected UI. Same shape over IPC and WebSocket. */
export interface EventMap {
  /** Something the UI may be showing changed; `topics` says which queries to refresh. */
  'data.changed': { topics: string[] };
  /** The member using the app changed (possibly from another window or a second screen). */
  'session.changed': { memberId: number | null };
  /** Desktop only: a notification was clicked; the UI opens this in-app route. */
  'app.navigate': { route: string };
  /**
   * Progress of a long import call that was given `progressToken` (imports.preview, imports.commit), at
   * most ~10 a second: `read` counts lines of the files read, `plan` and `commit` count deals.
   */
  'imports.progress': { token: string; phase: 'read' | 'plan' | 'commit'; done: number; total: number };
  /** The reminder engine decided to show these (already recorded, never repeated). */
  'followups.notify': { notifications: NotificationDto[] };
  /** The current member's due count and overdue promises changed (tray badge, header banner). */
  'followups.status': FollowupStatusDto;
}
export type EventName = keyof EventMap;
export const eventNames = [
  'data.changed',
  'session.changed',
  'app.navigate',
  'imports.progress',
  'followups.notify',
  'followups.status',
] as const satisfies readonly EventName[];
