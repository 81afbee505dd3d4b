import { describe, expect, it } from 'vitest';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, dealInput, value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

describe('creating deals', () => {
  it('stores items, amounts, ship-to and a buyer, and plans the marketplace workflow', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      items: [
        { name: '文庫本セット', quantity: 2, unitPrice: 800 },
        { name: 'しおり', sku: 'BM-01', quantity: 3, unitPrice: 150 },
      ],
      shippingFee: 370,
    });
    expect(deal).toMatchObject({
      marketplace: 'yahoo_auction',
      state: 'open',
      itemsTotal: 2050,
      shippingFee: 370,
      total: 2420,
      itemSummary: '文庫本セット 他1点',
      shipTo: { postalCode: '1540015', phone: '09012345678', name: '山田 花子' },
      customer: { name: '山田 花子' },
    });
    expect(deal.items.map((i) => i.lineNo)).toEqual([1, 2]);
    // ヤフオク!: contact +24 h and payment +3 days from the order; shipping waits for payment.
    expect(deal.steps.map((s) => [s.kind, s.state, s.dueAt])).toEqual([
      ['contact', 'todo', '2026-11-19T03:00:00.000Z'],
      ['payment', 'todo', '2026-11-21T03:00:00.000Z'],
      ['shipping', 'todo', null],
      ['receipt', 'todo', null],
      ['rating', 'todo', null],
    ]);
    expect(deal.nextDueAt).toBe('2026-11-19T03:00:00.000Z');
  });

  it('leaves out steps the platform handles (メルカリ has no payment step)', async () => {
    const backend = await open();
    const deal = await createDeal(backend, { marketplace: 'mercari', externalId: 'm12345678901' });
    expect(deal.steps.map((s) => s.kind)).toEqual(['contact', 'shipping', 'receipt', 'rating']);
    expect(deal.steps.find((s) => s.kind === 'shipping')?.dueAt).toBe('2026-11-21T03:00:00.000Z');
  });

  it('keeps steps already done at entry and derives the next due times from them', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      completed: [
        { kind: 'contact', at: '2026-11-18T05:00:00.000Z' },
        { kind: 'payment', at: '2026-11-19T00:00:00.000Z' },
      ],
    });
    const shipping = deal.steps.find((s) => s.kind === 'shipping');
    expect(shipping?.dueAt).toBe('2026-11-21T00:00:00.000Z');
    expect(deal.steps.filter((s) => s.state === 'done').map((s) => s.kind)).toEqual(['contact', 'payment']);
  });

  it('refuses a duplicate order number for the same marketplace, field-level, writing nothing', async () => {
    const backend = await open();
    await createDeal(backend, { externalId: 'x999' });
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('deals.create', dealInput({ externalId: 'x999' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'externalId' }] },
    });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
    // The same number on another marketplace is a different deal.
    expect(
      (await backend.call('deals.create', dealInput({ externalId: 'x999', marketplace: 'base' }))).ok,
    ).toBe(true);
  });

  it.each([
    ['a negative price', { items: [{ name: 'x', quantity: 1, unitPrice: -1 }] }, 'items.0.unitPrice'],
    ['a fractional yen amount', { shippingFee: 10.5 }, 'shippingFee'],
    ['a huge amount', { fee: 1e15 }, 'fee'],
    ['no items', { items: [] }, 'items'],
    ['a six-digit postal code', { shipTo: { postalCode: '123-456' } }, 'shipTo.postalCode'],
    ['letters as a phone number', { shipTo: { phone: 'call me' } }, 'shipTo.phone'],
    ['a date that is not a date', { orderedAt: '2026-02-30 25:00' }, 'orderedAt'],
    ['an unknown marketplace', { marketplace: 'ebay' }, 'marketplace'],
    ['a 100,000-character note', { notes: 'あ'.repeat(100_000) }, 'notes'],
    ['an empty order number', { externalId: '   ' }, 'externalId'],
  ])('refuses %s with a field-level error and writes nothing', async (_name, patch, path) => {
    const backend = await open();
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.callUnknown('deals.create', { ...dealInput(), ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('refuses a step done before the order was placed', async () => {
    const backend = await open();
    const result = await backend.call(
      'deals.create',
      dealInput({ completed: [{ kind: 'payment', at: '2020-01-01T00:00:00Z' }] }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('links repeat buyers to one customer by phone number', async () => {
    const backend = await open();
    const a = await createDeal(backend);
    const b = await createDeal(backend, {
      marketplace: 'mercari',
      shipTo: { name: '山田花子', phone: '09012345678' },
    });
    expect(b.customer?.id).toBe(a.customer?.id);
  });
});

describe('steps', () => {
  it('records who completed a step and when, then schedules the dependent step', async () => {
    const clock = fakeClock('2026-11-19T01:00:00.000Z');
    const backend = await open({ clock });
    const mother = await value(backend.call('members.create', { name: '母', color: 'pink' }));
    const deal = await createDeal(backend);
    const after = await value(
      backend.call('steps.update', { dealId: deal.id, kind: 'payment', state: 'done' }),
    );
    const payment = after.steps.find((s) => s.kind === 'payment');
    expect(payment).toMatchObject({ state: 'done', doneBy: mother.id, doneAt: '2026-11-19T01:00:00.000Z' });
    expect(after.steps.find((s) => s.kind === 'shipping')?.dueAt).toBe('2026-11-21T01:00:00.000Z');

    // Undoing the payment takes the shipping deadline away again.
    const undone = await value(
      backend.call('steps.update', { dealId: deal.id, kind: 'payment', state: 'todo' }),
    );
    expect(undone.steps.find((s) => s.kind === 'shipping')?.dueAt).toBeNull();
  });

  it('keeps a due time set by hand when the rules would move it', async () => {
    const backend = await open();
    const deal = await createDeal(backend);
    await value(
      backend.call('steps.update', { dealId: deal.id, kind: 'shipping', dueAt: '2026-11-25T09:00:00.000Z' }),
    );
    const after = await value(
      backend.call('steps.update', { dealId: deal.id, kind: 'payment', state: 'done' }),
    );
    expect(after.steps.find((s) => s.kind === 'shipping')?.dueAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('flags overdue steps and closes the deal when every step is done or skipped', async () => {
    const clock = fakeClock('2026-11-25T00:00:00.000Z');
    const backend = await open({ clock });
    const deal = await createDeal(backend, { marketplace: 'amazon', externalId: '249-1234567-1234567' });
    expect(deal.steps).toHaveLength(1);
    expect(deal.overdue).toBe(true);
    expect(deal.steps[0]).toMatchObject({ kind: 'shipping', overdue: true });
    const done = await value(
      backend.call('steps.update', {
        dealId: deal.id,
        kind: 'shipping',
        state: 'done',
        carrier: 'yamato',
        trackingNumber: '1234-5678-9012',
      }),
    );
    expect(done).toMatchObject({ state: 'closed', overdue: false, nextDueAt: null });
    expect(done.steps[0]).toMatchObject({ carrier: 'yamato', trackingNumber: '1234-5678-9012' });
  });

  it('refuses a tracking number on a step other than shipping, and any change to an unknown member', async () => {
    const backend = await open();
    const deal = await createDeal(backend);
    expect(
      await backend.call('steps.update', { dealId: deal.id, kind: 'payment', trackingNumber: '1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await backend.call('steps.update', { dealId: deal.id, kind: 'payment', assigneeId: 77 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps a cancelled deal with its history, frozen until reopened', async () => {
    const backend = await open();
    const deal = await createDeal(backend);
    const cancelled = await value(backend.call('deals.cancel', { id: deal.id, reason: '落札者都合' }));
    expect(cancelled).toMatchObject({ state: 'cancelled', nextDueAt: null });
    expect(
      await backend.call('steps.update', { dealId: deal.id, kind: 'payment', state: 'done' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await value(backend.call('deals.reopen', { id: deal.id }))).state).toBe('open');
    const log = await value(backend.call('activity.list', {}));
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['deal.cancelled', 'deal.reopened', 'deal.created']),
    );
  });
});

describe('editing deals', () => {
  it('records which fields a member edited, so imports never overwrite them', async () => {
    const backend = await open();
    const deal = await createDeal(backend);
    const edited = await value(
      backend.call('deals.update', {
        id: deal.id,
        patch: { shipTo: { address2: 'コーポ桜202' }, shippingFee: 520, notes: '再送あり' },
      }),
    );
    expect(edited.editedFields).toEqual(['notes', 'shipTo.address2', 'shippingFee']);
    expect(edited.total).toBe(3200 + 520);
    expect(edited.shipTo.address2).toBe('コーポ桜202');
    expect(edited.shipTo.address1).toBe('世田谷区桜新町1-2-3');
  });
});
