/** Pushes from the backend to every connected UI. Same shape over IPC and WebSocket. */
export interface EventMap {
  /** Something the UI may be showing changed; `topics` says which queries to refresh. */
  'data.changed': { topics: string[] };
  /** The member using the app changed (possibly from another window or a second screen). */
  'session.changed': { memberId: number | null };
  /** Desktop only: a notification was clicked; the UI opens this in-app route. */
  'app.navigate': { route: string };
}
export type EventName = keyof EventMap;
export const eventNames = [
  'data.changed',
  'session.changed',
  'app.navigate',
] as const satisfies readonly EventName[];
