import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../support/checksum';
import { addMember, createCase } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

describe('one list of everything due', () => {
  it('groups promises, custom reminders, deal steps and wishes into overdue / today / this week / later', async () => {
    const clock = fakeClock('2026-11-18T01:00:00.000Z'); // Wed 10:00 Tokyo
    const backend = await open({ clock });
    const mother = await addMember(backend, '母');
    const deal = await createDeal(backend, { orderedAt: '2026-11-16T03:00:00.000Z' });
    await value(backend.call('steps.update', { dealId: deal.id, kind: 'contact', assigneeId: mother }));
    const raised = await createCase(backend, { dealId: deal.id });
    await value(
      backend.call('promises.create', {
        caseId: raised.id,
        title: '今日18時に電話',
        dueAt: '2026-11-18T09:00:00.000Z',
      }),
    );
    await value(
      backend.call('followups.create', { title: '金曜に在庫確認', dueAt: '2026-11-20T03:00:00.000Z' }),
    );
    await value(backend.call('followups.create', { title: '来月の確認', dueAt: '2026-12-20T03:00:00.000Z' }));
    await value(
      backend.call('wishes.add', {
        customerId: deal.customer!.id,
        text: '青い色が入荷したら教えて',
        wantsNotice: true,
      }),
    );

    const list = await value(backend.call('followups.list', {}));
    expect(list.items.map((i) => [i.kind, i.bucket])).toEqual([
      ['deal_step', 'overdue'],
      ['promise', 'today'],
      ['first_response', 'week'],
      ['custom', 'week'],
      ['custom', 'later'],
      ['wish', 'later'],
    ]);
    expect(list.counts).toEqual({ overdue: 1, today: 1, week: 2, later: 2 });
    expect(list.items[0]).toMatchObject({
      key: expect.stringMatching(/^s\d+$/),
      stepKind: 'contact',
      route: `/deals/${deal.id}`,
      canSnooze: false,
    });

    const onlyPromises = await value(backend.call('followups.list', { kinds: ['promise'] }));
    expect(onlyPromises.items.map((i) => i.title)).toEqual(['今日18時に電話']);
    const alreadyDue = await value(backend.call('followups.list', { until: '2026-11-18T00:00:00.000Z' }));
    expect(alreadyDue.items.map((i) => i.kind)).toEqual(['deal_step']);
    expect(alreadyDue.counts).toEqual({ overdue: 1, today: 0, week: 0, later: 0 });
    const dueNow = await value(backend.call('followups.list', { until: '2026-11-18T23:59:00.000Z' }));
    expect(dueNow.items.map((i) => i.kind)).toEqual(['deal_step', 'promise']);
    const father = (await value(backend.call('members.create', { name: '父', color: 'blue' }))).id;
    const fathers = await value(backend.call('followups.list', { memberId: father }));
    expect(fathers.items).toEqual([]);
  });

  it('reassigns and completes deal steps through the deal’s own rules', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const backend = await open({ clock });
    const mother = await addMember(backend, '母');
    const father = (await value(backend.call('members.create', { name: '父', color: 'blue' }))).id;
    const deal = await createDeal(backend);
    await value(backend.call('steps.update', { dealId: deal.id, kind: 'contact', assigneeId: mother }));
    const [step] = (await value(backend.call('followups.list', { kinds: ['deal_step'] }))).items;
    const moved = await value(backend.call('followups.reassign', { key: step!.key, assigneeId: father }));
    expect(moved).toMatchObject({ key: step!.key, assigneeId: father });
    expect(
      (await value(backend.call('deals.get', { id: deal.id }))).steps.find((s) => s.kind === 'contact')
        ?.assigneeId,
    ).toBe(father);
    await value(backend.call('followups.done', { key: step!.key }));
    const after = await value(backend.call('deals.get', { id: deal.id }));
    expect(after.steps.find((s) => s.kind === 'contact')?.state).toBe('done');
  });

  it('refuses bad keys, snoozing a deal step, outcomes for non-promises and finished items, writing nothing', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const backend = await open({ clock });
    await addMember(backend);
    const raised = await createCase(backend);
    const [first] = (await value(backend.call('followups.list', {}))).items;
    await value(backend.call('followups.done', { key: first!.key }));
    const before = databaseChecksum(backend.dbPath);
    const attempts = [
      backend.call('followups.done', { key: first!.key }),
      backend.call('followups.done', { key: 'f999999' }),
      backend.call('followups.snooze', { key: 's1', until: '2026-11-21T00:00:00.000Z' }),
      backend.call('followups.reassign', { key: 'w1', assigneeId: null }),
      backend.callUnknown('followups.done', { key: 'f0' }),
      backend.callUnknown('followups.done', { key: "f1' OR 1=1" }),
      backend.callUnknown('followups.snooze', { key: 'f1', until: 'tomorrow' }),
    ];
    const results = await Promise.all(attempts);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'conflict',
      'not_found',
      'conflict',
      'conflict',
      'invalid_input',
      'invalid_input',
      'invalid_input',
    ]);
    expect(databaseChecksum(backend.dbPath)).toBe(before);
    // The first response was marked done by hand: the case counts as answered.
    expect((await value(backend.call('cases.get', { id: raised.id }))).firstRespondedAt).toBe(
      '2026-11-20T01:00:00.000Z',
    );
  });
});
