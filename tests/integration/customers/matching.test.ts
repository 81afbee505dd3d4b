import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/contract';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

type DealOverrides = Partial<InputOf<'deals.create'>>;
const shipTo = (s: NonNullable<DealOverrides['shipTo']>) => ({ shipTo: s });

/**
 * Each case enters two deals the way a seller would (different marketplaces, years, spellings) and says
 * whether they must land on one customer. Conservative: a doubtful pair stays two customers.
 */
const cases: [string, DealOverrides, DealOverrides, boolean][] = [
  [
    'the same phone number written differently, name with and without a space',
    shipTo({ name: '山田 花子', phone: '090-1234-5678' }),
    { marketplace: 'mercari', ...shipTo({ name: '山田花子', phone: '０９０１２３４５６７８' }) },
    true,
  ],
  [
    'the same e-mail in another case, on another marketplace, with a nickname as the name',
    { buyer: { name: '山田 花子', email: 'Hanako.Yamada@example.jp' }, ...shipTo({ name: '山田 花子' }) },
    {
      marketplace: 'base',
      buyer: { name: 'はなちゃん', email: 'hanako.yamada@EXAMPLE.jp' },
      ...shipTo({ name: 'はなちゃん' }),
    },
    true,
  ],
  [
    'the same phone, the name in kana on one marketplace and kanji with its reading on the other',
    shipTo({ name: '山田 花子', kana: 'ヤマダ ハナコ', phone: '03-1234-5678' }),
    { marketplace: 'rakuten', ...shipTo({ name: 'ﾔﾏﾀﾞ ﾊﾅｺ 様', phone: '0312345678' }) },
    true,
  ],
  [
    'the same name and postal code (in another format), no phone or e-mail',
    shipTo({ name: '佐藤 一郎', postalCode: '154-0015', phone: undefined }),
    {
      marketplace: 'amazon',
      ...shipTo({ name: '佐藤一郎 様', postalCode: '〒１５４００１５', phone: undefined }),
    },
    true,
  ],
  [
    'the same Yahoo! ID, even under another name (a family account)',
    {
      buyer: { name: '田中 一郎', handle: 'tanaka_ichi' },
      ...shipTo({ name: '田中 一郎', phone: undefined }),
    },
    {
      buyer: { name: '田中 花', handle: 'TANAKA_ICHI' },
      ...shipTo({ name: '田中 花', phone: undefined, postalCode: '100-0001' }),
    },
    true,
  ],
  [
    'a shared landline but different names (husband and wife)',
    shipTo({ name: '鈴木 太郎', phone: '03-9876-5432' }),
    shipTo({ name: '鈴木 花子', phone: '03-9876-5432' }),
    false,
  ],
  [
    'the same メルカリ nickname (not an account id)',
    {
      marketplace: 'mercari',
      buyer: { name: '伊藤 愛', handle: 'あい' },
      ...shipTo({ name: '伊藤 愛', phone: undefined }),
    },
    {
      marketplace: 'mercari',
      buyer: { name: '中村 あい', handle: 'あい' },
      ...shipTo({ name: '中村 あい', phone: undefined, postalCode: '530-0001' }),
    },
    false,
  ],
  [
    'the same name at another postal code with no other identifier (moved? or a namesake)',
    shipTo({ name: '高橋 健', postalCode: '154-0015', phone: undefined }),
    shipTo({ name: '高橋 健', postalCode: '530-0001', phone: undefined }),
    false,
  ],
  [
    "a gift: the recipient's phone is not the buyer's",
    { buyer: { name: '小林 誠' }, ...shipTo({ name: '小林 由美', phone: '090-5555-0000' }) },
    shipTo({ name: '小林 由美', phone: '090-5555-0000' }),
    false,
  ],
];

