import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { codePointLength, personKey, searchKey } from '../../../shared/domain/search/key';
import { normalizePhone } from '../../../shared/domain/text/phone';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';

/**
 * Ctrl+K and the deals page's text filter read several words the same way: every word of three or more
 * characters in the deal's own text (order number, buyer handle, recipient, items), in any of its columns, or
 * every one in its buyer's (name, reading, contacts); shorter words, read together, start the buyer's name or
 * reading. Both are checked here against that rule written in plain JS over the ledger's rows.
 */
const open = useBackend();

interface Texts {
  customerId: number | null;
  /** Each searchable part of the deal as a key: a word never spans two parts. */
  own: string[];
  buyer: string[];
  buyerStarts: string[];
}

function ledgerTexts(backend: Backend): Map<number, Texts> {
  const raw = backend.db.raw;
  const rows = <T>(sql: string) => raw.prepare(sql).all() as T[];
  const contacts = new Map<number, string[]>();
  for (const i of rows<{ customer_id: number; kind: string; value: string }>(
    "SELECT customer_id, kind, value FROM customer_identities WHERE kind IN ('email', 'phone', 'platform')",
  )) {
    contacts.set(i.customer_id, [...(contacts.get(i.customer_id) ?? []), i.value]);
  }
  const texts = new Map<number, Texts>();
  type DealRow = Record<'external_id' | 'buyer_handle' | 'ship_name' | 'ship_kana', string | null> & {
    id: number;
    customer_id: number | null;
    name: string | null;
    name_kana: string | null;
    email: string | null;
    phone: string | null;
  };
  for (const d of rows<DealRow>(
    'SELECT d.id, d.customer_id, d.external_id, d.buyer_handle, d.ship_name, d.ship_kana, c.name, c.name_kana, c.email, c.phone FROM deals d LEFT JOIN customers c ON c.id = d.customer_id',
  )) {
    const names = [personKey(d.name), personKey(d.name_kana)].filter((k) => k !== '');
    texts.set(d.id, {
      customerId: d.customer_id,
      own: [
        searchKey(d.external_id ?? ''),
        searchKey(d.buyer_handle ?? ''),
        personKey(d.ship_name),
        personKey(d.ship_kana),
      ],
      buyer: [
        ...names,
        (d.email ?? '').toLowerCase(),
        d.phone ? normalizePhone(d.phone) : '',
        ...(d.customer_id === null ? [] : (contacts.get(d.customer_id) ?? [])),
      ],
      buyerStarts: names,
    });
  }
  for (const i of rows<{ deal_id: number; name: string }>('SELECT deal_id, name FROM deal_items')) {
    texts.get(i.deal_id)!.own.push(searchKey(i.name));
  }
  return texts;
}

/** The words of a query as the rule reads them (no order numbers or other identifiers in these queries). */
function words(text: string): { long: string[]; short: string[] } {
  const keys = text
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => searchKey(w))
    .filter((w) => w !== '');
  return {
    long: keys.filter((k) => codePointLength(k) >= 3),
    short: keys.filter((k) => codePointLength(k) < 3),
  };
}

const allIn = (parts: string[], keys: string[]) => keys.every((k) => parts.some((p) => p.includes(k)));

/**
 * Deals that have every word, by the rule alone. `shortAnywhere`: Ctrl+K also takes a short word found anywhere
 * in the deal or its buyer's name (it checks the newest hundred matches one by one; the deals page, which must
 * count every match, reads short words only as the start of the buyer's name, which an index answers).
 */
