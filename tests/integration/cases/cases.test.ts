import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../support/checksum';
import { addMember, caseInput, createCase } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

describe('complaint cases', () => {
  it('raises a case from a deal: buyer, deal, first-response deadline, the buyer’s words on the timeline', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z'); // Thursday 10:00 in Tokyo
    const backend = await open({ clock });
    const memberId = await addMember(backend);
    const deal = await createDeal(backend);
    const raised = await createCase(backend, { dealId: deal.id });
    expect(raised).toMatchObject({
      state: 'received',
      category: 'not_arrived',
      assigneeId: memberId,
      customer: { name: '山田 花子' },
      deal: { id: deal.id, externalId: deal.externalId, state: 'open', marketplace: 'yahoo_auction' },
      firstResponseDueAt: '2026-11-20T01:00:00.000Z',
      firstRespondedAt: null,
      nextStates: ['investigating', 'proposed', 'agreed', 'resolved'],
    });
    expect(raised.entries).toMatchObject([
      { kind: 'message_in', text: 'まだ届きません。どうなっていますか？', memberId },
    ]);
    const mine = await value(backend.call('followups.list', {}));
    expect(mine.items.filter((i) => i.kind === 'first_response')).toMatchObject([
      { dueAt: '2026-11-20T01:00:00.000Z', caseId: raised.id, route: `/cases/${raised.id}` },
    ]);
    const byDeal = await value(backend.call('cases.list', { dealId: deal.id }));
    expect(byDeal.rows.map((r) => r.id)).toEqual([raised.id]);
  });

  it('uses the configured first-response time for new cases', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    await value(backend.call('cases.updateSettings', { firstResponseHours: 4 }));
    const raised = await createCase(backend);
    expect(raised.firstResponseDueAt).toBe('2026-11-19T05:00:00.000Z');
  });

  it('answers the first-response timer with the first outbound contact, recording who acted', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const memberId = await addMember(backend);
    const raised = await createCase(backend);
    clock.advance(3 * 3_600_000);
    await value(
      backend.call('cases.addEntry', { caseId: raised.id, kind: 'note', text: '配送状況を確認中' }),
    );
    const answered = await value(
      backend.call('cases.addEntry', {
        caseId: raised.id,
        kind: 'message_out',
        text: 'ご連絡ありがとうございます。確認いたします。',
      }),
    );
    expect(answered.firstRespondedAt).toBe('2026-11-19T04:00:00.000Z');
    expect(answered.entries.map((e) => [e.kind, e.memberId])).toEqual([
      ['message_in', memberId],
      ['note', memberId],
      ['message_out', memberId],
    ]);
    const open1 = await value(backend.call('followups.list', { kinds: ['first_response'] }));
    expect(open1.items).toEqual([]);
  });

  it('refuses a timeline entry in the future and an unknown case, writing nothing', async () => {
    const backend = await open();
    const raised = await createCase(backend);
    const before = databaseChecksum(backend.dbPath);
    const future = await backend.call('cases.addEntry', {
      caseId: raised.id,
      kind: 'call_out',
      text: '電話',
      at: '2030-01-01T00:00:00.000Z',
    });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'at' }] } });
    const unknown = await backend.call('cases.addEntry', { caseId: 999, kind: 'note', text: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('moves through the states, refusing moves the state machine does not allow', async () => {
    const backend = await open();
    const raised = await createCase(backend);
    const closedEarly = await backend.call('cases.move', { id: raised.id, to: 'closed' });
    expect(closedEarly).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'to' }] } });
    for (const to of ['investigating', 'proposed', 'agreed'] as const) {
      expect((await value(backend.call('cases.move', { id: raised.id, to }))).state).toBe(to);
    }
    // The buyer declined: back to investigating is allowed while working on it.
    expect((await value(backend.call('cases.move', { id: raised.id, to: 'investigating' }))).state).toBe(
      'investigating',
    );
  });

  it('records options offered with amounts and the buyer’s choice; a partial refund needs an amount', async () => {
    const backend = await open();
    const raised = await createCase(backend);
    const noAmount = await backend.call('cases.addOption', { caseId: raised.id, kind: 'partial_refund' });
    expect(noAmount).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'amount' }] },
    });
    await value(backend.call('cases.addOption', { caseId: raised.id, kind: 'keep' }));
    await value(backend.call('cases.addOption', { caseId: raised.id, kind: 'partial_refund', amount: 500 }));
    const offered = await value(
      backend.call('cases.addOption', { caseId: raised.id, kind: 'reship', note: '新品を再送' }),
    );
    const refund = offered.options.find((o) => o.kind === 'partial_refund')!;
    const chosen = await value(
      backend.call('cases.chooseOption', { caseId: raised.id, optionId: refund.id }),
    );
    expect(chosen.options.map((o) => [o.kind, o.amount, o.chosen])).toEqual([
      ['keep', null, false],
      ['partial_refund', 500, true],
      ['reship', null, false],
    ]);
    const other = await createCase(backend);
    const foreign = await backend.call('cases.chooseOption', { caseId: other.id, optionId: refund.id });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: [{ path: 'optionId' }] },
    });
  });

  it('keeps a case whose deal was cancelled or removed, and says so', async () => {
    const backend = await open();
    const cancelled = await createDeal(backend);
    const removed = await createDeal(backend);
    const a = await createCase(backend, { dealId: cancelled.id });
    const b = await createCase(backend, { dealId: removed.id });
    await value(backend.call('deals.cancel', { id: cancelled.id }));
    // An undone import removes the deals it created; simulate that removal directly.
    backend.db.raw.prepare('DELETE FROM deals WHERE id = ?').run(removed.id);
    expect((await value(backend.call('cases.get', { id: a.id }))).deal).toMatchObject({
      id: cancelled.id,
      state: 'cancelled',
    });
    const kept = await value(backend.call('cases.get', { id: b.id }));
    expect(kept.deal).toEqual({
      id: null,
      ref: `yahoo_auction:${removed.externalId}`,
      marketplace: 'yahoo_auction',
      externalId: removed.externalId,
      state: 'deleted',
    });
    expect(kept.customer?.name).toBe('山田 花子');
    expect(kept.entries).toHaveLength(1);
  });

  it('refuses links to a deal or member that does not exist, writing nothing', async () => {
    const backend = await open();
    const before = databaseChecksum(backend.dbPath);
    expect(await backend.call('cases.create', caseInput({ dealId: 4242 }))).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: [{ path: 'dealId' }] },
    });
    expect(await backend.call('cases.create', caseInput({ assigneeId: 77 }))).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: [{ path: 'assigneeId' }] },
    });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});