describe('automatic customer matching', () => {
  it.each(cases)('%s', async (_name, first, second, same) => {
    const backend = await open();
    const a = await createDeal(backend, first);
    const b = await createDeal(backend, second);
    expect(a.customer).not.toBeNull();
    expect(b.customer).not.toBeNull();
    if (same) expect(b.customer!.id).toBe(a.customer!.id);
    else expect(b.customer!.id).not.toBe(a.customer!.id);
  });

  it('stores the name without the honorific and keeps every identifier seen', async () => {
    const backend = await open();
    const deal = await createDeal(backend, {
      buyer: { name: '山田 花子 様', kana: 'ヤマダ ハナコ', email: 'H@Example.JP', handle: 'hanako_y' },
      shipTo: { name: '山田 花子 様', postalCode: '154-0015', phone: '090-1234-5678' },
    });
    const customer = await value(backend.call('customers.get', { id: deal.customer!.id }));
    expect(customer).toMatchObject({ name: '山田 花子', email: 'h@example.jp', phone: '09012345678' });
    expect(customer.identities.map((i) => `${i.kind}:${i.display}`).sort()).toEqual([
      'email:h@example.jp',
      'name_postal:〒154-0015 やまだはなこ',
      'name_postal:〒154-0015 山田花子',
      'phone:090-1234-5678',
      'platform:hanako_y',
    ]);
  });

  it('lists a declined phone match as a possible duplicate, with the shared number', async () => {
    const backend = await open();
    const a = await createDeal(backend, shipTo({ name: '鈴木 太郎', phone: '03-9876-5432' }));
    const b = await createDeal(backend, shipTo({ name: '鈴木 花子', phone: '03-9876-5432' }));
    const pairs = await value(backend.call('customers.duplicates', {}));
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.a.id, pairs[0]!.b.id].sort()).toEqual([a.customer!.id, b.customer!.id].sort());
    expect(pairs[0]).toMatchObject({ reasons: ['phone'], shared: ['03-9876-5432'] });

    await value(backend.call('customers.dismissDuplicate', { aId: a.customer!.id, bId: b.customer!.id }));
    expect(await value(backend.call('customers.duplicates', {}))).toEqual([]);
  });

  it('proposes customers with the same rare name as duplicates, weakest reason last', async () => {
    const backend = await open();
    await createDeal(
      backend,
      shipTo({ name: '高橋 健', kana: 'タカハシ ケン', postalCode: '154-0015', phone: undefined }),
    );
    await createDeal(backend, shipTo({ name: '高橋 健', postalCode: '530-0001', phone: undefined }));
    const pairs = await value(backend.call('customers.duplicates', {}));
    expect(pairs.map((p) => p.reasons)).toEqual([['same_name']]);
  });
});

