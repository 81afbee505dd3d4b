import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { z } from 'zod';
import {
  contract,
  methodNames,
  type EventMap,
  type EventName,
  type InputOf,
  type MethodName,
  type OutputOf,
} from '../../shared/contract';
import { fail, ok, TorihikiError, type FieldIssue, type Result } from '../../shared/result';
import { insertActivity } from './activity/service';
import { handlers, type Handler } from './api';
import { createBackupManager, type BackupManager } from './backups/manager';
import { withRecoveryHint } from './backups/recovery';
import { systemClock, type Clock, type Notify, type ServiceContext } from './context';
import type { Db } from './db/executor';
import { latestSchemaVersion, type Migration } from './db/migrations';
import { openDatabase } from './db/open';
import { createReminderEngine, type ReminderEngine } from './reminders/engine';
import { ensureSearchIndex } from './search/reindex';
import { readSetting, writeSetting } from './settings/store';

export interface BackendOptions {
  dbPath: string;
  clock?: Clock;
  notify?: Notify;
  /** Folder for automatic pre-migration copies (default: `backups` beside the database). */
  backupDir?: string;
  /** When false, opening a missing file fails instead of creating a database (default true). */
  createIfMissing?: boolean;
  /**
   * Run the reminder engine (default: when `notify` is given). The transport starts it with
   * `reminders.start()` once it can deliver; the CLI leaves it off so reading never writes.
   */
  reminders?: boolean;
  /** Tests only: a replacement migration list to exercise the runner. */
  migrations?: readonly Migration[];
  /**
   * The app (not the CLI): scheduled backups at start-up and on a timer, and the full integrity check
   * in the background once ready.
   */
  maintenance?: boolean;
  /** How often the backup schedule is checked (default 10 minutes). */
  maintenanceTickMs?: number;
}

