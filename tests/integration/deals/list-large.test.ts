import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { searchKey } from '../../../shared/domain/search/key';
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
      'SELECT customer_id AS id, name_key AS key FROM customer_summaries WHERE length(name_key) >= 2 ORDER BY customer_id LIMIT 1',
    )
    .get() as { id: number; key: string };
  raw.prepare('UPDATE deals SET customer_id = ? WHERE id % 4 = 1 AND id <= 4400').run(buyer.id);
  buyerKey = [...buyer.key].slice(0, 2).join('');
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
