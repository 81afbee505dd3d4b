import type { TFunction } from 'i18next';
import { errorCodes, type AppError, type ErrorCode } from '../../../shared/result';
import { ApiError } from '../api/client';

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);

/** The backend's error, or null when the failure did not come from a contract call (a bug, a crash). */
export function appErrorOf(error: unknown): AppError | null {
  return error instanceof ApiError ? error.error : null;
}

/** One sentence for the user, in their language, chosen by the error code (never the raw English message). */
export function describeError(error: unknown, t: TFunction): string {
  const appError = appErrorOf(error);
  if (!appError) return t('errors.unexpected');
  return isErrorCode(appError.code) ? t(`errors.${appError.code}`) : t('errors.unexpected');
}

/**
 * Messages to show next to form fields, keyed by the contract's field path. The backend's zod
 * messages are English and technical, so each known field gets its own translated rule instead.
 */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  const appError = appErrorOf(error);
  if (!appError?.issues) return {};
  const out: Record<string, string> = {};
  for (const issue of appError.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!field || out[field]) continue;
    out[field] = fieldMessage(appError.code, field, t) ?? issue.message;
  }
  return out;
}

function fieldMessage(code: ErrorCode, field: string, t: TFunction): string | undefined {
  if (code === 'forbidden') return t('errors.fields.wrongPin');
  if (code === 'conflict' && field === 'name') return t('errors.fields.nameTaken');
  switch (field) {
    case 'name':
      return t('errors.fields.name');
    case 'pin':
    case 'newPin':
    case 'currentPin':
      return t('errors.fields.pin');
    case 'shopName':
      return t('errors.fields.shopName');
    default:
      return undefined;
  }
}

/** Technical text for the "details" fold of an error view: enough for a support question, nothing secret. */
export function technicalDetails(error: unknown): string {
  const appError = appErrorOf(error);
  if (appError) return `${appError.code}: ${appError.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
