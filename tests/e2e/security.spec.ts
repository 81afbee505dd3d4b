import { request as playwrightRequest } from '@playwright/test';
import WebSocket from 'ws';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';

test('the host refuses requests and sockets without the token', async ({ host }) => {
  // A fresh request context: no cookie from an earlier visit with the token.
  const anonymous = await playwrightRequest.newContext();
  try {
    for (const path of ['/', '/index.html', '/?token=wrong', '/favicon.svg']) {
      const response = await anonymous.get(`${host.origin}${path}`);
      expect(response.status(), path).toBe(403);
    }
    const withToken = await anonymous.get(host.url);
    expect(withToken.status()).toBe(200);
  } finally {
    await anonymous.dispose();
  }

  const status = await new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`);
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => reject(new Error('a socket without the token was accepted')));
    ws.once('error', () => undefined);
  });
  expect(status).toBe(403);
});

test('a dropped connection is announced instead of failing silently', async ({
  page,
  host,
  consoleErrors,
}) => {
  await openApp(page, host);
  await expect(page.getByRole('heading', { name: 'Torihiki へようこそ' })).toBeVisible();
  // Stopping the host makes Chromium log the failed reconnects; that is expected here.
  consoleErrors.ignore(/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/);
  await host.stop();
  await expect(page.getByTestId('connection-lost')).toContainText('Torihiki との接続が切れました');
  await saveScreenshot(page, 'ja-connection-lost');
});
