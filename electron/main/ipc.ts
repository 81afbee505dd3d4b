import { methodNames } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import { describeFrame, isTrustedSender } from './security/ipc-sender';

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export interface CallEventLike {
  readonly senderFrame: { url: string; parent: unknown } | null;
}

export interface CallHandlerOptions {
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
  trustedOrigins: readonly string[];
  log?: (message: string) => void;
}

const knownMethods: ReadonlySet<string> = new Set(methodNames);

/**
 * The IPC_CALL_CHANNEL handler: checks who is asking before anything reaches the backend, and
 * always answers a Result so nothing throws into the renderer.
 */
export function createCallHandler(
  options: CallHandlerOptions,
): (event: CallEventLike, method: unknown, input: unknown) => Promise<Result<unknown>> {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, method, input) => {
    let frame: CallEventLike['senderFrame'];
    try {
      frame = event.senderFrame;
    } catch {
      // Electron may throw instead of returning null when the frame is already gone.
      frame = null;
    }
    const sender = describeFrame(frame);
    if (!isTrustedSender(sender, options.trustedOrigins)) {
      log(`[security] refused an IPC call from ${sender ? sender.url.slice(0, 200) : 'an unknown frame'}`);
      return fail('forbidden', 'This page may not use Torihiki.');
    }
    if (typeof method !== 'string' || !knownMethods.has(method)) {
      return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    return options.call(method, input);
  };
}
