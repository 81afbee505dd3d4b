import type { Page } from '@playwright/test';
import { setHostClock } from './clock';
import { test as withHost } from './fixtures';
import { startHost, type RunningHost } from './host';

/** The usual fixtures, but the host runs on a clock the test moves (token-protected /__test__/clock). */
export function testWithClock(start: string) {
  return withHost.extend({
    // eslint-disable-next-line no-empty-pattern
    host: async ({}, use) => {
      const host = await startHost({ testClock: start });
      await use(host);
      await host.stop();
    },
  });
}

/** Moves the page's and the host's clocks together; returns what the reminder engine notified. */
export async function moveClocks(page: Page, host: RunningHost, iso: string) {
  await page.clock.setFixedTime(new Date(iso));
  return setHostClock(host, iso);
}
