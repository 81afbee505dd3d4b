import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { seedDemoData } from '../../../electron/backend/demo/seed';
import { rebuildSearchIndex, reindexDeals } from '../../../electron/backend/search/reindex';
import type { SearchHitDto } from '../../../shared/contract';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

async function find(backend: Backend, text: string, limit?: number) {
  return value(backend.call('search.query', limit === undefined ? { text } : { text, limit }));
}
const label = (h: SearchHitDto) =>
  h.type === 'customer'
    ? `customer:${h.customer.name}`
    : h.type === 'case'
      ? `case:${h.case.summary}`
      : `deal:${h.deal.externalId}`;

/** A small ledger: a repeat buyer across two marketplaces and years, a namesake, and a shipped deal. */
async function ledger() {
  const backend = await open();
  const old = await createDeal(backend, {
    externalId: 'x100000001',
    orderedAt: '2024-02-01T03:00:00Z',
    buyer: { name: '山田 花子', kana: 'ヤマダ ハナコ', email: 'hanako@example.jp', handle: 'hanako_y' },
    items: [{ name: '手編みのマフラー（青）', quantity: 1, unitPrice: 3200 }],
    shipTo: { name: '山田 花子', phone: '090-1234-5678', postalCode: '154-0015' },
  });
  const recent = await createDeal(backend, {
    marketplace: 'rakuten',
    externalId: '318724-20261115-0000000001',
    orderedAt: '2026-11-15T03:00:00Z',
    items: [
      { name: 'カシミヤ マフラー グレー', quantity: 1, unitPrice: 8800 },
      { name: 'ギフト包装', quantity: 1, unitPrice: 300 },
    ],
    shipTo: { name: 'ヤマダ ハナコ', phone: '09012345678', postalCode: '1540015' },
  });
  await value(
    backend.call('steps.update', {
      dealId: recent.id,
      kind: 'shipping',
      state: 'done',
      carrier: 'yamato',
      trackingNumber: '4321-8765-0012',
    }),
  );
  const namesake = await createDeal(backend, {
    marketplace: 'mercari',
    externalId: 'm12345678901',
    orderedAt: '2026-10-01T03:00:00Z',
    items: [{ name: '文庫本セット', quantity: 1, unitPrice: 800 }],
    shipTo: { name: '山田 太郎', phone: '080-9999-0000', postalCode: '530-0001' },
  });
  expect(recent.customer!.id).toBe(old.customer!.id);
  return { backend, hanako: old.customer!.id, taro: namesake.customer!.id, old, recent, namesake };
}

