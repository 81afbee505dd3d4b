import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/server';
import { fakeClock, useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();
const TOKEN = 'test-token-0123456789abcdef';

async function host(withTestClock: boolean) {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Torihiki</title>');
  const clock = fakeClock('2026-11-20T01:00:00.000Z');
  const backend = await open({ clock, reminders: true });
  const running = await startHost({
    backend,
    rendererDir,
    token: TOKEN,
    testClock: withTestClock ? clock : undefined,
  });
  return { running, clock, backend };
}

const post = (port: number, query: string, body: string) =>
  fetch(`http://127.0.0.1:${port}/__test__/clock${query}`, { method: 'POST', body });

describe('the end-to-end test clock of the browser-mode host', () => {
  it('moves the clock and re-evaluates reminders, only with the token', async () => {
    const { running, clock, backend } = await host(true);
    try {
      const member = await backend.call('members.create', { name: '母', color: 'pink' });
      expect(member.ok).toBe(true);
      await backend.call('followups.create', { title: '電話する', dueAt: '2026-11-20T09:00:00.000Z' });
      backend.reminders!.start();

      const refused = await post(running.port, '', '2026-11-21T00:00:00.000Z');
      expect(refused.status).toBe(403);
      expect(clock.now().toISOString()).toBe('2026-11-20T01:00:00.000Z');
      const wrong = await post(running.port, '?token=nope', '2026-11-21T00:00:00.000Z');
      expect(wrong.status).toBe(403);

      for (const body of ['tomorrow', '', 'x'.repeat(500), '2026-13-45T00:00:00Z']) {
        const bad = await post(running.port, `?token=${TOKEN}`, body);
        expect(bad.status, body.slice(0, 20)).not.toBe(200);
      }
      expect(clock.now().toISOString()).toBe('2026-11-20T01:00:00.000Z');

      const moved = await post(running.port, `?token=${TOKEN}`, '2026-11-20T09:00:00.000Z');
      expect(moved.status).toBe(200);
      expect(await moved.json()).toEqual({ now: '2026-11-20T09:00:00.000Z', notified: 1 });
      expect(clock.now().toISOString()).toBe('2026-11-20T09:00:00.000Z');
    } finally {
      await running.close();
    }
  });

  it('does not exist on a normal host', async () => {
    const { running, clock } = await host(false);
    try {
      const response = await post(running.port, `?token=${TOKEN}`, '2026-11-21T00:00:00.000Z');
      expect(response.status).toBe(405);
      expect(clock.now().toISOString()).toBe('2026-11-20T01:00:00.000Z');
    } finally {
      await running.close();
    }
  });
});