function dealsByRule(texts: Map<number, Texts>, text: string, shortAnywhere = false): number[] {
  const { long, short } = words(text);
  const start = short.join('');
  return [...texts]
    .filter(
      ([, t]) =>
        (allIn(t.own, long) || allIn(t.buyer, long)) &&
        (start === '' ||
          t.buyerStarts.some((k) => k.startsWith(start)) ||
          (shortAnywhere && allIn([...t.own, ...t.buyerStarts], short))),
    )
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

/**
 * A buyer with a deal to herself and a gift sent to someone else, that someone else as a buyer, and a
 * namesake. Each query below puts its words in different columns of these deals.
 */
async function ledger() {
  const backend = await open();
  const own = await createDeal(backend, {
    externalId: 'x200000001',
    buyer: { name: '山田 花子', kana: 'ヤマダ ハナコ', email: 'hanako@example.jp', handle: 'hanako_y' },
    items: [{ name: '手編みのマフラー（青）', quantity: 1, unitPrice: 3200 }],
    shipTo: { name: '山田 花子', kana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '154-0015' },
  });
  const gift = await createDeal(backend, {
    externalId: 'x200000002',
    buyer: { name: '山田 花子', kana: 'ヤマダ ハナコ', email: 'hanako@example.jp', handle: 'hanako_y' },
    items: [{ name: 'ウール マフラー 赤', quantity: 1, unitPrice: 2400 }],
    shipTo: { name: '佐藤 一郎', kana: 'サトウ イチロウ', phone: '080-2222-3333', postalCode: '060-0001' },
  });
  const ichiro = await createDeal(backend, {
    marketplace: 'mercari',
    externalId: 'm12345678901',
    items: [
      { name: 'カシミヤ マフラー グレー', quantity: 1, unitPrice: 8800 },
      { name: '文庫本セット', quantity: 1, unitPrice: 800 },
    ],
    shipTo: { name: '佐藤 一郎', kana: 'サトウ イチロウ', phone: '080-2222-3333', postalCode: '060-0001' },
  });
  const namesake = await createDeal(backend, {
    marketplace: 'rakuten',
    externalId: '318724-20261115-0000000009',
    items: [{ name: '木彫りの熊', quantity: 1, unitPrice: 5000 }],
    shipTo: { name: '山田 太郎', kana: 'ヤマダ タロウ', phone: '070-5555-6666', postalCode: '530-0001' },
  });
  expect(gift.customer!.id).toBe(own.customer!.id);
  expect(ichiro.customer!.id).not.toBe(own.customer!.id);
  return { backend, hanako: own.customer!.id, own, gift, ichiro, namesake };
}

async function lookup(backend: Backend, text: string) {
  const { hits } = await value(backend.call('search.query', { text, limit: 50 }));
  return {
    deals: hits.flatMap((h) => (h.type === 'deal' ? [h.id] : [])).sort((a, b) => a - b),
    customers: hits.flatMap((h) => (h.type === 'customer' ? [h.id] : [])),
  };
}

async function dealsPage(backend: Backend, text: string): Promise<number[]> {
  const page = await value(backend.call('deals.list', { filter: { text }, limit: 100 }));
  return page.rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Ctrl+K shows each deal the rule finds, itself or as its buyer's card, and nothing the rule does not. */
async function expectLookupFollowsRule(backend: Backend, texts: Map<number, Texts>, text: string) {
  const expected = dealsByRule(texts, text);
  const shown = await lookup(backend, text);
  for (const id of expected) {
    const buyer = texts.get(id)!.customerId;
    expect(
      shown.deals.includes(id) || (buyer !== null && shown.customers.includes(buyer)),
      `${text}: deal ${id}`,
    ).toBe(true);
  }
  const allowed = dealsByRule(texts, text, true);
  expect(
    shown.deals.filter((id) => !allowed.includes(id)),
    text,
  ).toEqual([]);
  return { expected, shown };
}

describe('several words over the columns of a deal', () => {
  it('finds a deal by its recipient reading and its items (「やまだ マフラー」), as the deals page does', async () => {
    const { backend, own, gift, ichiro } = await ledger();
    const texts = ledgerTexts(backend);
    // The rule itself: the reading is the recipient's, the scarf an item; the gift's recipient is 佐藤.
    expect(dealsByRule(texts, 'やまだ マフラー')).toEqual([own.id]);
    expect(dealsByRule(texts, 'さとう マフラー')).toEqual([gift.id, ichiro.id]);
    for (const text of ['やまだ マフラー', 'マフラー やまだ', 'ﾔﾏﾀﾞ　まふらー', 'さとう マフラー']) {
      const { expected, shown } = await expectLookupFollowsRule(backend, texts, text);
      expect(shown.deals, text).toEqual(expected);
      expect(await dealsPage(backend, text), text).toEqual(expected);
    }
    const hit = (await value(backend.call('search.query', { text: 'やまだ マフラー' }))).hits[0];
    expect(hit).toMatchObject({ type: 'deal', id: own.id, tier: 'text', matchedOn: 'other' });
  });

  it('reads the recipient, an item and the order number together, with short words as the buyer', async () => {
    const { backend, gift, ichiro } = await ledger();
    const texts = ledgerTexts(backend);
    const cases: [string, number[]][] = [
      ['イチロウ 文庫本', [ichiro.id]],
      ['20000 ウール サトウ', [gift.id]], // part of the order number, an item word, the recipient
      ['12345678901 カシミヤ', [ichiro.id]],
      ['山田 サトウ マフラー', [gift.id]], // 山田's gift to 佐藤: buyer by its start, recipient and item
      ['山田 サトウ カシミヤ', []], // 佐藤's own cashmere scarf: the buyer does not start with 山田
    ];
    for (const [text, ids] of cases) {
      expect(dealsByRule(texts, text), text).toEqual(ids);
      const { shown } = await expectLookupFollowsRule(backend, texts, text);
      expect(shown.deals, text).toEqual(ids);
      expect(await dealsPage(backend, text), text).toEqual(ids);
    }
  });

  it("shows the buyer's card, not every deal of hers, when the words are all hers too", async () => {
    const { backend, hanako, own, gift } = await ledger();
    const texts = ledgerTexts(backend);
    // Her handle is in every deal of hers and her reading in the one to herself; both are in her contacts.
    const text = 'hanako_y やまだ';
    expect(dealsByRule(texts, text)).toEqual([own.id, gift.id]);
    const { shown } = await expectLookupFollowsRule(backend, texts, text);
    expect(shown).toEqual({ deals: [], customers: [hanako] });
    expect(await dealsPage(backend, text)).toEqual([own.id, gift.id]);
  });

  it('reads short words anywhere in the newest matches; the deals page as the start of the buyer', async () => {
    const { backend, gift, namesake } = await ledger();
    const texts = ledgerTexts(backend);
    for (const [text, id] of [
      ['赤 マフラー', gift.id], // 赤 is in the gift's item, no buyer's name starts with it
      ['やまだ 熊', namesake.id], // 熊 is in 太郎's item
    ] as const) {
      expect(dealsByRule(texts, text), text).toEqual([]);
      expect(dealsByRule(texts, text, true), text).toEqual([id]);
      expect((await lookup(backend, text)).deals, text).toEqual([id]);
      expect(await dealsPage(backend, text), text).toEqual([]);
    }
  });

  it.each(
    [
      '"やまだ" マフラー',
      'やまだ NEAR(マフラー)',
      'やまだ* マフラー*',
      '] やまだ [ マフラー',
      'やまだ OR マフラー',
      "やまだ' OR 1=1 -- マフラー",
      '🙂🙂🙂 マフラー',
      'やまだ🙂 マフラー',
      `やまだ ${'マフラー'.repeat(30)}`,
      Array.from({ length: 25 }, (_, i) => `語${i}`).join(' '), // 15 long words and a start of 10
      `やまだ ${'🙂'.repeat(10_000)}`,
    ].map((text) => [text.length > 40 ? `${text.slice(0, 12)}… (${text.length} UTF-16 units)` : text, text]),
  )('reads %s as text over the columns, writes nothing', async (_label, text) => {
    const { backend } = await ledger();
    const texts = ledgerTexts(backend);
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('search.query', { text });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    // None of these is in the ledger as typed (a scanned paste finds no identifier either).
    expect(dealsByRule(texts, text)).toEqual([]);
    expect(result.ok && result.value.hits).toEqual([]);
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});
