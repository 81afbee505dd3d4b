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

/** Whether an IPC request comes from our own top-level page; logs a refusal of `what`. */
function fromTrustedFrame(
  event: CallEventLike,
  trustedOrigins: readonly string[],
  log: (message: string) => void,
  what: string,
): boolean {
  let frame: CallEventLike['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    // Electron may throw instead of returning null when the frame is already gone.
    frame = null;
  }
  const sender = describeFrame(frame);
  if (isTrustedSender(sender, trustedOrigins)) return true;
  log(`[security] refused ${what} from ${sender ? sender.url.slice(0, 200) : 'an unknown frame'}`);
  return false;
}

/**
 * The IPC_CALL_CHANNEL handler: checks who is asking before anything reaches the backend, and
 * always answers a Result so nothing throws into the renderer.
 */
export function createCallHandler(
  options: CallHandlerOptions,
): (event: CallEventLike, method: unknown, input: unknown) => Promise<Result<unknown>> {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, method, input) => {
    if (!fromTrustedFrame(event, options.trustedOrigins, log, 'an IPC call')) {
      return fail('forbidden', 'This page may not use Torihiki.');
    }
    if (typeof method !== 'string' || !knownMethods.has(method)) {
      return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    return options.call(method, input);
  };
}

/** The part of Electron's OpenDialogOptions the folder picker sets. */
export interface FolderDialogOptions {
  properties: ('openDirectory' | 'createDirectory')[];
  defaultPath?: string;
  title?: string;
}

export interface ChooseFolderHandlerOptions {
  /** dialog.showOpenDialog, bound to the main window. */
  showOpenDialog: (options: FolderDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;
  trustedOrigins: readonly string[];
  log?: (message: string) => void;
}

/** Longer than any real folder path; a longer string is not a path worth handing to the dialog. */
const MAX_DIALOG_TEXT = 4096;

const dialogText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= max && !value.includes('\0')
    ? value
    : undefined;

/**
 * The IPC_CHOOSE_FOLDER_CHANNEL handler: the native folder picker for our own main frame only. It answers the
 * chosen path or null (cancelled, refused, or the dialog failed), never throws into the renderer. The path is
 * only a suggestion for a field: the backend still checks that the folder exists and can be written to.
 */
export function createChooseFolderHandler(
  options: ChooseFolderHandlerOptions,
): (event: CallEventLike, request: unknown) => Promise<string | null> {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, request) => {
    if (!fromTrustedFrame(event, options.trustedOrigins, log, 'a folder dialog')) return null;
    const input = typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
    try {
      const result = await options.showOpenDialog({
        properties: ['openDirectory', 'createDirectory'],
        defaultPath: dialogText(input.defaultPath, MAX_DIALOG_TEXT),
        title: dialogText(input.title, 200),
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    } catch (e) {
      log(`[dialog] the folder picker failed: ${(e as Error)?.message ?? String(e)}`);
      return null;
    }
  };
}
