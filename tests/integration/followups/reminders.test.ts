import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { addMember, createCase, notificationSink } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();

/** A backend with the reminder engine on, the way the desktop shell runs it. */
async function withReminders(clock: ReturnType<typeof fakeClock>) {
  const sink = notificationSink();
  const backend = await open({ clock, notify: sink.notify });
  return { backend, sink };
}

const reminderRows = (backend: Backend) =>
  backend.db.raw.prepare('SELECT item_key, times FROM reminder_state ORDER BY item_key').all();

describe('the reminder engine', () => {
  it('shows a case logged at 10:00 its first-response reminder at 10:00 the next day, not before', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z'); // Thu 10:00 Tokyo
    const { backend, sink } = await withReminders(clock);
    backend.reminders!.start();
    await addMember(backend);
    const raised = await createCase(backend);
    clock.set('2026-11-20T00:59:00.000Z');
    expect(backend.reminders!.evaluate('tick').notifications).toEqual([]);
    clock.set('2026-11-20T01:00:00.000Z');
    backend.reminders!.evaluate('tick');
    expect(sink.shown).toEqual([
      {
        key: `f${raised.id}`,
        title: '初回連絡の期限です',
        body: '商品が届かない',
        route: `/cases/${raised.id}`,
      },
    ]);
  });

  it('notifies a promise due Friday 18:00 once at 18:00, then once a day while it stays overdue', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z'); // Fri 10:00 Tokyo
    const { backend, sink } = await withReminders(clock);
    const memberId = await addMember(backend);
    const raised = await createCase(backend);
    // Answer the first response so only the promise is in play.
    await value(
      backend.call('cases.addEntry', { caseId: raised.id, kind: 'message_out', text: '確認します' }),
    );
    const withPromise = await value(
      backend.call('promises.create', {
        caseId: raised.id,
        title: '金曜18時までにお電話します',
        dueAt: '2026-11-20T09:00:00.000Z',
      }),
    );
    const key = `f${withPromise.promises[0]!.id}`;
    const statuses: number[] = [];
    backend.events.on('followups.status', (s) => statuses.push(s.overduePromises.length));
    const events: string[][] = [];
    backend.events.on('followups.notify', (e) => events.push(e.notifications.map((n) => n.key)));
    expect(backend.reminders!.start().notifications).toEqual([]);

    const at = (iso: string) => {
      clock.set(iso);
      return backend.reminders!.evaluate('tick').notifications.map((n) => [n.key, n.title]);
    };
    expect(at('2026-11-20T08:59:59.000Z')).toEqual([]);
    expect(at('2026-11-20T09:00:00.000Z')).toEqual([[key, '約束の期限です']]);
    expect(at('2026-11-20T09:01:00.000Z')).toEqual([]);
    expect(at('2026-11-20T15:00:00.000Z')).toEqual([]); // midnight in Tokyo is not a new reminder
    expect(at('2026-11-21T08:59:00.000Z')).toEqual([]);
    expect(at('2026-11-21T09:00:00.000Z')).toEqual([[key, '約束の期限を過ぎています']]);
    expect(at('2026-11-21T12:00:00.000Z')).toEqual([]);
    expect(at('2026-11-22T09:00:30.000Z')).toEqual([[key, '約束の期限を過ぎています']]);
    expect(sink.shown.map((n) => n.key)).toEqual([key, key, key]);
    expect(events).toEqual([[key], [key], [key]]);
    expect(reminderRows(backend)).toEqual([{ item_key: key, times: 3 }]);
    // The header learnt about the overdue promise when it became overdue (status is sent on change only).
    expect(statuses).toEqual([0, 0, 1]);

    // Kept: no more reminders, and the banner clears.
    await value(backend.call('promises.settle', { id: withPromise.promises[0]!.id, outcome: 'kept' }));
    expect(at('2026-11-25T09:00:00.000Z')).toEqual([]);
    expect(statuses).toEqual([0, 0, 1, 0]);
    expect(memberId).toBeGreaterThan(0);
  });

  it('reminds again at the snooze time, and refuses a snooze into the past without writing', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const { backend, sink } = await withReminders(clock);
    await addMember(backend);
    const item = await value(
      backend.call('followups.create', { title: '在庫を確認して連絡', dueAt: '2026-11-20T02:00:00.000Z' }),
    );
    backend.reminders!.start();
    clock.set('2026-11-20T02:00:00.000Z');
    backend.reminders!.evaluate('tick');
    expect(sink.shown.map((n) => n.title)).toEqual(['リマインダー']);

    const past = await backend.call('followups.snooze', { key: item.key, until: '2026-11-20T01:59:00.000Z' });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'until' }] } });
    const snoozed = await value(
      backend.call('followups.snooze', { key: item.key, until: '2026-11-20T05:00:00.000Z' }),
    );
    expect(snoozed).toMatchObject({
      remindAt: '2026-11-20T05:00:00.000Z',
      dueAt: '2026-11-20T02:00:00.000Z',
      bucket: 'today',
    });
    clock.set('2026-11-20T04:59:00.000Z');
    expect(backend.reminders!.evaluate('tick').items).toEqual([]);
    clock.set('2026-11-20T05:00:00.000Z');
    expect(backend.reminders!.evaluate('tick').items).toEqual([item.key]);
    expect(sink.shown.map((n) => n.title)).toEqual(['リマインダー', 'リマインダー']);
  });

  it('gathers many due items into one notification instead of a flood', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const { backend, sink } = await withReminders(clock);
    await addMember(backend);
    backend.reminders!.start();
    for (let i = 0; i < 5; i++) {
      await value(
        backend.call('followups.create', { title: `連絡 ${i}`, dueAt: '2026-11-20T03:00:00.000Z' }),
      );
    }
    clock.set('2026-11-20T03:00:00.000Z');
    const report = backend.reminders!.evaluate('tick');
    expect(report.items).toHaveLength(5);
    expect(sink.shown).toEqual([
      {
        key: 'summary:2026-11-20T03:00:00.000Z',
        title: 'Torihiki',
        body: '5件のフォローアップの期限が来ました',
        route: '/followups',
      },
    ]);
  });

  it('after a restart past the due time: one catch-up summary, and nothing shown twice', async () => {
    const dbPath = path.join(tempDir(), 'shop.sqlite');
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const first = await createBackend({ dbPath, clock });
    await addMember(first);
    const raised = await createCase(first);
    await value(first.call('cases.addEntry', { caseId: raised.id, kind: 'message_out', text: '確認します' }));
    for (const hour of ['05', '06', '07']) {
      await value(
        first.call('promises.create', {
          caseId: raised.id,
          title: `${hour}時に連絡`,
          dueAt: `2026-11-20T${hour}:00:00.000Z`,
        }),
      );
    }
    first.close();

    clock.set('2026-11-20T12:00:00.000Z'); // the app was closed all afternoon
    const second = notificationSink();
    const reopened = await createBackend({ dbPath, clock, notify: second.notify });
    reopened.reminders!.start();
    expect(second.shown).toEqual([
      {
        key: 'summary:2026-11-20T12:00:00.000Z',
        title: 'Torihiki',
        body: '3件のフォローアップが期限切れです',
        route: '/followups',
      },
    ]);
    expect(reopened.reminders!.evaluate('tick').items).toEqual([]);
    reopened.close();

    clock.set('2026-11-20T13:00:00.000Z');
    const third = notificationSink();
    const again = await createBackend({ dbPath, clock, notify: third.notify });
    again.reminders!.start();
    again.close();
    expect(third.shown).toEqual([]);
  });

  it('includes overdue deal steps and counts the current member’s due items for the tray badge', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const { backend, sink } = await withReminders(clock);
    const memberId = await addMember(backend);
    const statuses: number[] = [];
    backend.events.on('followups.status', (s) => statuses.push(s.due));
    // Ordered two days ago: the contact step (+24 h) is overdue and assigned to whoever entered it.
    const deal = await createDeal(backend);
    await value(backend.call('steps.update', { dealId: deal.id, kind: 'contact', assigneeId: memberId }));
    backend.reminders!.start();
    expect(sink.shown.map((n) => [n.title, n.route])).toEqual([
      ['取引の工程の期限です', `/deals/${deal.id}`],
    ]);
    expect(sink.shown[0]!.body).toBe(`連絡: ${deal.externalId}（山田 花子）`);
    expect(statuses).toEqual([1]);
    const list = await value(backend.call('followups.list', { kinds: ['deal_step'] }));
    const key = list.items[0]!.key;
    await value(backend.call('followups.done', { key }));
    expect(statuses).toEqual([1, 0]);
  });

  it('stays off unless asked for, so reading a database with the CLI never writes', async () => {
    const backend = await open();
    expect(backend.reminders).toBeNull();
    await createDeal(backend);
    expect(reminderRows(backend)).toEqual([]);
  });
});