describe('quick lookup', () => {
  it('answers "まだ？" from a phone number in any format: the buyer, the last deal, shipped with tracking', async () => {
    const { backend, hanako, recent } = await ledger();
    for (const text of ['090-1234-5678', '０９０１２３４５６７８', '+81 90 1234 5678', '090 1234 5678']) {
      const { hits } = await find(backend, text);
      expect(hits[0], text).toMatchObject({
        type: 'customer',
        id: hanako,
        tier: 'exact',
        matchedOn: 'phone',
      });
      const card = hits[0]!.type === 'customer' ? hits[0]!.customer : null;
      expect(card).toMatchObject({
        name: '山田 花子',
        kana: 'ヤマダ ハナコ',
        purchaseCount: 2,
        isRepeat: true,
      });
      expect(card!.lastDeal).toMatchObject({
        id: recent.id,
        marketplace: 'rakuten',
        itemSummary: 'カシミヤ マフラー グレー 他1点',
      });
      expect(card!.lastDeal!.steps.find((s) => s.kind === 'shipping')).toMatchObject({
        state: 'done',
        carrier: 'yamato',
        trackingNumber: '4321-8765-0012',
      });
    }
  });

  it.each([
    ['an e-mail in capitals', 'HANAKO@EXAMPLE.JP', 'customer:山田 花子', 'exact', 'email'],
    ['a Yahoo! ID', 'Hanako_Y', 'customer:山田 花子', 'exact', 'platformId'],
    ['a postal code with the name', '〒154-0015 山田花子', 'customer:山田 花子', 'exact', 'postalCode'],
    ['an order number in full width', 'ｘ１０００００００１', 'deal:x100000001', 'exact', 'orderNumber'],
    [
      'an Amazon-style order number without hyphens',
      '318724202611150000000001',
      'deal:318724-20261115-0000000001',
      'exact',
      'orderNumber',
    ],
    [
      'a tracking number with hyphens',
      '4321-8765-0012',
      'deal:318724-20261115-0000000001',
      'exact',
      'trackingNumber',
    ],
    [
      'a tracking number without',
      '432187650012',
      'deal:318724-20261115-0000000001',
      'exact',
      'trackingNumber',
    ],
    ['a name in katakana', 'ヤマダハナコ', 'customer:山田 花子', 'name', 'kana'],
    ['a name in half-width kana with a space', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'customer:山田 花子', 'name', 'kana'],
    ['a name with 様', '山田花子様', 'customer:山田 花子', 'name', 'name'],
    ['part of an order number', '20261115', 'deal:318724-20261115-0000000001', 'text', 'orderNumber'],
    ['an item name', 'カシミヤ', 'deal:318724-20261115-0000000001', 'text', 'item'],
    ['an item name in hiragana', 'まふらー', 'deal:318724-20261115-0000000001', 'text', 'item'],
  ])('finds by %s (%j)', async (_name, text, expected, tier, matchedOn) => {
    const { backend } = await ledger();
    const { hits } = await find(backend, text);
    expect(hits.length, text).toBeGreaterThan(0);
    expect(label(hits[0]!)).toBe(expected);
    expect(hits[0]).toMatchObject({ tier, matchedOn });
  });

  it('ranks exact identifiers first, then customers by name, then deals', async () => {
    const { backend } = await ledger();
    // "山田" is two characters: names that start with it (the short path), both customers.
    const short = await find(backend, '山田');
    expect(short.hits.map(label).sort()).toEqual(['customer:山田 太郎', 'customer:山田 花子']);
    expect(short.hits.every((h) => h.tier === 'name')).toBe(true);
    // "マフラー" names items of two deals of one buyer: deals, newest first.
    const items = await find(backend, 'マフラー');
    expect(items.hits.map(label)).toEqual(['deal:318724-20261115-0000000001', 'deal:x100000001']);
    // A postal code alone lists who lives there (not one person, so not "exact").
    const postal = await find(backend, '154-0015');
    expect(postal.hits.map(label)).toEqual(['customer:山田 花子']);
    expect(postal.hits[0]).toMatchObject({ tier: 'name', matchedOn: 'postalCode' });
  });

  it("marks a deal hit with its buyer's tags, so earlier trouble shows without opening it", async () => {
    const { backend, hanako, taro } = await ledger();
    await value(backend.call('customers.update', { id: hanako, patch: { tags: ['要注意', 'VIP'] } }));
    const byTracking = await find(backend, '432187650012');
    expect(byTracking.hits[0]).toMatchObject({ type: 'deal', tier: 'exact', buyerTags: ['VIP', '要注意'] });
    // Another buyer's deal carries that buyer's tags only (none here).
    const other = await find(backend, 'm12345678901');
    expect(other.hits[0]).toMatchObject({ type: 'deal', buyerTags: [] });
    expect(other.hits[0]!.type === 'deal' && other.hits[0]!.deal.customerId).toBe(taro);
    // Text hits too: both of 花子's scarf deals carry her tags.
    const items = await find(backend, 'マフラー');
    expect(items.hits.map((h) => (h.type === 'deal' ? h.buyerTags : null))).toEqual([
      ['VIP', '要注意'],
      ['VIP', '要注意'],
    ]);
  });

  it('does not bury a customer under their own deals found by the same name', async () => {
    const { backend } = await ledger();
    const { hits } = await find(backend, 'やまだはなこ');
    expect(hits.map(label)).toEqual(['customer:山田 花子']);
  });

  it('finds words anywhere in one deal ("山田 マフラー")', async () => {
    const { backend } = await ledger();
    const { hits } = await find(backend, '山田 マフラー');
    expect(hits.map(label).sort()).toEqual(['deal:318724-20261115-0000000001', 'deal:x100000001']);
  });

  it("finds 山田's scarves behind more than a page of newer scarves of another buyer", async () => {
    const { backend } = await ledger();
    for (let i = 0; i < 105; i++) {
      await createDeal(backend, {
        externalId: `s${200000000 + i}`,
        orderedAt: '2026-11-16T03:00:00Z',
        items: [{ name: 'ウール マフラー 赤', quantity: 1, unitPrice: 2400 }],
        shipTo: { name: '佐藤 一郎', phone: '080-2222-3333', postalCode: '060-0001' },
      });
    }
    const { hits, hasMore } = await find(backend, '山田 マフラー');
    expect(hits.map(label).sort()).toEqual(['deal:318724-20261115-0000000001', 'deal:x100000001']);
    expect(hasMore).toBe(true);
    // Read as the start of the buyer's name (やまだ) or anywhere in the deal (赤 in 佐藤's items).
    expect((await find(backend, 'ヤマ ﾏﾌﾗｰ')).hits.map(label).sort()).toEqual([
      'deal:318724-20261115-0000000001',
      'deal:x100000001',
    ]);
    const red = await find(backend, '赤 マフラー', 50);
    expect(red.hits).toHaveLength(50);
    expect(red.hasMore).toBe(true);
    expect(red.hits.every((h) => h.type === 'deal' && h.deal.externalId.startsWith('s2'))).toBe(true);
  });

  it('finds one- and two-character names by their start, and exact short order numbers', async () => {
    const { backend } = await ledger();
    const b = await createDeal(backend, { marketplace: 'base', externalId: '42', shipTo: { name: '岡 京' } });
    expect((await find(backend, '岡')).hits.map(label)).toEqual(['customer:岡 京']);
    expect((await find(backend, 'おか')).hits).toEqual([]); // no reading given for 岡 京
    expect((await find(backend, '42')).hits[0]).toMatchObject({ type: 'deal', id: b.id, tier: 'exact' });
  });

  it('reads a pasted buyer message for the order number in it', async () => {
    const { backend } = await ledger();
    const message = `${'いつもお世話になっております。'.repeat(10)}注文番号 x100000001 の商品がまだ届きません。`;
    const result = await find(backend, message);
    expect(result.scanned).toBe(true);
    expect(result.hits.map(label)).toEqual(['deal:x100000001']);
  });

  it.each([
    '"',
    '""',
    '*',
    'NEAR(a b)',
    'NEAR',
    ')',
    '(',
    'AND',
    'OR',
    'NOT',
    '^',
    ':',
    'a:b',
    'やまだ OR 1',
    '山田" OR "1',
    "'; DROP TABLE deals; --",
    '%',
    '_',
    '\\',
    '🙂',
    '🙂🙂🙂',
    '山田🙂',
    '\u0000',
    ' ',
    '',
    'x'.repeat(10_000),
    '山'.repeat(10_000),
    '🙂'.repeat(10_000),
  ])('answers hostile input %j with no error and writes nothing', async (text) => {
    const { backend } = await ledger();
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('search.query', { text });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      // Syntax is text: none of these strings is in the ledger.
      expect(result.value.hits.filter((h) => h.tier === 'exact')).toEqual([]);
    }
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('treats search syntax as text when it is in the ledger', async () => {
    const backend = await open();
    await createDeal(backend, {
      items: [{ name: 'NEAR(限定) "特価" AND/OR *', quantity: 1, unitPrice: 100 }],
    });
    expect((await find(backend, 'near(限定')).hits).toHaveLength(1);
    expect((await find(backend, '"特価"')).hits).toHaveLength(1);
    expect((await find(backend, 'and/or *')).hits).toHaveLength(1);
  });

  it('says when more matched than it returned', async () => {
    const { backend } = await ledger();
    const result = await find(backend, 'マフラー', 1);
    expect(result.hits).toHaveLength(1);
    expect(result.hasMore).toBe(true);
  });
});

describe('the index follows every change', () => {
  it('through deal edits, cancellations, tracking numbers and customer edits', async () => {
    const { backend, hanako, old, recent } = await ledger();
    await value(
      backend.call('deals.update', {
        id: old.id,
        patch: { items: [{ name: '木彫りの熊', quantity: 1, unitPrice: 5000 }] },
      }),
    );
    expect((await find(backend, '木彫り')).hits.map(label)).toEqual(['deal:x100000001']);
    expect((await find(backend, '手編み')).hits).toEqual([]);

    await value(
      backend.call('steps.update', { dealId: recent.id, kind: 'shipping', trackingNumber: '9999-0000-1111' }),
    );
    expect((await find(backend, '999900001111')).hits[0]).toMatchObject({ id: recent.id, tier: 'exact' });
    expect((await find(backend, '432187650012')).hits).toEqual([]);

    const before = await value(backend.call('customers.get', { id: hanako }));
    await value(backend.call('deals.cancel', { id: recent.id }));
    const after = await value(backend.call('customers.get', { id: hanako }));
    expect(after.lifetimeValue).toBe(before.lifetimeValue - recent.total);
    expect(after).toMatchObject({ purchaseCount: 1, cancelledCount: 1, dealCount: 2, isRepeat: false });

    await value(
      backend.call('customers.update', { id: hanako, patch: { name: '山田 華子', kana: 'ヤマダ ハナ' } }),
    );
    expect((await find(backend, '山田華子')).hits.map(label)).toContain('customer:山田 華子');
    expect((await find(backend, 'やまだはなこ')).hits.filter((h) => h.type === 'customer')).toEqual([]);
  });

  it('moves figures when a deal moves to another customer', async () => {
    const { backend, hanako, taro, old } = await ledger();
    await value(backend.call('deals.update', { id: old.id, patch: { customerId: taro } }));
    expect((await value(backend.call('customers.get', { id: hanako }))).purchaseCount).toBe(1);
    expect((await value(backend.call('customers.get', { id: taro }))).purchaseCount).toBe(2);
  });

  it('reindexDeals removes deals that no longer exist and corrects their customer', async () => {
    const { backend, hanako, recent } = await ledger();
    backend.db.raw.prepare('DELETE FROM deals WHERE id = ?').run(recent.id);
    reindexDeals(backend.db, [recent.id]);
    expect((await find(backend, 'カシミヤ')).hits).toEqual([]);
    expect((await value(backend.call('customers.get', { id: hanako }))).purchaseCount).toBe(1);
  });

  it('rebuildSearchIndex makes rows written below the services searchable, and can run again', async () => {
    const backend = await open();
    const report = seedDemoData(backend.db, { deals: 300, now: new Date('2026-11-20T00:00:00Z'), seed: 7 });
    // Written below the services, as an import or an old version would: no identities, no index entry.
    const raw = backend.db.raw;
    const { lastInsertRowid: customerId } = raw
      .prepare(
        "INSERT INTO customers (name, name_kana, email, phone, postal_code, notes, created_at, updated_at) VALUES ('森 みどり', 'モリ ミドリ', 'midori@example.jp', '09088887777', '9800001', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO deals (marketplace, external_id, ordered_at, customer_id, state, total, buyer_handle, created_at, updated_at) VALUES ('yahoo_auction', 'z999999999', '2026-01-01T00:00:00Z', ?, 'closed', 1200, 'midori_m', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      )
      .run(customerId);
    expect((await find(backend, 'もりみどり')).hits).toEqual([]);

    const first = rebuildSearchIndex(backend.db);
    expect(first).toMatchObject({ deals: 301, customers: report.customers + 1, identitiesAdded: 5 });
    const again = rebuildSearchIndex(backend.db);
    expect(again).toMatchObject({ deals: 301, customers: report.customers + 1, identitiesAdded: 0 });

    expect((await find(backend, 'もりみどり')).hits.map(label)).toEqual(['customer:森 みどり']);
    expect((await find(backend, 'midori_m')).hits[0]).toMatchObject({
      tier: 'exact',
      matchedOn: 'platformId',
    });
    expect((await find(backend, 'z999999999')).hits[0]).toMatchObject({ type: 'deal', tier: 'exact' });
    const page = await value(
      backend.call('customers.list', { sort: { by: 'lifetimeValue', dir: 'desc' }, limit: 5 }),
    );
    expect(page.total).toBe(report.customers + 1);
    const top = page.rows[0]!;
    expect((await find(backend, top.name)).hits.map((h) => h.id)).toContain(top.id);
  });
});

describe('customers list and page', () => {
  it('sorts by last purchase, lifetime value, repeat count and reading, and filters', async () => {
    const { backend, hanako, taro } = await ledger();
    const once = await createDeal(backend, {
      marketplace: 'base',
      orderedAt: '2025-01-01T00:00:00Z',
      items: [{ name: '高い壺', quantity: 1, unitPrice: 90_000 }],
      shipTo: { name: '青木 あおい', kana: 'アオキ アオイ', phone: '070-1111-2222' },
    });
    const aoi = once.customer!.id;
    await value(backend.call('customers.update', { id: aoi, patch: { tags: ['VIP'] } }));
    const ids = async (input: Parameters<Backend['call']>[1]) =>
      (await value(backend.call('customers.list', input as never))).rows.map((r) => r.id);

    expect(await ids({ sort: { by: 'lastPurchase', dir: 'desc' } })).toEqual([hanako, taro, aoi]);
    expect(await ids({ sort: { by: 'lifetimeValue', dir: 'desc' } })).toEqual([aoi, hanako, taro]);
    expect((await ids({ sort: { by: 'repeatCount', dir: 'desc' } }))[0]).toBe(hanako);
    // By reading: あおき…, やまだ…; 山田 太郎 has no reading recorded and sorts by his name, after kana.
    expect(await ids({ sort: { by: 'name', dir: 'asc' } })).toEqual([aoi, hanako, taro]);
    expect(await ids({ filter: { tag: 'VIP' } })).toEqual([aoi]);
    expect(await ids({ filter: { marketplace: 'rakuten' } })).toEqual([hanako]);
    expect(await ids({ filter: { repeatOnly: true } })).toEqual([hanako]);
    expect(await ids({ filter: { text: 'やまだ' } })).toEqual([hanako]); // 山田 太郎's reading is not known
    expect((await ids({ filter: { text: '山田' } })).sort()).toEqual([hanako, taro].sort());
    expect(await ids({ filter: { text: '青' } })).toEqual([aoi]);
    const page = await value(backend.call('customers.list', { filter: { repeatOnly: true } }));
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      isRepeat: true,
      repeatCount: 1,
      marketplaces: ['yahoo_auction', 'rakuten'],
    });
  });

  it.each(['"', 'NEAR(a b)', '*', 'a:b', ')', '🙂', '猫', 'x'.repeat(200)])(
    'filters the list by hostile text %j without an error',
    async (text) => {
      const { backend } = await ledger();
      const page = await value(backend.call('customers.list', { filter: { text } }));
      expect(page.rows).toEqual([]);
      expect(page.total).toBe(0);
    },
  );

  it('shows every deal however old, the figures, wishes, and tags', async () => {
    const { backend, hanako, old } = await ledger();
    const customer = await value(backend.call('customers.get', { id: hanako }));
    expect(customer.deals.map((d) => d.externalId)).toEqual(['318724-20261115-0000000001', 'x100000001']);
    expect(customer.deals[1]!.orderedAt).toBe('2024-02-01T03:00:00Z'); // far beyond 120 days
    expect(customer).toMatchObject({
      purchaseCount: 2,
      repeatCount: 1,
      lifetimeValue: old.total + 8800 + 300 + 230,
      firstPurchaseAt: '2024-02-01T03:00:00Z',
      lastPurchaseAt: '2026-11-15T03:00:00Z',
    });

    const wish = await value(
      backend.call('wishes.add', { customerId: hanako, text: '青いのが欲しい', wantsNotice: true }),
    );
    expect(wish).toMatchObject({ wantsNotice: true, doneAt: null });
    const done = await value(backend.call('wishes.update', { id: wish.id, done: true }));
    expect(done.doneAt).not.toBeNull();
    await value(backend.call('wishes.add', { customerId: hanako, text: '次は赤' }));
    const page = await value(backend.call('customers.get', { id: hanako }));
    expect(page.wishes.map((w) => w.text)).toEqual(['次は赤', '青いのが欲しい']);
    expect(page.openWishCount).toBe(1);
    await value(backend.call('wishes.remove', { id: wish.id }));
    expect((await value(backend.call('customers.get', { id: hanako }))).wishes).toHaveLength(1);

    await value(backend.call('customers.update', { id: hanako, patch: { tags: ['VIP', '要注意'] } }));
    expect((await value(backend.call('customers.get', { id: hanako }))).tags).toEqual(['VIP', '要注意']);
  });

  it('records a contact a member enters as an identity, and lets a wrong one be removed', async () => {
    const { backend, hanako, taro } = await ledger();
    await value(backend.call('customers.update', { id: taro, patch: { email: 'Taro@Example.jp' } }));
    expect((await find(backend, 'taro@example.jp')).hits[0]).toMatchObject({ id: taro, tier: 'exact' });
    const c = await value(backend.call('customers.get', { id: hanako }));
    const phone = c.identities.find((i) => i.kind === 'phone')!;
    await value(backend.call('customers.removeIdentity', { customerId: hanako, identityId: phone.id }));
    await value(backend.call('customers.update', { id: hanako, patch: { phone: '' } }));
    expect((await find(backend, '09012345678')).hits.filter((h) => h.tier === 'exact')).toEqual([]);
  });

  it.each([
    ['customers.get', { id: 999_999 }, 'not_found'],
    ['customers.update', { id: 999_999, patch: { notes: 'x' } }, 'not_found'],
    ['wishes.add', { customerId: 999_999, text: 'x' }, 'not_found'],
    ['wishes.update', { id: 999_999, done: true }, 'not_found'],
    ['customers.split', { mergeId: 999_999 }, 'not_found'],
    ['customers.update', { id: 1, patch: { postalCode: '123-45' } }, 'invalid_input'],
    ['customers.update', { id: 1, patch: { email: 'not-an-email' } }, 'invalid_input'],
    ['wishes.add', { customerId: 1, text: '' }, 'invalid_input'],
  ])('%s refuses %j (%s) and writes nothing', async (method, input, code) => {
    const { backend } = await ledger();
    const before = databaseChecksum(backend.dbPath);
    expect(await backend.callUnknown(method, input)).toMatchObject({ ok: false, error: { code } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});
