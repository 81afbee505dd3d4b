import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { reindexDeals } from '../../../electron/backend/search/reindex';
import { codePointLength, personKey, searchKey } from '../../../shared/domain/search/key';
import type { DealFilter, InputOf } from '../../../shared/contract';
import { createDeal, value } from '../../support/deals';
import { fakeClock } from '../../support/temp';

/**
 * Past 1,000 matches the deals page changes how it reads a page (electron/backend/deals/list.ts: walks
 * of the sort's index, tag and step filters probed or joined, a date range by next due in two parts, a
 * short text sorted rather than walked). Every one of those must give exactly the rows, order, paging
 * and capped count of the plain query, which is what these compare against: the same filter written
 * as one unoptimised SQL statement over a ledger of several thousand demo deals.
 */
type Sort = NonNullable<InputOf<'deals.list'>['sort']>;

const SORTS: [Sort, string][] = [
  [{ by: 'orderedAt', dir: 'desc' }, 'd.ordered_at DESC, d.id DESC'],
  [{ by: 'orderedAt', dir: 'asc' }, 'd.ordered_at ASC, d.id ASC'],
  [{ by: 'total', dir: 'desc' }, 'd.total DESC, d.id DESC'],
  [{ by: 'nextDue', dir: 'asc' }, 'd.next_due_at IS NULL, d.next_due_at ASC, d.id'],
  [{ by: 'nextDue', dir: 'desc' }, 'd.next_due_at IS NULL, d.next_due_at DESC, d.id'],
];

const RANGE = { orderedFrom: '2026-01-01T00:00:00.000Z', orderedTo: '2026-12-01T00:00:00.000Z' };
const IN_RANGE = `d.ordered_at >= '${RANGE.orderedFrom}' AND d.ordered_at < '${RANGE.orderedTo}'`;
const TAGGED = (tag: string) => `d.id IN (SELECT deal_id FROM deal_tags WHERE tag = '${tag}')`;
const STEP = (kind: string, state: string) =>
  `d.id IN (SELECT deal_id FROM deal_steps WHERE kind = '${kind}' AND state = '${state}')`;

let dir: string;
let backend: Backend;
/** The buyer given many deals, and the key a two-character text filter finds them by. */
let buyerKey: string;
/** That buyer's whole name as a search key. */
let buyerName: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-test-'));
  backend = await createBackend({
    dbPath: path.join(dir, 'torihiki.sqlite'),
    clock: fakeClock('2026-11-20T01:00:00.000Z'),
  });
  await value(backend.call('demo.seed', { deals: 4_000 }));
  // Deals entered after the seeding with order times early in the range: the highest ids, out of
  // order-time order, one of them still open with steps due.
  for (const orderedAt of ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']) {
    await createDeal(backend, { orderedAt });
  }
  const raw = backend.db.raw;
  // 1,200 deals tagged ギフト (the demo tags a few percent), through the bulk action the page uses.
  const toTag = raw.prepare('SELECT id FROM deals WHERE id % 3 = 0 LIMIT 1200').pluck().all() as number[];
  await value(backend.call('deals.bulk', { dealIds: toTag, action: { type: 'addTag', tag: 'ギフト' } }));
  // A repeat buyer with 1,100 deals, as a merge of their accounts would leave them: a two-character
  // text then matches more than the count shows.
  const buyer = raw
    .prepare(
      'SELECT customer_id AS id, name_key AS key FROM customer_summaries WHERE length(name_key) >= 3 ORDER BY customer_id LIMIT 1',
    )
    .get() as { id: number; key: string };
  const moved = raw.prepare('SELECT id FROM deals WHERE id % 4 = 1 AND id <= 4400').pluck().all() as number[];
  raw.prepare('UPDATE deals SET customer_id = ? WHERE id % 4 = 1 AND id <= 4400').run(buyer.id);
  // As a merge does: the index learns each moved deal's buyer.
  reindexDeals(backend.db, moved);
  buyerKey = [...buyer.key].slice(0, 2).join('');
  buyerName = buyer.key;
  // Buyers written in half-width katakana, with and without a scarf, at their own addresses (one buyer each).
  const buyerAt = (name: string, kana: string, phone: string) => ({
    name,
    kana,
    postalCode: '060-0001',
    prefecture: '北海道',
    address1: '札幌市中央区北1条西1-1',
    phone,
  });
  await createDeal(backend, {
    shipTo: buyerAt('ﾔﾏﾓﾄ ｹﾝ', 'ﾔﾏﾓﾄ ｹﾝ', '011-111-0001'),
    items: [{ name: 'ﾏﾌﾗｰ 赤', quantity: 1, unitPrice: 1800 }],
  });
  await createDeal(backend, {
    shipTo: buyerAt('ﾔﾏﾓﾄ ｹﾝ', 'ﾔﾏﾓﾄ ｹﾝ', '011-111-0001'),
    items: [{ name: '手袋', quantity: 1, unitPrice: 1200 }],
  });
  await createDeal(backend, {
    shipTo: buyerAt('佐藤 一郎', 'サトウ イチロウ', '011-111-0002'),
    items: [{ name: 'カシミヤ マフラー', quantity: 1, unitPrice: 5800 }],
  });
}, 120_000);

