import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { ErrorBoundary } from '../components/ErrorBoundary/ErrorBoundary';
import { ErrorView } from '../components/ErrorView/ErrorView';
import { ApiContext } from '../hooks/api-context';
import { useBackendEvents } from '../hooks/useBackendEvents';
import { Bootstrap } from './Bootstrap';
import { AppRoutes } from './routes';
import { theme } from './theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // data.changed keeps the cache fresh; the short stale time covers writes that bypass the contract
        // (the CLI seeding the same file).
        staleTime: 5_000,
        retry: 1,
      },
      mutations: { retry: false },
    },
  });
}

/** Subscribes once to backend pushes; a component so it sits inside the query client provider. */
function BackendEvents() {
  useBackendEvents();
  return null;
}

function AppCrash({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <ErrorView error={error} title={t('errors.appCrashTitle')} lead={t('errors.appCrashBody')} withReload />
  );
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>
        <ApiContext.Provider value={client}>
          <QueryClientProvider client={queryClient}>
            {/* Bottom right: at the top they would cover the member switcher in the header. */}
            <Notifications position="bottom-right" limit={4} />
            <BackendEvents />
            <Bootstrap>
              <HashRouter>
                <AppRoutes />
              </HashRouter>
            </Bootstrap>
          </QueryClientProvider>
        </ApiContext.Provider>
      </ErrorBoundary>
    </MantineProvider>
  );
}
