import type { EventMap, EventName } from '../../shared/contract';
import type { BackupManager } from './backups/manager';
import type { Db } from './db/executor';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A desktop notification the backend wants shown; the transport decides how (Electron, Web, in-app). */
export interface NotificationRequest {
  key: string;
  title: string;
  body: string;
  /** Where a click should take the user, as an in-app route. */
  route: string;
}
export type Notify = (request: NotificationRequest) => void;

export interface ActivityEntry {
  action: string;
  subjectType?: string;
  subjectId?: number;
  detail?: Record<string, unknown>;
}

/** What every service function receives: the database, time, and who is acting. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  dbPath: string;
  /** The member using the app now, or null (first run, before anyone is chosen). */
  actorId(): number | null;
  setActor(memberId: number | null): void;
  /** Records who did what; inside a write it joins the command's transaction. */
  log(entry: ActivityEntry): void;
  /** Marks UI topics to refresh once the command commits. */
  changed(...topics: string[]): void;
  /** Pushes an event to every connected UI right away, mid-call (progress of long work). */
  emit?<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Backups, restore and the integrity check; absent in contexts built without a backend (unit tests). */
  backups?: BackupManager;
}
