import { isTrustedOrigin } from './origins';

export interface SenderFrame {
  url: string;
  /** True when the frame has no parent: iframes, even same-origin ones, may not call the backend. */
  isMainFrame: boolean;
}

/** Only our own page, in a top-level frame, may call the backend over IPC. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  if (!frame || frame.isMainFrame !== true) return false;
  return isTrustedOrigin(frame.url, trustedOrigins);
}

/** Reads what the check needs from an Electron WebFrameMain (null once the frame navigated away). */
export function describeFrame(
  frame: { url: string; parent: unknown } | null | undefined,
): SenderFrame | null {
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}
