import { eventNames, type EventName } from '../../shared/contract';
import { errorCodes, type AppError, type Result } from '../../shared/result';
import type { NotificationRequest } from '../backend/context';

/**
 * Messages between main and the backend utility process. Both sides parse what they receive:
 * a message that does not fit is dropped (or, for a reply, turned into an error Result) so a
 * confused peer can never crash the other side or resolve the wrong call.
 */
export type MainToBackend =
  | { type: 'open'; dbPath: string }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** The computer woke up (or was unlocked): reminders that came due while it slept are due now. */
  | { type: 'wake' }
  | { type: 'close' };

export type BackendToMain =
  | { type: 'ready'; schemaVersion: number; preMigrationBackup: string | null }
  | { type: 'open-failed'; error: AppError }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'notify'; request: NotificationRequest };

/** What main makes of a message from the backend; `bad-reply` still names the call to settle. */
export type ParsedBackendMessage = BackendToMain | { type: 'bad-reply'; id: number };

const MAX_METHOD_LENGTH = 100;
const MAX_MESSAGE_LENGTH = 4000;
const MAX_NOTIFICATION_FIELD = 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCallId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export function toAppError(value: unknown): AppError | null {
  if (!isRecord(value)) return null;
  const { code, message } = value;
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code)) return null;
  if (typeof message !== 'string') return null;
  const error: AppError = { code: code as AppError['code'], message: message.slice(0, MAX_MESSAGE_LENGTH) };
  const issues = toIssues(value.issues);
  return issues ? { ...error, issues } : error;
}

const MAX_ISSUES = 20;

/**
 * Field issues, kept when every one is a short path and message (an open failure names the latest good
 * backup in one, which start-up recovery offers); anything else is dropped, not trusted.
 */
function toIssues(value: unknown): AppError['issues'] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ISSUES) return undefined;
  const issues: NonNullable<AppError['issues']> = [];
  for (const issue of value) {
    if (!isRecord(issue)) return undefined;
    if (!isShortString(issue.path, MAX_METHOD_LENGTH) || !isShortString(issue.message, MAX_MESSAGE_LENGTH))
      return undefined;
    issues.push({ path: issue.path, message: issue.message });
  }
  return issues;
}

export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && toAppError(value.error) !== null;
}

function parseNotification(value: unknown): NotificationRequest | null {
  if (!isRecord(value)) return null;
  const { key, title, body, route } = value;
  if (
    !isShortString(key, MAX_NOTIFICATION_FIELD) ||
    !isShortString(title, MAX_NOTIFICATION_FIELD) ||
    !isShortString(body, MAX_NOTIFICATION_FIELD) ||
    !isShortString(route, MAX_NOTIFICATION_FIELD)
  )
    return null;
  return { key, title, body, route };
}

export function parseBackendMessage(raw: unknown): ParsedBackendMessage | null {
  if (!isRecord(raw)) return null;
  switch (raw.type) {
    case 'ready':
      if (!Number.isSafeInteger(raw.schemaVersion)) return null;
      if (raw.preMigrationBackup !== null && typeof raw.preMigrationBackup !== 'string') return null;
      return {
        type: 'ready',
        schemaVersion: raw.schemaVersion as number,
        preMigrationBackup: raw.preMigrationBackup,
      };
    case 'open-failed':
      return {
        type: 'open-failed',
        error: toAppError(raw.error) ?? {
          code: 'internal',
          message: 'The backend could not open the database.',
        },
      };
    case 'reply':
      if (!isCallId(raw.id)) return null;
      return isResult(raw.result)
        ? { type: 'reply', id: raw.id, result: raw.result }
        : { type: 'bad-reply', id: raw.id };
    case 'event':
      if (typeof raw.event !== 'string' || !(eventNames as readonly string[]).includes(raw.event))
        return null;
      return { type: 'event', event: raw.event as EventName, payload: raw.payload };
    case 'notify': {
      const request = parseNotification(raw.request);
      return request ? { type: 'notify', request } : null;
    }
    default:
      return null;
  }
}

export function parseMainMessage(raw: unknown): MainToBackend | null {
  if (!isRecord(raw)) return null;
  switch (raw.type) {
    case 'open':
      return typeof raw.dbPath === 'string' && raw.dbPath.length > 0
        ? { type: 'open', dbPath: raw.dbPath }
        : null;
    case 'call':
      if (!isCallId(raw.id) || !isShortString(raw.method, MAX_METHOD_LENGTH)) return null;
      return { type: 'call', id: raw.id, method: raw.method, input: raw.input };
    case 'wake':
      return { type: 'wake' };
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}
