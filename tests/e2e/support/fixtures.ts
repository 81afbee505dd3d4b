import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startHost, type RunningHost } from './host';
import { artifactsDir } from './paths';

export interface ConsoleErrors {
  /** Errors seen so far (console.error and uncaught page errors). */
  readonly list: string[];
  /** Accept errors matching this pattern in the current test (e.g. while the host is stopped on purpose). */
  ignore(pattern: RegExp): void;
}

export interface Fixtures {
  host: RunningHost;
  consoleErrors: ConsoleErrors;
}

/**
 * Every test gets its own host on a fresh database, and fails if the page logged any error:
 * a screen that "works" while throwing in the console is a bug waiting to surface.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  consoleErrors: [
    // Depends on the host so the host stops only after the console was checked: a page still open
    // while its host stops logs a failed reconnect, which is not the test's fault.
    async ({ page, host: _host }, use) => {
      const list: string[] = [];
      const ignored: RegExp[] = [];
      const add = (text: string) => {
        if (!ignored.some((re) => re.test(text))) list.push(text);
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') add(`console: ${msg.text()}`);
      });
      page.on('pageerror', (error) => add(`pageerror: ${error.message}`));
      await use({ list, ignore: (re) => ignored.push(re) });
      expect(list, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app with the host's token and waits until the shell has its data (the app-ready mark). */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await waitForAppReady(page);
}

export async function waitForAppReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('torihiki:app-ready').length === 1);
}

/** Full-page screenshot into tests/e2e/artifacts/, after fonts and transitions have settled. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // A string expression: this file is compiled without the DOM library.
  await page.evaluate('document.fonts.ready.then(() => true)');
  // From the top, so the fixed header is drawn once, where it belongs.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({
    path: path.join(artifactsDir, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
