import type { EventName } from '../../shared/contract';
import { fail, ok, type AppError, type Result } from '../../shared/result';
import type { NotificationRequest } from '../backend/context';
import { parseBackendMessage, type MainToBackend, type ParsedBackendMessage } from './backend-messages';

/** A running backend process as the bridge sees it; app.ts adapts Electron's UtilityProcess to it. */
export interface BackendChild {
  postMessage(message: MainToBackend): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface BackendInfo {
  schemaVersion: number;
  preMigrationBackup: string | null;
}

export interface BackendBridgeOptions {
  spawn: () => BackendChild;
  dbPath: string;
  onEvent: (event: EventName, payload: unknown) => void;
  onNotify: (request: NotificationRequest) => void;
  /**
   * The backend died and could not be brought back (it keeps crashing, or the database no longer
   * opens). Main tells the user and quits. Not called for the first start: start() reports that.
   */
  onFatal: (error: AppError) => void;
  /** Crashes tolerated within `windowMs` before giving up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  restartDelayMs?: number;
  stopTimeoutMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

export type BridgeState = 'idle' | 'starting' | 'ready' | 'restarting' | 'stopping' | 'stopped' | 'failed';

export interface BackendBridge {
  /** Spawns the backend and opens the database; resolves once it is ready or has refused. */
  start(): Promise<Result<BackendInfo>>;
  /** Forwards one contract call. Always resolves with a Result, whatever happens to the process. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Tells a running backend the computer woke up, so reminders are re-evaluated now. Dropped when no
   * backend is ready: a (re)starting one evaluates on opening anyway.
   */
  wake(): void;
  /** Closes the database cleanly and ends the process (killing it if it does not exit in time). */
  stop(): Promise<void>;
  readonly state: BridgeState;
}

const LOST_CALL_MESSAGE =
  'The backend stopped while handling this request. Check whether the change was saved, then try again.';

/**
 * Correlates renderer calls with backend replies by id, and keeps the backend alive: a crash
 * settles every pending call with an error Result, then the process is restarted a limited
 * number of times. Knows nothing about Electron, so it is tested with a fake child.
 */
export function createBackendBridge(options: BackendBridgeOptions): BackendBridge {
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const restartDelayMs = options.restartDelayMs ?? 500;
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.warn(message));

  let state: BridgeState = 'idle';
  let child: BackendChild | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  // Calls made while no process is running (between a crash and the restart) wait here.
  let outbox: Extract<MainToBackend, { type: 'call' }>[] = [];
  const crashes: number[] = [];
  let firstStart: ((result: Result<BackendInfo>) => void) | null = null;
  let stopped: (() => void) | null = null;
  let stopPromise: Promise<void> | null = null;

