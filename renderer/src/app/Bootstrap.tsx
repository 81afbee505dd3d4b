import { useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../components/ErrorView/ErrorView';
import { LoadingView } from '../components/LoadingView/LoadingView';
import { useMembers, useSession, useSettings } from '../hooks/useAppData';
import { applyLanguage } from '../i18n';

/**
 * Waits for what every screen needs (language, members, who is using the app) so the shell never
 * renders half-empty or in the wrong language; a failure here (e.g. a damaged database) gets a full-page
 * explanation instead of a blank window.
 */
export function Bootstrap({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const session = useSession();
  const members = useMembers();
  const language = settings.data?.language;

  useLayoutEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  // Only a first load that failed replaces the app; a failed background refresh keeps the data shown.
  const failed = [settings, session, members].find((q) => q.data === undefined && q.isError)?.error;
  if (failed)
    return (
      <ErrorView
        error={failed}
        title={t('errors.loadFailedTitle')}
        onRetry={() => {
          void settings.refetch();
          void session.refetch();
          void members.refetch();
        }}
        withReload
      />
    );
  if (!settings.data || !session.data || !members.data) return <LoadingView fullScreen />;
  return children;
}