describe('promises', () => {
  it('records a promise with its owner and estimate flag; kept or broken is recorded', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const memberId = await addMember(backend);
    const raised = await createCase(backend);
    const withPromise = await value(
      backend.call('promises.create', {
        caseId: raised.id,
        title: '木曜18時までにお電話します',
        dueAt: '2026-11-19T09:00:00.000Z',
      }),
    );
    await value(
      backend.call('promises.create', {
        caseId: raised.id,
        title: '来週前半に再送品が届く見込み',
        dueAt: '2026-11-24T09:00:00.000Z',
        estimate: true,
      }),
    );
    const [call] = withPromise.promises;
    expect(call).toMatchObject({
      assigneeId: memberId,
      estimate: false,
      overdue: false,
      pastDueAtCreation: false,
      state: 'open',
    });
    const settled = await value(backend.call('promises.settle', { id: call!.id, outcome: 'kept' }));
    expect(settled.promises.map((p) => [p.title, p.state, p.outcome, p.estimate])).toEqual([
      ['木曜18時までにお電話します', 'done', 'kept', false],
      ['来週前半に再送品が届く見込み', 'open', null, true],
    ]);
    const again = await backend.call('promises.settle', { id: call!.id, outcome: 'broken' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('accepts a promise dated in the past but flags it, and it is overdue at once', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const raised = await createCase(backend);
    const late = await value(
      backend.call('promises.create', {
        caseId: raised.id,
        title: '昨日お電話すると約束した',
        dueAt: '2026-11-18T09:00:00.000Z',
      }),
    );
    expect(late.promises[0]).toMatchObject({ pastDueAtCreation: true, overdue: true });
    expect(late.overduePromises).toBe(1);
    const status = await value(backend.call('followups.status', {}));
    expect(status.overduePromises.map((p) => p.title)).toEqual(['昨日お電話すると約束した']);
  });
});

describe('resolution and after-care', () => {
  it('schedules +7 days, +6 months and +1 year in Tokyo, keeping month ends valid (31 Aug → 28 Feb)', async () => {
    const clock = fakeClock('2026-08-31T05:00:00.000Z'); // 31 Aug 14:00 Tokyo
    const backend = await open({ clock });
    const raised = await createCase(backend);
    await value(
      backend.call('cases.update', {
        id: raised.id,
        patch: { resolution: '再送しました', cost: 1200, improvement: '梱包を二重にしました' },
      }),
    );
    const resolved = await value(backend.call('cases.move', { id: raised.id, to: 'resolved' }));
    expect(resolved).toMatchObject({
      state: 'resolved',
      resolvedAt: '2026-08-31T05:00:00.000Z',
      cost: 1200,
      improvement: '梱包を二重にしました',
    });
    expect(resolved.aftercare.map((a) => [a.stepKind, a.dueAt, a.state])).toEqual([
      ['checkin', '2026-09-07T01:00:00.000Z', 'open'],
      ['message', '2027-02-28T01:00:00.000Z', 'open'],
      ['thanks', '2027-08-31T01:00:00.000Z', 'open'],
    ]);
  });

  it('uses the Tokyo date (resolved 1 Sep 01:00 Tokyo is still 31 Aug in UTC) and leap years (→ 29 Feb)', async () => {
    const clock = fakeClock('2027-08-31T16:30:00.000Z'); // 1 Sep 2027 01:30 Tokyo
    const backend = await open({ clock });
    const a = await createCase(backend);
    const resolvedA = await value(backend.call('cases.move', { id: a.id, to: 'resolved' }));
    expect(resolvedA.aftercare.map((s) => s.dueAt)).toEqual([
      '2027-09-08T01:00:00.000Z',
      '2028-03-01T01:00:00.000Z',
      '2028-09-01T01:00:00.000Z',
    ]);
    clock.set('2027-08-31T05:00:00.000Z'); // 31 Aug 2027 14:00 Tokyo; Feb 2028 has 29 days
    const b = await createCase(backend);
    const resolvedB = await value(backend.call('cases.move', { id: b.id, to: 'resolved' }));
    expect(resolvedB.aftercare[1]?.dueAt).toBe('2028-02-29T01:00:00.000Z');
  });

  it('reopening cancels pending after-care; resolving again plans it anew; the last step completes the case', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const raised = await createCase(backend);
    const first = await value(backend.call('cases.move', { id: raised.id, to: 'resolved' }));
    await value(backend.call('followups.done', { key: `f${first.aftercare[0]!.id}` }));
    const reopened = await value(backend.call('cases.move', { id: raised.id, to: 'investigating' }));
    expect(reopened.state).toBe('investigating');
    expect(reopened.aftercare.map((a) => a.state)).toEqual(['done', 'cancelled', 'cancelled']);
    const pending = await value(backend.call('followups.list', { everyone: true, kinds: ['aftercare'] }));
    expect(pending.items).toEqual([]);

    clock.advance(24 * 3_600_000);
    const again = await value(backend.call('cases.move', { id: raised.id, to: 'resolved' }));
    const open2 = again.aftercare.filter((a) => a.state === 'open');
    expect(open2).toHaveLength(3);
    await value(backend.call('followups.done', { key: `f${open2[0]!.id}` }));
    expect((await value(backend.call('cases.get', { id: raised.id }))).state).toBe('aftercare');
    await value(backend.call('followups.done', { key: `f${open2[1]!.id}` }));
    const done = await value(backend.call('followups.done', { key: `f${open2[2]!.id}` }));
    expect(done.state).toBe('done');
    const closed = await value(backend.call('cases.get', { id: raised.id }));
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
  });

  it('edits plans: a check-in at most 30 days out, a chosen plan per case, the last plan cannot be archived', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const tooLate = await backend.call('aftercare.savePlan', {
      name: '遅すぎる',
      steps: [{ kind: 'checkin', title: '確認', unit: 'days', amount: 45 }],
    });
    expect(tooLate).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'steps.0.amount' }] },
    });
    const short = await value(
      backend.call('aftercare.savePlan', {
        name: '短め',
        steps: [
          { kind: 'checkin', title: '2週間後の確認', unit: 'days', amount: 14 },
          { kind: 'thanks', title: 'お礼', unit: 'months', amount: 3 },
        ],
      }),
    );
    const plans = await value(backend.call('aftercare.plans', {}));
    expect(plans.map((p) => [p.name, p.isDefault, p.steps.length])).toEqual([
      ['標準（1週間・半年・1年）', true, 3],
      ['短め', false, 2],
    ]);
    const raised = await createCase(backend, { aftercarePlanId: short.id });
    const resolved = await value(backend.call('cases.move', { id: raised.id, to: 'resolved' }));
    expect(resolved.aftercare.map((a) => [a.title, a.dueAt])).toEqual([
      ['2週間後の確認', '2026-12-03T01:00:00.000Z'],
      ['お礼', '2027-02-19T01:00:00.000Z'],
    ]);
    await value(backend.call('aftercare.archivePlan', { id: plans[0]!.id }));
    const left = await value(backend.call('aftercare.plans', {}));
    expect(left.map((p) => [p.name, p.isDefault])).toEqual([['短め', true]]);
    expect(await backend.call('aftercare.archivePlan', { id: short.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('service figures', () => {
  it('measures first response, promises kept, time to resolution and the fan rate', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    await addMember(backend);
    const deal = await createDeal(backend);
    const a = await createCase(backend, { dealId: deal.id });
    const b = await createCase(backend);
    clock.advance(2 * 3_600_000);
    await value(backend.call('cases.addEntry', { caseId: a.id, kind: 'message_out', text: '確認します' }));
    clock.advance(4 * 3_600_000);
    await value(backend.call('cases.addEntry', { caseId: b.id, kind: 'call_out', text: 'お電話しました' }));
    const p1 = await value(
      backend.call('promises.create', { caseId: a.id, title: '連絡', dueAt: '2026-11-20T09:00:00.000Z' }),
    );
    await value(
      backend.call('promises.create', { caseId: a.id, title: '報告', dueAt: '2026-11-21T09:00:00.000Z' }),
    );
    await value(backend.call('promises.settle', { id: p1.promises[0]!.id, outcome: 'kept' }));
    await value(backend.call('promises.settle', { id: p1.promises[0]!.id + 1, outcome: 'broken' }));
    clock.set('2026-11-20T01:00:00.000Z');
    await value(backend.call('cases.move', { id: a.id, to: 'resolved' }));
    // The complainant of case a buys again a month later.
    await createDeal(backend, { orderedAt: '2026-12-20T03:00:00.000Z' });
    const stats = await value(backend.call('cases.stats', {}));
    expect(stats).toEqual({
      cases: 2,
      openCases: 2,
      firstResponse: { answered: 2, medianMinutes: 240, worstMinutes: 360 },
      firstResponseLate: 0,
      promises: { settled: 2, kept: 1, keptPercent: 50, overdue: 0 },
      resolution: { resolved: 1, medianHours: 24 },
      fanRate: { complainants: 1, boughtAgain: 1, percent: 100 },
    });
  });
});