  const settleAll = (result: Result<unknown>) => {
    const waiting = [...pending.values()];
    pending.clear();
    outbox = [];
    for (const resolve of waiting) resolve(result);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result);
  };

  const send = (target: BackendChild, message: MainToBackend): boolean => {
    try {
      target.postMessage(message);
      return true;
    } catch (e) {
      log(`[backend-bridge] could not post ${message.type}: ${(e as Error).message}`);
      return false;
    }
  };

  const giveUp = (error: AppError) => {
    state = 'failed';
    settleAll(fail(error.code, error.message));
    if (firstStart) {
      // With its issues: an open failure names the latest good backup there (start-up recovery offers it).
      firstStart({ ok: false, error });
      firstStart = null;
    } else {
      options.onFatal(error);
    }
  };

  const handleMessage = (from: BackendChild, raw: unknown) => {
    if (from !== child) return;
    const message: ParsedBackendMessage | null = parseBackendMessage(raw);
    if (!message) {
      log('[backend-bridge] ignored a malformed message from the backend');
      return;
    }
    switch (message.type) {
      case 'ready':
        if (state !== 'starting' && state !== 'restarting') return;
        state = 'ready';
        firstStart?.(
          ok({ schemaVersion: message.schemaVersion, preMigrationBackup: message.preMigrationBackup }),
        );
        firstStart = null;
        return;
      case 'open-failed':
        if (state !== 'starting' && state !== 'restarting') return;
        // The database refused to open: restarting cannot help, and nothing may be touched.
        giveUp(message.error);
        return;
      case 'reply':
      case 'bad-reply': {
        const resolve = pending.get(message.id);
        if (!resolve) return;
        pending.delete(message.id);
        resolve(
          message.type === 'reply'
            ? message.result
            : fail('internal', 'The backend sent a malformed answer.'),
        );
        return;
      }
      case 'event':
        options.onEvent(message.event, message.payload);
        return;
      case 'notify':
        options.onNotify(message.request);
        return;
    }
  };

  const handleExit = (from: BackendChild, code: number) => {
    if (from !== child) return;
    child = null;
    if (state === 'stopping' || state === 'stopped') {
      state = 'stopped';
      settleAll(fail('internal', 'Torihiki is shutting down.'));
      stopped?.();
      return;
    }
    if (state === 'failed') return;
    log(`[backend-bridge] the backend process exited with code ${code}`);
    settleAll(fail('disconnected', LOST_CALL_MESSAGE));
    const at = now();
    crashes.push(at);
    while (crashes.length > 0 && at - (crashes[0] as number) > restartWindowMs) crashes.shift();
    if (firstStart || crashes.length > maxRestarts) {
      giveUp({
        code: 'internal',
        message: firstStart
          ? `The backend process exited (code ${code}) before the database was opened.`
          : `The backend process keeps stopping (code ${code}); Torihiki cannot continue.`,
      });
      return;
    }
    state = 'restarting';
    setTimeout(() => {
      if (state === 'restarting') launch();
    }, restartDelayMs);
  };

  const launch = () => {
    let spawned: BackendChild;
    try {
      spawned = options.spawn();
    } catch (e) {
      giveUp({ code: 'internal', message: `Cannot start the backend process: ${(e as Error).message}` });
      return;
    }
    child = spawned;
    spawned.onMessage((raw) => handleMessage(spawned, raw));
    spawned.onExit((code) => handleExit(spawned, code));
    send(spawned, { type: 'open', dbPath: options.dbPath });
    const queued = outbox;
    outbox = [];
    for (const message of queued) {
      if (!send(spawned, message)) settle(message.id, fail('internal', LOST_CALL_MESSAGE));
    }
  };

  return {
    get state() {
      return state;
    },

    start() {
      if (state !== 'idle') return Promise.resolve(fail('internal', 'The backend was already started.'));
      state = 'starting';
      return new Promise<Result<BackendInfo>>((resolve) => {
        firstStart = resolve;
        launch();
      });
    },

    call(method, input) {
      if (state === 'idle' || state === 'failed' || state === 'stopping' || state === 'stopped') {
        return Promise.resolve(fail('internal', 'The backend is not running.'));
      }
      const id = nextId++;
      const message = { type: 'call', id, method, input } as const;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        if (!child) {
          outbox.push(message);
        } else if (!send(child, message)) {
          // Usually an input the structured clone cannot copy (a function, a DOM object...).
          settle(id, fail('invalid_input', 'The request could not be sent to the backend.'));
        }
      });
    },

    wake() {
      if (state === 'ready' && child) send(child, { type: 'wake' });
    },

    stop() {
      if (stopPromise) return stopPromise;
      const running = child;
      state = 'stopping';
      if (!running) {
        state = 'stopped';
        settleAll(fail('internal', 'Torihiki is shutting down.'));
        stopPromise = Promise.resolve();
        return stopPromise;
      }
      stopPromise = new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          stopped = null;
          resolve();
        };
        // Quitting must not hang on a stuck process: past the deadline it is ended, not waited for.
        const forceStop = () => {
          if (child === running) child = null;
          running.kill();
          state = 'stopped';
          settleAll(fail('internal', 'Torihiki is shutting down.'));
          finish();
        };
        const timer = setTimeout(() => {
          log('[backend-bridge] the backend did not close in time; ending it');
          forceStop();
        }, stopTimeoutMs);
        stopped = finish;
        if (!send(running, { type: 'close' })) forceStop();
      });
      return stopPromise;
    },
  };
}
