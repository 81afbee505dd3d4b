import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ConnectionBanner } from '../components/ConnectionBanner/ConnectionBanner';
import { ErrorBoundary } from '../components/ErrorBoundary/ErrorBoundary';
import { ErrorView } from '../components/ErrorView/ErrorView';
import { MemberSwitcher } from '../components/MemberSwitcher/MemberSwitcher';
import { QuickLookup } from '../components/QuickLookup/QuickLookup';
import { useSettings } from '../hooks/useAppData';
import { ReminderBell } from '../pages/Followups/ReminderBell';
import { ReminderCenter } from '../pages/Followups/ReminderCenter';
import { navItems } from './nav';
import classes from './AppLayout.module.css';

let appReadyMarked = false;

/** Header (name, shop, who is using the app), the navigation, and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const shopName = useSettings().data?.shopName ?? '';

  useEffect(() => {
    // Bootstrap rendered this only after session and members arrived: the first meaningful paint.
    if (appReadyMarked) return;
    appReadyMarked = true;
    performance.mark('torihiki:app-ready');
  }, []);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
            />
            <Text fz="xl" fw={800} c="indigo.7" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" truncate="end" visibleFrom="xs">
              {shopName || t('app.tagline')}
            </Text>
          </Group>
          <QuickLookup />
          <ReminderBell />
          <MemberSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {navItems.map((item) => {
          const active = item.path === '/' ? pathname === '/' : pathname.startsWith(item.path);
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.labelKey)}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={closeNav}
              variant="light"
              fw={600}
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ConnectionBanner />
        <ReminderCenter />
        <ErrorBoundary
          resetKey={pathname}
          fallback={(error, reset) => (
            <ErrorView error={error} lead={t('errors.pageCrashBody')} onRetry={reset} withReload />
          )}
        >
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
