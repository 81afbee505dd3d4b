import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

async function family(backend: Backend) {
  const mother = await value(backend.call('members.create', { name: '母', color: 'pink' }));
  const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
  return { mother, father };
}

describe('bulk actions', () => {
  it('marks many deals shipped with their own tracking numbers and says which were left alone', async () => {
    const backend = await open();
    await family(backend);
    const paid = await Promise.all(
      [1, 2, 3].map((n) =>
        createDeal(backend, {
          externalId: `x${n}`,
          completed: [{ kind: 'payment', at: '2026-11-18T04:00:00Z' }],
        }),
      ),
    );
    const unpaid = await createDeal(backend, { externalId: 'x4' });
    const cancelled = await createDeal(backend, { externalId: 'x5' });
    await value(backend.call('deals.cancel', { id: cancelled.id }));
    const ids = [...paid.map((d) => d.id), unpaid.id, cancelled.id, 999_999];

    const result = await value(
      backend.call('deals.bulk', {
        dealIds: ids,
        action: {
          type: 'markShipped',
          carrier: 'japanpost',
          tracking: Object.fromEntries(paid.map((d, i) => [String(d.id), `1234-5678-000${i}`])),
        },
      }),
    );
    // Shipping an unpaid deal is allowed (代引き, trusted buyers); cancelled and unknown deals are not touched.
    expect(result.updated).toBe(4);
    expect(result.skipped).toEqual([
      { dealId: cancelled.id, reason: 'cancelled' },
      { dealId: 999_999, reason: 'not_found' },
    ]);
    const first = await value(backend.call('deals.get', { id: paid[0]!.id }));
    expect(first.steps.find((s) => s.kind === 'shipping')).toMatchObject({
      state: 'done',
      carrier: 'japanpost',
      trackingNumber: '1234-5678-0000',
    });
    // Running it again changes nothing and says why.
    const again = await value(
      backend.call('deals.bulk', { dealIds: [paid[0]!.id], action: { type: 'markShipped' } }),
    );
    expect(again).toEqual({ updated: 0, skipped: [{ dealId: paid[0]!.id, reason: 'already_done' }] });
  });

  it('assigns a step kind to a member and tags deals, each change in the deal timeline', async () => {
    const backend = await open();
    const { father } = await family(backend);
    const a = await createDeal(backend, { externalId: 'a' });
    const m = await createDeal(backend, { externalId: 'm1', marketplace: 'mercari' });
    const assigned = await value(
      backend.call('deals.bulk', {
        dealIds: [a.id, m.id],
        action: { type: 'assign', kind: 'payment', assigneeId: father.id },
      }),
    );
    expect(assigned).toEqual({ updated: 1, skipped: [{ dealId: m.id, reason: 'no_payment_step' }] });
    await value(
      backend.call('deals.bulk', { dealIds: [a.id, m.id], action: { type: 'addTag', tag: '要注意' } }),
    );
    const page = await value(backend.call('deals.list', { filter: { tag: '要注意' } }));
    expect(page.total).toBe(2);
    const log = await value(backend.call('activity.list', { subject: { type: 'deal', id: a.id } }));
    expect(log.map((e) => e.action)).toEqual(['deal.tagged', 'step.updated', 'deal.created']);
  });

  it('refuses an archived member as assignee for the whole batch', async () => {
    const backend = await open();
    const { father } = await family(backend);
    const a = await createDeal(backend);
    await value(backend.call('members.archive', { id: father.id, archived: true }));
    expect(
      await backend.call('deals.bulk', {
        dealIds: [a.id],
        action: { type: 'assign', kind: 'payment', assigneeId: father.id },
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('deal list', () => {
  async function ledger(backend: Backend) {
    const { mother, father } = await family(backend);
    await value(backend.call('session.switch', { memberId: mother.id }));
    const awaitingPayment = await createDeal(backend, {
      externalId: 'x-pay',
      orderedAt: '2026-11-10T00:00:00Z',
    });
    const paid = await createDeal(backend, {
      externalId: 'x-ship',
      orderedAt: '2026-11-12T00:00:00Z',
      completed: [{ kind: 'payment', at: '2026-11-12T05:00:00Z' }],
      items: [{ name: '陶器のマグカップ 50%オフ', quantity: 1, unitPrice: 9800 }],
    });
    const mercari = await createDeal(backend, {
      externalId: 'm-1',
      marketplace: 'mercari',
      orderedAt: '2026-11-19T00:00:00Z',
      shipTo: { name: '佐藤 次郎', kana: 'サトウ ジロウ' },
    });
    await value(
      backend.call('steps.update', { dealId: awaitingPayment.id, kind: 'payment', assigneeId: mother.id }),
    );
    await value(backend.call('steps.update', { dealId: paid.id, kind: 'shipping', assigneeId: father.id }));
    return { mother, father, awaitingPayment, paid, mercari };
  }
  const ids = (page: { rows: { externalId: string }[] }) => page.rows.map((r) => r.externalId);

  it('offers the saved views 入金待ち, 発送待ち, 自分の担当 and 期限切れ', async () => {
    const backend = await open({ clock: fakeClock('2026-11-20T00:00:00Z') });
    await ledger(backend);
    expect(ids(await value(backend.call('deals.list', { filter: { view: 'awaiting_payment' } })))).toEqual([
      'x-pay',
    ]);
    expect(ids(await value(backend.call('deals.list', { filter: { view: 'awaiting_shipping' } })))).toEqual([
      'm-1',
      'x-ship',
    ]);
    expect(ids(await value(backend.call('deals.list', { filter: { view: 'mine' } })))).toEqual(['x-pay']);
    expect(ids(await value(backend.call('deals.list', { filter: { view: 'overdue' } })))).toEqual([
      'x-ship',
      'x-pay',
    ]);
  });

  it('filters by marketplace, date range, assignee and free text (wildcards taken literally)', async () => {
    const backend = await open({ clock: fakeClock('2026-11-20T00:00:00Z') });
    const { father } = await ledger(backend);
    expect(ids(await value(backend.call('deals.list', { filter: { marketplaces: ['mercari'] } })))).toEqual([
      'm-1',
    ]);
    expect(
      ids(
        await value(
          backend.call('deals.list', {
            filter: { orderedFrom: '2026-11-11T00:00:00Z', orderedTo: '2026-11-13T00:00:00Z' },
          }),
        ),
      ),
    ).toEqual(['x-ship']);
    expect(ids(await value(backend.call('deals.list', { filter: { assigneeId: father.id } })))).toEqual([
      'x-ship',
    ]);
    expect(ids(await value(backend.call('deals.list', { filter: { text: 'サトウ' } })))).toEqual(['m-1']);
    expect(ids(await value(backend.call('deals.list', { filter: { text: '50%' } })))).toEqual(['x-ship']);
    // A lone symbol has nothing searchable in it (the search index keeps letters and digits): no matches.
    expect(ids(await value(backend.call('deals.list', { filter: { text: '%' } })))).toEqual([]);
    for (const hostile of ["'; DROP TABLE deals; --", '"', '_', '\\', '🙂', 'x'.repeat(200)]) {
      expect((await backend.call('deals.list', { filter: { text: hostile } })).ok).toBe(true);
    }
  });

  it('filters open work nobody has taken, and answers "select all matching" with ids', async () => {
    const backend = await open({ clock: fakeClock('2026-11-20T00:00:00Z') });
    await ledger(backend);
    // x-pay: payment assigned, the rest of its steps not; m-1 and x-ship have unassigned open steps too.
    const unassigned = await value(backend.call('deals.list', { filter: { assigneeId: 'unassigned' } }));
    expect(ids(unassigned).sort()).toEqual(['m-1', 'x-pay', 'x-ship']);
    const all = await value(backend.call('deals.ids', { filter: {}, limit: 5_000 }));
    const listed = await value(backend.call('deals.list', {}));
    expect(all).toEqual({ ids: listed.rows.map((r) => r.id), more: false });
    const two = await value(backend.call('deals.ids', { filter: {}, limit: 2 }));
    expect(two).toEqual({ ids: listed.rows.slice(0, 2).map((r) => r.id), more: true });
    const mercari = await value(
      backend.call('deals.ids', {
        filter: { marketplaces: ['mercari'] },
        sort: { by: 'total', dir: 'asc' },
        limit: 10,
      }),
    );
    expect(mercari.ids).toEqual(listed.rows.filter((r) => r.marketplace === 'mercari').map((r) => r.id));
    for (const bad of [
      { limit: 0 },
      { limit: 5_001 },
      { limit: 1.5 },
      { limit: '10' },
      { limit: 10, filter: { assigneeId: 'nobody' } },
      { limit: 10, filter: { text: 'x'.repeat(201) } },
      { limit: 10, sort: { by: 'ordered_at', dir: 'desc' } },
      { limit: 10, extra: true },
    ]) {
      expect(await backend.callUnknown('deals.ids', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('counts up to 1,000 matches and says when there are more', async () => {
    const backend = await open({ clock: fakeClock('2026-11-20T00:00:00Z') });
    await value(backend.call('demo.seed', { deals: 1_050 }));
    const page = await value(backend.call('deals.list', { limit: 100 }));
    expect(page).toMatchObject({ total: 1_000, totalCapped: true });
    expect(page.rows).toHaveLength(100);
    // Pages past the count still come (the table grows as it is scrolled), and the end is a short page.
    const last = await value(backend.call('deals.list', { offset: 1_000, limit: 100 }));
    expect(last.rows).toHaveLength(50);
    const few = await value(backend.call('deals.list', { filter: { marketplaces: ['other'] } }));
    expect(few.totalCapped).toBe(false);
    expect(few.total).toBe(few.rows.length);
    const ids = await value(backend.call('deals.ids', { limit: 5_000 }));
    expect(ids).toMatchObject({ more: false });
    expect(ids.ids).toHaveLength(1_050);
  });

  it('gives the first item and the number of items for the screen to word, and the order number in step logs', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      externalId: 'x-items',
      items: [
        { name: '文庫本セット', quantity: 1, unitPrice: 800 },
        { name: 'しおり', quantity: 2, unitPrice: 100 },
        { name: 'ブックカバー', quantity: 1, unitPrice: 500 },
      ],
    });
    const [row] = (await value(backend.call('deals.list', {}))).rows;
    expect(row).toMatchObject({
      firstItemName: '文庫本セット',
      itemCount: 3,
      itemSummary: '文庫本セット 他2点',
    });
    await value(backend.call('steps.update', { dealId: deal.id, kind: 'payment', state: 'done' }));
    const [entry] = await value(backend.call('activity.list', { subject: { type: 'deal', id: deal.id } }));
    expect(entry).toMatchObject({ action: 'step.updated' });
    expect(JSON.stringify(entry)).toContain('x-items');
  });

  it('sorts by order time, amount and next due time, with paging and a total', async () => {
    const backend = await open({ clock: fakeClock('2026-11-20T00:00:00Z') });
    await ledger(backend);
    expect(ids(await value(backend.call('deals.list', {})))).toEqual(['m-1', 'x-ship', 'x-pay']);
    expect(ids(await value(backend.call('deals.list', { sort: { by: 'total', dir: 'desc' } })))[0]).toBe(
      'x-ship',
    );
    expect(ids(await value(backend.call('deals.list', { sort: { by: 'nextDue', dir: 'asc' } })))).toEqual([
      'x-pay',
      'x-ship',
      'm-1',
    ]);
    const page = await value(backend.call('deals.list', { offset: 1, limit: 1 }));
    expect(page).toMatchObject({ total: 3, rows: [{ externalId: 'x-ship' }] });
  });
});

describe('today', () => {
  it("shows the current member's overdue and due-today steps by Tokyo day, with counts and the family's load", async () => {
    // 2026-11-20 10:00 JST: the Tokyo day runs until 2026-11-20T15:00Z.
    const clock = fakeClock('2026-11-20T01:00:00Z');
    const backend = await open({ clock });
    const { mother, father } = await family(backend);
    const overdue = await createDeal(backend, { externalId: 'late', orderedAt: '2026-11-16T00:00:00Z' }); // payment due 11-19
    const today = await createDeal(backend, {
      externalId: 'today',
      orderedAt: '2026-11-19T12:00:00Z', // contact due 11-20 12:00Z
      items: [
        { name: '豆皿 藍', quantity: 2, unitPrice: 800 },
        { name: '箸置き', quantity: 1, unitPrice: 400 },
      ],
    });
    const tomorrow = await createDeal(backend, { externalId: 'later', orderedAt: '2026-11-20T00:30:00Z' }); // contact due 11-21 00:30Z
    await value(
      backend.call('deals.bulk', {
        dealIds: [overdue.id, today.id, tomorrow.id],
        action: { type: 'assign', kind: 'payment', assigneeId: mother.id },
      }),
    );
    await value(
      backend.call('deals.bulk', {
        dealIds: [overdue.id, today.id, tomorrow.id],
        action: { type: 'assign', kind: 'contact', assigneeId: mother.id },
      }),
    );
    await value(
      backend.call('steps.update', { dealId: tomorrow.id, kind: 'shipping', assigneeId: father.id }),
    );

    const view = await value(backend.call('today.get', { memberId: mother.id }));
    expect(view.overdue.map((t) => [t.externalId, t.kind])).toEqual([
      ['late', 'contact'],
      ['late', 'payment'],
    ]);
    expect(view.dueToday.map((t) => [t.externalId, t.kind])).toEqual([['today', 'contact']]);
    // The first item and the line count, so the task list words "他1点" / "and 1 more" per language.
    expect(view.dueToday[0]).toMatchObject({ firstItemName: '豆皿 藍', itemCount: 2 });
    expect(view.overdue[0]).toMatchObject({ firstItemName: '手編みのマフラー（青）', itemCount: 1 });
    expect(view.counts.contact).toEqual({ overdue: 1, today: 1 });
    expect(view.counts.payment).toEqual({ overdue: 1, today: 0 });
    expect(view.family.find((f) => f.memberId === mother.id)).toMatchObject({
      overdue: 2,
      today: 1,
      open: 6,
    });
    expect(view.family.find((f) => f.memberId === father.id)).toMatchObject({
      overdue: 0,
      today: 0,
      open: 1,
    });

    // Without a member given, it is the member using the app now.
    await value(backend.call('session.switch', { memberId: father.id }));
    expect((await value(backend.call('today.get', {}))).memberId).toBe(father.id);
  });
});