describe('merge and split', () => {
  async function twoCustomers() {
    const backend = await open();
    const keepDeals = [
      await createDeal(backend, {
        orderedAt: '2023-01-10T03:00:00Z',
        shipTo: { name: '山田 花子', phone: '090-1111-1111', postalCode: '154-0015' },
      }),
      await createDeal(backend, { shipTo: { name: '山田 花子', phone: '090-1111-1111' } }),
    ];
    const absorbDeals = [
      await createDeal(backend, {
        marketplace: 'rakuten',
        orderedAt: '2024-05-01T03:00:00Z',
        buyer: { name: 'ヤマダ ハナコ', email: 'hanako@example.jp' },
        shipTo: { name: 'ヤマダ ハナコ', phone: '080-2222-2222', postalCode: '530-0001' },
      }),
      await createDeal(backend, {
        marketplace: 'base',
        buyer: { name: 'ヤマダ ハナコ', email: 'hanako@example.jp' },
        shipTo: { name: 'ヤマダ ハナコ' },
      }),
    ];
    const keepId = keepDeals[0]!.customer!.id;
    const absorbId = absorbDeals[0]!.customer!.id;
    expect(absorbDeals[1]!.customer!.id).toBe(absorbId);
    expect(keepId).not.toBe(absorbId);
    await value(
      backend.call('customers.update', {
        id: absorbId,
        patch: { tags: ['VIP', 'ギフト多め'], notes: '箱は不要' },
      }),
    );
    await value(
      backend.call('customers.update', { id: keepId, patch: { tags: ['VIP'], notes: '丁寧な方' } }),
    );
    const wish = await value(
      backend.call('wishes.add', { customerId: absorbId, text: '青いマフラーの再入荷', wantsNotice: true }),
    );
    return { backend, keepId, absorbId, keepDeals, absorbDeals, wish };
  }

  it('moves deals, identities, tags and wishes to the survivor, and split moves exactly them back', async () => {
    const { backend, keepId, absorbId, keepDeals, absorbDeals, wish } = await twoCustomers();
    const before = {
      keep: await value(backend.call('customers.get', { id: keepId })),
      absorb: await value(backend.call('customers.get', { id: absorbId })),
    };

    const { merge, customer } = await value(backend.call('customers.merge', { keepId, absorbId }));
    expect(merge).toMatchObject({ keepId, absorbedId: absorbId, canSplit: true });
    expect(merge.moved).toEqual({
      deals: 2,
      identities: before.absorb.identities.length,
      tags: 1,
      wishes: 1,
    });
    expect(customer.deals.map((d) => d.id).sort()).toEqual(
      [...keepDeals, ...absorbDeals].map((d) => d.id).sort(),
    );
    expect(customer).toMatchObject({
      purchaseCount: 4,
      repeatCount: 3,
      marketplaces: ['yahoo_auction', 'rakuten', 'base'],
      email: 'hanako@example.jp',
      tags: ['VIP', 'ギフト多め'],
      notes: '丁寧な方\n\n箱は不要',
      firstPurchaseAt: '2023-01-10T03:00:00Z',
    });
    expect(customer.wishes.map((w) => w.id)).toEqual([wish.id]);
    // The absorbed customer stays, pointing at the survivor, and leaves the list.
    expect(await value(backend.call('customers.get', { id: absorbId }))).toMatchObject({
      mergedIntoId: keepId,
      deals: [],
    });
    const list = await value(backend.call('customers.list', {}));
    expect(list.rows.map((r) => r.id)).toEqual([keepId]);
    // The buyer's other e-mail now finds the survivor.
    const found = await value(backend.call('search.query', { text: 'HANAKO@example.jp' }));
    expect(found.hits[0]).toMatchObject({ type: 'customer', id: keepId, tier: 'exact', matchedOn: 'email' });

    // Something new after the merge stays with the survivor when it is split.
    const later = await createDeal(backend, {
      marketplace: 'base',
      buyer: { name: '山田 花子', email: 'hanako@example.jp' },
      shipTo: { name: '山田 花子' },
    });
    expect(later.customer!.id).toBe(keepId);

    const { kept, restored } = await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(restored.deals.map((d) => d.id).sort()).toEqual(absorbDeals.map((d) => d.id).sort());
    expect(kept.deals.map((d) => d.id).sort()).toEqual([...keepDeals, later].map((d) => d.id).sort());
    expect(restored).toMatchObject({
      mergedIntoId: null,
      tags: before.absorb.tags,
      notes: before.absorb.notes,
      purchaseCount: 2,
      lifetimeValue: before.absorb.lifetimeValue,
    });
    expect(restored.identities.map((i) => i.id).sort()).toEqual(
      before.absorb.identities.map((i) => i.id).sort(),
    );
    expect(restored.wishes.map((w) => w.id)).toEqual([wish.id]);
    expect(kept).toMatchObject({ email: null, notes: before.keep.notes, tags: ['VIP'] });
    expect(kept.merges[0]).toMatchObject({ id: merge.id, canSplit: false });
    expect(kept.merges[0]!.splitAt).not.toBeNull();
    // Split means "different people": not proposed as duplicates again.
    const pairs = await value(backend.call('customers.duplicates', {}));
    expect(pairs.filter((p) => [p.a.id, p.b.id].includes(absorbId))).toEqual([]);
    // Each customer's timeline tells the story.
    const timeline = await value(
      backend.call('activity.list', { subject: { type: 'customer', id: absorbId } }),
    );
    expect(timeline.map((a) => a.action)).toEqual(
      expect.arrayContaining(['customer.merged_into', 'customer.split', 'customer.wish_added']),
    );
  });

  it('splits a chain of merges only from the latest back', async () => {
    const { backend, keepId, absorbId } = await twoCustomers();
    const third = await createDeal(backend, { shipTo: { name: '別の 人', phone: '070-3333-3333' } });
    const first = await value(backend.call('customers.merge', { keepId, absorbId }));
    const second = await value(
      backend.call('customers.merge', { keepId: third.customer!.id, absorbId: keepId }),
    );
    expect(await value(backend.call('customers.get', { id: absorbId }))).toMatchObject({
      mergedIntoId: third.customer!.id,
    });
    const refused = await backend.call('customers.split', { mergeId: first.merge.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await value(backend.call('customers.split', { mergeId: second.merge.id }));
    const { restored } = await value(backend.call('customers.split', { mergeId: first.merge.id }));
    expect(restored.purchaseCount).toBe(2);
    expect((await value(backend.call('customers.get', { id: third.customer!.id }))).purchaseCount).toBe(1);
  });

  it.each([
    ['itself', (k: number) => ({ keepId: k, absorbId: k }), 'invalid_input'],
    ['an unknown customer', (k: number) => ({ keepId: k, absorbId: 999_999 }), 'not_found'],
  ])('refuses to merge a customer with %s', async (_name, input, code) => {
    const { backend, keepId } = await twoCustomers();
    expect(await backend.call('customers.merge', input(keepId))).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('refuses to merge, edit or split what was already merged or split', async () => {
    const { backend, keepId, absorbId } = await twoCustomers();
    const { merge } = await value(backend.call('customers.merge', { keepId, absorbId }));
    for (const [method, input] of [
      ['customers.merge', { keepId, absorbId }],
      ['customers.update', { id: absorbId, patch: { notes: 'x' } }],
      ['wishes.add', { customerId: absorbId, text: 'x' }],
    ] as const) {
      expect(await backend.callUnknown(method, input), method).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    }
    await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(await backend.call('customers.split', { mergeId: merge.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
