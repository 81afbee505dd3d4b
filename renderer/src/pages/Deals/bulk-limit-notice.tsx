import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { BULK_LIMIT } from '../../hooks/useDealViews';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';

/**
 * Words of the bulk-limit notice, resolved each time it renders: a notice still on screen when the
 * language changes follows it, where a string resolved when the notice was shown would stay in the old one.
 */
export function BulkLimitText({ part }: { part: 'title' | 'body' }) {
  const { t } = useTranslation();
  const limit = formatCount(BULK_LIMIT, currentLanguage());
  return <>{part === 'title' ? t('bulk.limitTitle', { limit }) : t('bulk.limitBody', { limit })}</>;
}

/** "At most 5,000 deals at once": selecting stopped at the bulk limit. One notice, however often it is hit. */
export function showBulkLimitNotice(): void {
  notifications.show({
    // A second range past the limit while the notice is open adds no copy of it (same id).
    id: 'bulk-limit',
    color: 'yellow',
    title: <BulkLimitText part="title" />,
    message: <BulkLimitText part="body" />,
  });
}