afterAll(() => {
  backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plain(where: string, order: string): number[] {
  return backend.db.raw
    .prepare(`SELECT d.id FROM deals d WHERE ${where} ORDER BY ${order}`)
    .pluck()
    .all() as number[];
}

/** Compares every page the UI could ask for, "select all matching", and the count with the plain query. */
async function expectSameAsPlain(filter: DealFilter, where: string, minimum = 0) {
  for (const [sort, order] of SORTS) {
    const want = plain(where, order);
    expect(want.length).toBeGreaterThanOrEqual(minimum);
    const all = await value(backend.call('deals.ids', { filter, sort, limit: 5_000 }));
    expect(all).toEqual({ ids: want.slice(0, 5_000), more: want.length > 5_000 });
    const due = plain(`${where} AND d.next_due_at IS NOT NULL`, 'd.id').length;
    const offsets = new Set([0, 100, Math.max(0, due - 50), due, Math.max(0, want.length - 40)]);
    for (const offset of offsets) {
      const page = await value(backend.call('deals.list', { filter, sort, offset, limit: 100 }));
      expect(
        page.rows.map((r) => r.id),
        `${JSON.stringify(filter)} ${order} @${offset}`,
      ).toEqual(want.slice(offset, offset + 100));
      expect(page.total).toBe(Math.min(want.length, 1_000));
      expect(page.totalCapped).toBe(want.length > 1_000);
    }
  }
}

interface DealText {
  /** The deal's own text as search keys: order number, buyer handle, recipient and reading, items. */
  own: string;
  /** Its buyer's name and reading as search keys. */
  buyer: string;
  /** The keys the buyer's name and reading start from (the reading falls back to the name). */
  starts: string[];
  codes: string[];
}

/** Every deal's searchable text, read from the ledger's rows (not from the search index). */
function dealTexts(): Map<number, DealText> {
  const raw = backend.db.raw;
  const texts = new Map<number, DealText>();
  const deals = raw
    .prepare(
      `SELECT d.id, d.external_id, d.buyer_handle, d.ship_name, d.ship_kana, c.name, c.name_kana, s.name_key, s.reading_key
       FROM deals d LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN customer_summaries s ON s.customer_id = d.customer_id`,
    )
    .all() as Record<string, string | number | null>[];
  const str = (v: string | number | null | undefined) => (typeof v === 'string' ? v : '');
  for (const d of deals) {
    texts.set(Number(d.id), {
      own: [
        searchKey(str(d.external_id)),
        searchKey(str(d.buyer_handle)),
        personKey(str(d.ship_name)),
        personKey(str(d.ship_kana)),
      ].join(' '),
      buyer: `${personKey(str(d.name))} ${personKey(str(d.name_kana))}`,
      starts: [str(d.name_key), str(d.reading_key)].filter((k) => k !== ''),
      codes: [],
    });
  }
  for (const i of raw.prepare('SELECT deal_id, name FROM deal_items').all() as {
    deal_id: number;
    name: string;
  }[])
    texts.get(i.deal_id)!.own += ` ${searchKey(i.name)}`;
  for (const c of raw.prepare('SELECT deal_id, code FROM deal_codes').all() as {
    deal_id: number;
    code: string;
  }[])
    texts.get(c.deal_id)!.codes.push(c.code);
  return texts;
}

/**
 * The deals a text filter should find, in plain JS: the whole text as an order or tracking number, or every
 * word. Words of three or more characters are all in the deal's own text or all in its buyer's name; words of
 * one or two characters, together in the order typed, start the buyer's name or reading. Short words alone
 * are one text: under three characters the start of the buyer's name, else a substring like a long word.
 */
function plainTextMatches(texts: Map<number, DealText>, text: string): number[] {
  const words = text
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => searchKey(w))
    .filter((w) => w !== '');
  const whole = words.join('');
  let long = words.filter((w) => codePointLength(w) >= 3);
  let start = words.filter((w) => codePointLength(w) < 3).join('');
  if (long.length === 0 && codePointLength(whole) >= 3) [long, start] = [[whole], ''];
  const found: number[] = [];
  for (const [id, t] of texts) {
    const hasLong =
      long.length === 0 || long.every((w) => t.own.includes(w)) || long.every((w) => t.buyer.includes(w));
    const hasStart = start === '' || t.starts.some((k) => k.startsWith(start));
    if (t.codes.includes(whole) || (hasLong && hasStart)) found.push(id);
  }
  return found;
}

const idsIn = (ids: number[]) => `d.id IN (${ids.length === 0 ? 'NULL' : ids.join(', ')})`;

describe('deal list past 1,000 matches gives exactly the plain query’s pages', () => {
  it('a date range, alone and with other filters, in every sort (next due: due deals first, then by id)', async () => {
    // Due deals inside the range and deals with nothing due on both sides of them: the two parts meet.
    expect(plain(`${IN_RANGE} AND d.next_due_at IS NOT NULL`, 'd.id').length).toBeGreaterThan(10);
    await expectSameAsPlain(RANGE, IN_RANGE, 1_001);
    await expectSameAsPlain(
      { orderedFrom: RANGE.orderedFrom },
      `d.ordered_at >= '${RANGE.orderedFrom}'`,
      1_001,
    );
    await expectSameAsPlain({ orderedTo: RANGE.orderedTo }, `d.ordered_at < '${RANGE.orderedTo}'`, 1_001);
    await expectSameAsPlain(
      { ...RANGE, marketplaces: ['yahoo_auction', 'mercari'] },
      `${IN_RANGE} AND d.marketplace IN ('yahoo_auction', 'mercari')`,
    );
    await expectSameAsPlain({ ...RANGE, tag: 'ギフト' }, `${IN_RANGE} AND ${TAGGED('ギフト')}`);
    await expectSameAsPlain(
      { ...RANGE, step: { kind: 'shipping', state: 'done' } },
      `${IN_RANGE} AND ${STEP('shipping', 'done')}`,
      1_001,
    );
    // A range with no deals at all, and one whose deals have nothing due.
    await expectSameAsPlain(
      { orderedFrom: '2030-01-01T00:00:00.000Z' },
      "d.ordered_at >= '2030-01-01T00:00:00.000Z'",
    );
    await expectSameAsPlain(
      { orderedFrom: '2024-01-01T00:00:00.000Z', orderedTo: '2025-06-01T00:00:00.000Z' },
      "d.ordered_at >= '2024-01-01T00:00:00.000Z' AND d.ordered_at < '2025-06-01T00:00:00.000Z'",
    );
  }, 60_000);

  it('a tag, alone and with a marketplace', async () => {
    await expectSameAsPlain({ tag: 'ギフト' }, TAGGED('ギフト'), 1_001);
    await expectSameAsPlain(
      { tag: 'ギフト', marketplaces: ['mercari'] },
      `${TAGGED('ギフト')} AND d.marketplace = 'mercari'`,
    );
    await expectSameAsPlain({ tag: '存在しないタグ' }, TAGGED('存在しないタグ'));
  }, 60_000);

  it('a step state: done and skipped probed or joined, to-do of cancelled deals too', async () => {
    await expectSameAsPlain({ step: { kind: 'shipping', state: 'done' } }, STEP('shipping', 'done'), 1_001);
    await expectSameAsPlain({ step: { kind: 'rating', state: 'skipped' } }, STEP('rating', 'skipped'));
    await expectSameAsPlain(
      { step: { kind: 'payment', state: 'todo' }, dealStates: ['cancelled'] },
      `${STEP('payment', 'todo')} AND d.state = 'cancelled'`,
    );
    await expectSameAsPlain(
      { step: { kind: 'contact', state: 'done' }, tag: 'ギフト' },
      `${STEP('contact', 'done')} AND ${TAGGED('ギフト')}`,
    );
  }, 60_000);

  it('a one- or two-character text matching more than 1,000 deals of one buyer', async () => {
    const buyers = `d.customer_id IN (SELECT customer_id FROM customer_summaries WHERE substr(name_key, 1, ${[...buyerKey].length}) = '${buyerKey}' OR substr(reading_key, 1, ${[...buyerKey].length}) = '${buyerKey}')`;
    const codes = `d.id IN (SELECT deal_id FROM deal_codes WHERE code = '${searchKey(buyerKey)}')`;
    await expectSameAsPlain({ text: buyerKey }, `(${buyers} OR ${codes})`, 1_001);
    await expectSameAsPlain(
      { text: buyerKey, marketplaces: ['yahoo_auction'] },
      `(${buyers} OR ${codes}) AND d.marketplace = 'yahoo_auction'`,
    );
  }, 60_000);

  it('requires every word of a text: short next to long, long next to short, two short, kana and width', async () => {
    const texts = dealTexts();
    const scarves = plainTextMatches(texts, 'マフラー');
    const yamadaScarves = plainTextMatches(texts, '山田 マフラー');
    // The short word narrows: 山田's scarf deals are some, not all, of the scarf deals.
    expect(yamadaScarves.length).toBeGreaterThan(0);
    expect(yamadaScarves.length).toBeLessThan(scarves.length);
    expect(plainTextMatches(texts, 'ﾔﾏ ﾏﾌﾗｰ').length).toBeGreaterThan(yamadaScarves.length);
    for (const text of [
      'マフラー',
      '山田',
      '山田 マフラー',
      'マフラー 山田',
      'マフラー　山田', // an ideographic space
      'ﾔﾏ ﾏﾌﾗｰ', // half-width: "やま" and "まふらー"
      'やま マフラー',
      'ヤマ 赤 マフラー', // two short words: the buyer's name starts with やま赤 (nobody)
      '山田 花子 マフラー', // the short words read together as 山田花子
      '山田 花子',
      '山 田',
      'カシミヤ マフラー',
      'マフラー やまだ',
      `${buyerKey} マフラー`,
      'ん マフラー',
      'マ フラー',
    ]) {
      await expectSameAsPlain({ text }, idsIn(plainTextMatches(texts, text)));
    }
    // A long word every deal of the repeat buyer has (their own name): more than 1,000 matches, sorted whole.
    expect(codePointLength(buyerName)).toBeGreaterThanOrEqual(3);
    await expectSameAsPlain(
      { text: `${buyerKey} ${buyerName}` },
      idsIn(plainTextMatches(texts, `${buyerKey} ${buyerName}`)),
      1_001,
    );
  }, 120_000);

  it('reads SQL and index syntax in a word of a text as text', async () => {
    const texts = dealTexts();
    const before = plain('1', 'd.id').length;
    for (const text of [
      '" マフラー',
      '山田 "マフラー',
      "山' OR 1=1 -- マフラー",
      'AND マフラー OR',
      '山田 NEAR(マフラー)',
      '* マフラー*',
      '山田 ) マフラー (',
      'x'.repeat(3) + ' ' + 'y'.repeat(2) + ' ' + 'あ'.repeat(40),
      Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '),
    ]) {
      const result = await backend.call('deals.list', { filter: { text }, limit: 100 });
      expect(result.ok, text).toBe(true);
      await expectSameAsPlain({ text }, idsIn(plainTextMatches(texts, text)));
    }
    expect(plain('1', 'd.id')).toHaveLength(before);
  }, 120_000);

  it('refuses hostile filters on these paths and leaves the ledger as it was', async () => {
    const before = plain('1', 'd.id').length;
    for (const filter of [
      { step: { kind: "rating' OR 1=1 --", state: 'skipped' } },
      { step: { kind: 'rating', state: 'skipped); DROP TABLE deals; --' } },
      { step: { kind: 'rating' } },
      { tag: 'x'.repeat(10_000) },
      { tag: 42 },
      { orderedFrom: "2026-01-01' OR '1'='1" },
      { orderedTo: 20260101 },
    ]) {
      expect(
        await backend.callUnknown('deals.list', { filter, sort: { by: 'nextDue', dir: 'asc' } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    // Quotes and SQL in a tag are only text: no deal has that tag.
    for (const tag of ["'; DROP TABLE deal_tags; --", 'ギフト" OR "1"="1']) {
      const page = await value(
        backend.call('deals.list', { filter: { tag, ...RANGE }, sort: { by: 'nextDue', dir: 'asc' } }),
      );
      expect(page).toMatchObject({ rows: [], total: 0, totalCapped: false });
    }
    expect(plain('1', 'd.id')).toHaveLength(before);
    expect(plain(TAGGED('ギフト'), 'd.id').length).toBeGreaterThan(1_000);
  });
});
