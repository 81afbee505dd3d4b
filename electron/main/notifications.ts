import type { NotificationRequest } from '../backend/context';

/**
 * Sent to the renderer on IPC_EVENT_CHANNEL when the user clicks a notification, with payload
 * `{ route }`. The preload forwards only names in the contract's eventNames, so the contract needs
 * `'app.navigate': { route: string }` for the renderer to receive it.
 */
export const NAVIGATE_EVENT = 'app.navigate';
export interface NavigatePayload {
  route: string;
}

const MAX_ROUTE_LENGTH = 2000;
const MAX_TITLE_LENGTH = 100;
const MAX_BODY_LENGTH = 300;
// eslint-disable-next-line no-control-regex
const UNSAFE_ROUTE_CHARS = /[\s\\\u0000-\u001f\u007f]/;

/**
 * An in-app path such as `/followups?due=today`: absolute, same document, never a URL with a
 * scheme or a protocol-relative `//host` that a router might hand to the browser.
 */
export function isInAppRoute(route: unknown): route is string {
  return (
    typeof route === 'string' &&
    route.length > 0 &&
    route.length <= MAX_ROUTE_LENGTH &&
    route.startsWith('/') &&
    !route.startsWith('//') &&
    !UNSAFE_ROUTE_CHARS.test(route)
  );
}

/** Electron's Notification, reduced to what the centre uses. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationCentreOptions {
  isSupported: () => boolean;
  create: (options: { title: string; body: string }) => NotificationLike;
  /** The user clicked: bring the window forward and go to `route`. */
  onActivate: (route: string) => void;
}

export interface NotificationCentre {
  show(request: NotificationRequest): boolean;
  /** How many notifications are still on screen (and referenced). */
  readonly size: number;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Shows the backend's notification requests. Each Notification stays referenced until it is
 * clicked, closed or fails, because a garbage-collected Notification silently loses its click
 * handler. A new request with the same key replaces the one still on screen.
 */
export function createNotificationCentre(options: NotificationCentreOptions): NotificationCentre {
  const live = new Map<string, NotificationLike>();

  return {
    get size() {
      return live.size;
    },
    show(request) {
      if (!options.isSupported()) return false;
      const notification = options.create({
        title: truncate(request.title, MAX_TITLE_LENGTH),
        body: truncate(request.body, MAX_BODY_LENGTH),
      });
      const release = () => {
        if (live.get(request.key) === notification) live.delete(request.key);
      };
      notification.on('click', () => {
        release();
        options.onActivate(isInAppRoute(request.route) ? request.route : '/');
      });
      notification.on('close', release);
      notification.on('failed', release);

      const previous = live.get(request.key);
      live.set(request.key, notification);
      previous?.close();
      notification.show();
      return true;
    },
  };
}
