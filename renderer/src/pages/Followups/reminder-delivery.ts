import type { NotificationDto } from '../../../../shared/contract';

export type Delivery = 'desktop-shell' | 'web-notification' | 'in-app';

/**
 * Who shows a reminder: in the desktop app, main already showed a system notification (the renderer
 * must not show a second one); in a browser, the Web Notifications API when the user allowed it,
 * otherwise an in-app notice so nothing is missed.
 */
export function deliveryFor(env: {
  desktop: boolean;
  permission: NotificationPermission | 'unsupported';
}): Delivery {
  if (env.desktop) return 'desktop-shell';
  return env.permission === 'granted' ? 'web-notification' : 'in-app';
}

/** Only in-app routes are followed from a notification click (the backend makes them; this is a second guard). */
export const safeRoute = (n: NotificationDto): string =>
  n.route.startsWith('/') && !n.route.startsWith('//') && !/[\s\\]/.test(n.route) ? n.route : '/followups';
