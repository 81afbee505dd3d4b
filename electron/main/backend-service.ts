import { eventNames } from '../../shared/contract';
import { fail, TorihikiError, type AppError } from '../../shared/result';
import type { Backend, BackendOptions } from '../backend';
import { parseMainMessage, type BackendToMain } from './backend-messages';

/** The utility-process side of process.parentPort, reduced to what the service uses. */
export interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: BackendToMain): void;
}

export interface BackendServiceDeps {
  createBackend: (options: BackendOptions) => Promise<Backend>;
  exit: (code: number) => void;
}

function startReminders(backend: Backend): void {
  try {
    backend.reminders?.start();
  } catch (e) {
    // Reminders failing must not take the ledger down; the safety tick is not running either, so say so.
    console.error('[backend] reminders could not start', e);
  }
}

/** After sleep: re-evaluate at once rather than wait for the safety tick to notice the gap. */
function wakeReminders(backend: Backend): void {
  if (!backend.reminders?.started) return;
  try {
    backend.reminders.evaluate('resume');
  } catch (e) {
    console.error('[backend] reminders could not re-evaluate after wake-up', e);
  }
}

function describeOpenError(e: unknown): AppError {
  if (e instanceof TorihikiError) {
    // Issues travel too: a damaged database's names the latest good backup for start-up recovery.
    return e.issues
      ? { code: e.code, message: e.message, issues: e.issues }
      : { code: e.code, message: e.message };
  }
  return { code: 'internal', message: `Cannot open the database: ${(e as Error)?.message ?? String(e)}` };
}

/**
 * Runs inside the backend utility process: opens the database when main says so, answers calls
 * by id, and forwards events and notification requests. Calls that arrive while the database is
 * still opening wait for it, so main never has to queue.
 */
export function serveBackend(port: ParentPortLike, deps: BackendServiceDeps): void {
  let opening: Promise<{ backend: Backend } | { error: AppError }> | null = null;
  // Close waits for these, so a call that was sent before "close" is answered before the database shuts.
  const inFlight = new Set<Promise<void>>();

  let closing = false;

  const post = (message: BackendToMain) => {
    try {
      port.postMessage(message);
      return;
    } catch (e) {
      console.error('[backend] could not post', message.type, e);
    }
    // Only a reply can carry something uncloneable; tell main rather than leave the call hanging.
    if (message.type !== 'reply') return;
    try {
      port.postMessage({
        type: 'reply',
        id: message.id,
        result: fail('internal', 'The answer could not be sent to the window.'),
      });
    } catch {
      // The port itself is gone; main will see the process exit and settle the call.
    }
  };

  const open = (dbPath: string) => {
    opening = deps
      .createBackend({
        dbPath,
        notify: (request) => post({ type: 'notify', request }),
        maintenance: true,
      })
      .then(
        (backend) => {
          for (const event of eventNames) {
            backend.events.on(event, (payload) => post({ type: 'event', event, payload }));
          }
          post({
            type: 'ready',
            schemaVersion: backend.schemaVersion,
            preMigrationBackup: backend.preMigrationBackup,
          });
          // Main listens from here on: the start-up evaluation (and its catch-up summary) reaches it.
          startReminders(backend);
          return { backend };
        },
        (e: unknown) => {
          const error = describeOpenError(e);
          post({ type: 'open-failed', error });
          return { error };
        },
      );
  };

  const answer = async (id: number, method: string, input: unknown) => {
    if (closing) {
      post({ type: 'reply', id, result: fail('internal', 'Torihiki is shutting down.') });
      return;
    }
    if (!opening) {
      post({ type: 'reply', id, result: fail('internal', 'The database is not open yet.') });
      return;
    }
    const opened = await opening;
    if ('error' in opened) {
      post({ type: 'reply', id, result: fail(opened.error.code, opened.error.message) });
      return;
    }
    let result;
    try {
      result = await opened.backend.callUnknown(method, input);
    } catch (e) {
      // callUnknown promises never to throw; if it ever does, the caller still gets an answer.
      console.error('[backend] call threw', method, e);
      result = fail('internal', 'An unexpected error occurred; nothing was changed.');
    }
    post({ type: 'reply', id, result });
  };

  const close = async () => {
    if (closing) return;
    closing = true;
    const opened = opening ? await opening : null;
    await Promise.allSettled([...inFlight]);
    if (opened && 'backend' in opened) {
      try {
        opened.backend.close();
      } catch (e) {
        console.error('[backend] close failed', e);
      }
    }
    deps.exit(0);
  };

  port.on('message', (messageEvent) => {
    const message = parseMainMessage(messageEvent?.data);
    if (!message) return;
    switch (message.type) {
      case 'open':
        if (!opening) open(message.dbPath);
        return;
      case 'call': {
        const call = answer(message.id, message.method, message.input);
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call));
        return;
      }
      case 'wake':
        // Before the database is open there is nothing to do: opening runs the start-up evaluation.
        if (!closing) void opening?.then((opened) => 'backend' in opened && wakeReminders(opened.backend));
        return;
      case 'close':
        void close();
        return;
    }
  });
}
