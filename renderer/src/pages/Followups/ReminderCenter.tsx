import { Alert, Anchor, Group, Text } from '@mantine/core';
import { createNotificationsStore, Notifications, notifications } from '@mantine/notifications';
import { IconAlarm } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PreloadApi } from '../../../../shared/preload-api';
import { useApiClient } from '../../hooks/api-context';
import { queryMatchesTopics } from '../../hooks/useBackendEvents';
import { apiQueryKey, useApiQuery } from '../../hooks/useApi';
import { useSettings } from '../../hooks/useAppData';
import { formatDue } from '../../i18n/deal-format';
import { deliveryFor, safeRoute } from './reminder-delivery';
import classes from './ReminderCenter.module.css';

/** In-app notices visible at once; an older one gives way (the header bell keeps the count). */
export const VISIBLE_NOTICES = 2;
/**
 * An in-app notice collapses into the header bell after this long, so it never sits on the page; the timer
 * waits while the pointer is on the notice (Mantine pauses it on hover), so it is not gone mid-read.
 */
export const NOTICE_MS = 6_000;
/** Narrow enough to leave the page's own top-right buttons mostly visible; the text is one line anyway. */
const NOTICE_WIDTH = 360;

/**
 * Reminder notices have their own container, at the top right just under the header: the app's other
 * notices sit at the bottom right, where the tables keep their paging and bulk-action controls.
 */
const reminderNotices = createNotificationsStore();

/** A modal (quick lookup, a form) owns Esc while it is open. */
const modalOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

const isDesktop = () => Boolean((window as unknown as { torihiki?: PreloadApi }).torihiki);
const permission = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * Mounted once in the layout: shows the backend's reminders (Web Notifications or an in-app notice in a
 * browser; the desktop shell shows its own), follows notification clicks, and puts an overdue promise at
 * the top of every page — the loudest thing in the app.
 */
export function ReminderCenter() {
  const { t } = useTranslation();
  const client = useApiClient();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = useSettings().data?.language ?? 'ja';
  const status = useApiQuery('followups.status', {});
  // The reminder notices on screen, oldest first.
  const shownNotices = useRef<string[]>([]);

  useEffect(() => {
    const offNotify = client.on('followups.notify', ({ notifications: list }) => {
      const how = deliveryFor({ desktop: isDesktop(), permission: permission() });
      for (const n of list) {
        const route = safeRoute(n);
        if (how === 'web-notification') {
          const shown = new Notification(n.title, { body: n.body, tag: n.key });
          shown.onclick = () => {
            window.focus();
            void navigate(route);
          };
        } else if (how === 'in-app') {
          const visible = shownNotices.current.filter((id) => id !== n.key);
          while (visible.length >= VISIBLE_NOTICES) notifications.hide(visible.shift()!, reminderNotices);
          shownNotices.current = [...visible, n.key];
          notifications.show(
            {
              id: n.key,
              withBorder: true,
              radius: 'md',
              // One line of text: the notice points at the item, the follow-ups page holds the detail.
              styles: { description: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } },
              onClose: () => {
                shownNotices.current = shownNotices.current.filter((id) => id !== n.key);
              },
              closeButtonProps: { 'aria-label': t('notices.close'), title: t('notices.close') },
              color: 'orange',
              title: n.title,
              // The toast lives outside the router, so it navigates through the layout's navigate, not a Link.
              message: (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ta="left"
                  onClick={() => {
                    notifications.hide(n.key, reminderNotices);
                    void navigate(route);
                  }}
                  data-testid="reminder-notice"
                >
                  {n.body}
                </Anchor>
              ),
              icon: <IconAlarm size={18} />,
              autoClose: NOTICE_MS,
            },
            reminderNotices,
          );
        }
      }
    });
    const offStatus = client.on('followups.status', (next) => {
      queryClient.setQueryData(apiQueryKey('followups.status', {}), next);
      // Time moved on (nothing was written): what is overdue changed on every list and case page.
      void queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] !== 'followups.status' && queryMatchesTopics(q, ['cases', 'followups']),
      });
    });
    const offNavigate = client.on(
      'app.navigate',
      ({ route }) => void navigate(safeRoute({ key: '', title: '', body: '', route })),
    );
    return () => {
      offNotify();
      offStatus();
      offNavigate();
    };
  }, [client, navigate, queryClient, t]);

  // Esc puts the reminder notices away (the bell keeps the count), unless a modal is taking the key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || shownNotices.current.length === 0 || modalOpen()) return;
      for (const id of shownNotices.current) notifications.hide(id, reminderNotices);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const notices = (
    <Notifications
      store={reminderNotices}
      position="top-right"
      limit={VISIBLE_NOTICES}
      containerWidth={NOTICE_WIDTH}
      classNames={{ root: classes.notices }}
      data-testid="reminder-notices"
    />
  );

  const overdue = status.data?.overduePromises ?? [];
  const oldest = overdue[0];
  if (!oldest) return notices;
  const due = formatDue(oldest.dueAt, language);
  return (
    <>
      {notices}
      <Alert
        color="red"
        variant="filled"
        radius="md"
        mb="md"
        icon={<IconAlarm aria-hidden />}
        role="alert"
        data-testid="overdue-promise-banner"
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} size="sm">
            {overdue.length === 1
              ? t('complaints.banner.overduePromise', { title: oldest.title, due })
              : t('complaints.banner.overduePromises', { n: overdue.length, title: oldest.title, due })}
          </Text>
          {oldest.caseId !== null && (
            <Anchor
              component={Link}
              to={`/cases/${oldest.caseId}`}
              c="white"
              fw={700}
              size="sm"
              underline="always"
            >
              {t('complaints.banner.open')}
            </Anchor>
          )}
        </Group>
      </Alert>
    </>
  );
}