export interface BackendEvents {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export interface Backend {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  /** Untyped entry for transports (IPC, WebSocket, CLI): the method name and input come from outside. */
  callUnknown(method: string, input: unknown): Promise<Result<unknown>>;
  events: BackendEvents;
  schemaVersion: number;
  preMigrationBackup: string | null;
  dbPath: string;
  close(): void;
  /** The reminder engine, when enabled (see BackendOptions.reminders). */
  readonly reminders: ReminderEngine | null;
  /** For CLI commands and benchmarks that work below the contract (backup, bulk seeding). */
  readonly db: Db;
  readonly backups: BackupManager;
}

const CURRENT_MEMBER_KEY = 'session.currentMemberId';

/**
 * The one backend: opens the database (checks, migrations), validates every call against the
 * contract, runs writes in one transaction with an activity-log entry, and answers Result values.
 * Never throws across its boundary once created; opening throws TorihikiError with a clear message.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const dbPath = path.resolve(options.dbPath);
  const openReady = async () => {
    const result = await openDatabase(dbPath, {
      now: () => clock.now(),
      backupDir: options.backupDir,
      createIfMissing: options.createIfMissing ?? true,
      migrations: options.migrations,
    });
    try {
      // The quick-lookup index is derived data: built on the first start after an upgrade, or when its rules changed.
      ensureSearchIndex(result.db, clock.now());
    } catch (e) {
      result.db.raw.close();
      throw e;
    }
    return result;
  };
  let opened: Awaited<ReturnType<typeof openReady>>;
  try {
    opened = await openReady();
  } catch (e) {
    throw withRecoveryHint(e, dbPath);
  }
  // `let`: a restore closes this database, swaps the file and opens it again (see swap below).
  let db = opened.db;
  const emitter = new EventEmitter();
  let closed = false;
  let swapping = false;
  let actorId: number | null = readSetting<number | null>(db, CURRENT_MEMBER_KEY, null);
  const reminders =
    (options.reminders ?? options.notify !== undefined)
      ? createReminderEngine({
          db: () => db,
          clock,
          currentMemberId: () => actorId,
          deliver(notifications) {
            for (const n of notifications) options.notify?.(n);
            emitter.emit('followups.notify', { notifications } satisfies EventMap['followups.notify']);
          },
          onStatus: (status) =>
            emitter.emit('followups.status', status satisfies EventMap['followups.status']),
        })
      : null;
  // Any write may make something due or not due (a promise, a reassignment, a member switch).
  const reevaluate = () => {
    if (!reminders?.started) return;
    try {
      reminders.evaluate('change');
    } catch (e) {
      console.error('[reminders] evaluation failed', e);
    }
  };

  const backups = createBackupManager({
    dbPath,
    clock,
    latestSchemaVersion: options.migrations
      ? options.migrations.reduce((max, m) => Math.max(max, m.version), 0)
      : latestSchemaVersion,
    db: () => db,
    checkAfterRestore: options.maintenance ?? false,
    // Calls arriving meanwhile are refused (not queued on a closed handle); every screen reloads afterwards.
    async swap(replace) {
      swapping = true;
      try {
        return await replace(
          () => {
            db.raw.pragma('wal_checkpoint(TRUNCATE)');
            db.raw.close();
          },
          async () => {
            const reopened = await openReady();
            db = reopened.db;
            actorId = readSetting<number | null>(db, CURRENT_MEMBER_KEY, null);
            return reopened.schemaVersion;
          },
        );
      } finally {
        swapping = false;
        const topics = [...new Set(methodNames.map((m) => m.split('.')[0]!))];
        emitter.emit('data.changed', { topics } satisfies EventMap['data.changed']);
      }
    },
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  if (options.maintenance) {
    // After the app is ready: a due backup first, then the slow full check in a worker thread.
    setTimeout(() => {
      if (closed) return;
      void backups.tick().then(() => (closed ? undefined : backups.checkHealth()));
    }, 0);
    timer = setInterval(() => void backups.tick(), options.maintenanceTickMs ?? 10 * 60_000);
    timer.unref?.();
  }

  const callUnknown = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (closed) return fail('internal', 'The backend is closed.');
    if (swapping) return fail('conflict', 'A backup is being restored; try again in a moment.');
    if (!Object.hasOwn(contract, method))
      return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    const name = method as MethodName;
    const spec = contract[name];
    // Transports drop an absent input; treat it as {} so input-less methods need no argument.
    const parsed = (spec.input as z.ZodType).safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues: FieldIssue[] = parsed.error.issues.slice(0, 50).map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      return fail(
        'invalid_input',
        `Invalid input for ${name}: ${issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`,
        issues,
      );
    }

    const topics = new Set<string>();
    const actorBefore = actorId;
    const ctx: ServiceContext = {
      db,
      clock,
      dbPath,
      actorId: () => actorId,
      setActor(memberId) {
        actorId = memberId;
        writeSetting(db, CURRENT_MEMBER_KEY, memberId);
      },
      log(entry) {
        insertActivity(db, clock.now().toISOString(), actorId ?? actorBefore, entry);
      },
      changed: (...t) => t.forEach((x) => topics.add(x)),
      emit: (event, payload) => emitter.emit(event, payload),
      backups,
    };
    const handler = handlers[name] as Handler<MethodName>;
    try {
      const value = spec.write
        ? db.tx(() => handler(ctx, parsed.data as never))
        : await handler(ctx, parsed.data as never);
      if (topics.size > 0)
        emitter.emit('data.changed', { topics: [...topics] } satisfies EventMap['data.changed']);
      if (actorId !== actorBefore)
        emitter.emit('session.changed', { memberId: actorId } satisfies EventMap['session.changed']);
      if (spec.write) reevaluate();
      return ok(value);
    } catch (e) {
      // A rolled-back write must not leave the in-memory actor pointing at the uncommitted choice.
      actorId = readSetting<number | null>(db, CURRENT_MEMBER_KEY, null);
      return toFailure(e);
    }
  };

  return {
    call: (method, input) => callUnknown(method, input) as never,
    callUnknown,
    events: {
      on(event, listener) {
        emitter.on(event, listener);
        return () => emitter.off(event, listener);
      },
    },
    schemaVersion: opened.schemaVersion,
    preMigrationBackup: opened.preMigrationBackup,
    dbPath,
    get db() {
      return db;
    },
    backups,
    reminders,
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      reminders?.stop();
      emitter.removeAllListeners();
      if (db.raw.open) db.raw.close();
    },
  };
}

function toFailure(e: unknown): Result<never> {
  if (e instanceof TorihikiError) return fail(e.code, e.message, e.issues);
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return fail('conflict', `The change conflicts with existing data (${code}).`);
  console.error('[backend] unexpected error', e);
  return fail('internal', 'An unexpected error occurred; nothing was changed.');
}

export { TorihikiError } from '../../shared/result';
export type { Clock, Notify, NotificationRequest } from './context';
