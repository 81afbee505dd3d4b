import type { TFunction } from 'i18next';
import { appErrorOf, describeError } from '../../i18n/errors';
import { FilePickError, formatBytes } from './read-files';

/** A failure in plain words: a file the browser could not send, an expired preview, a lost connection. */
export function failureText(error: unknown, t: TFunction): string {
  if (error instanceof FilePickError) {
    const p = error.problem;
    switch (p.kind) {
      case 'tooMany':
        return t('import.pick.tooMany', { max: p.max });
      case 'tooLarge':
        return t('import.pick.tooLarge', { name: p.name, size: formatBytes(p.bytes) });
      case 'tooLargeTotal':
        return t('import.pick.tooLargeTotal');
      case 'empty':
        return t('import.pick.empty', { name: p.name });
      case 'unreadable':
        return t('import.pick.unreadable', { name: p.name });
    }
  }
  const appError = appErrorOf(error);
  if (appError?.code === 'not_found' && appError.issues?.some((i) => i.path === 'previewId'))
    return t('import.preview.expired');
  return describeError(error, t);
}
