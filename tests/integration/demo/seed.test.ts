import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { seedDemoData } from '../../../electron/backend/demo/seed';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();
const NOW = new Date('2026-11-20T01:00:00.000Z');

const count = (b: Backend, table: string): number =>
  b.db.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const scalar = (b: Backend, sql: string): unknown => b.db.raw.prepare(sql).pluck().get();

/** Everything that must hold for any ledger the seed leaves behind. */
function expectConsistentLedger(b: Backend): void {
  expect(b.db.raw.pragma('foreign_key_check')).toEqual([]);
  expect(b.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(
    scalar(
      b,
      `SELECT count(*) FROM deals d WHERE total <> items_total + shipping_fee
         OR items_total <> (SELECT sum(quantity * unit_price) FROM deal_items i WHERE i.deal_id = d.id)`,
    ),
  ).toBe(0);
  expect(
    scalar(
      b,
      'SELECT count(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM deal_steps s WHERE s.deal_id = d.id)',
    ),
  ).toBe(0);
  expect(
    scalar(
      b,
      'SELECT count(*) FROM (SELECT 1 FROM deals GROUP BY marketplace, external_id HAVING count(*) > 1)',
    ),
  ).toBe(0);
  // Derived data is current: one summary per customer (the search module's figures and index).
  expect(count(b, 'customer_summaries')).toBe(count(b, 'customers'));
}

describe('seeding demo data', () => {
  it('fills a new ledger with the family, customers, deals, items and steps', async () => {
    const b = await open();
    const report = seedDemoData(b.db, { deals: 1_500, seed: 1, now: NOW });

    expect(report).toMatchObject({ deals: 1_500, members: 3, seed: 1 });
    expect(count(b, 'deals')).toBe(1_500);
    expect(count(b, 'customers')).toBe(report.customers);
    expect(count(b, 'deal_items')).toBe(report.items);
    expect(count(b, 'deal_steps')).toBe(report.steps);
    expect(report.customers).toBeGreaterThan(500);
    expect(report.items).toBeGreaterThanOrEqual(1_500);
    const members = b.db.raw.prepare('SELECT name, color, pin_hash FROM members ORDER BY sort_order').all();
    expect(members).toEqual([
      { name: '母', color: 'pink', pin_hash: null },
      { name: '父', color: 'blue', pin_hash: null },
      { name: '娘', color: 'green', pin_hash: null },
    ]);
    expectConsistentLedger(b);
  });

  it('leaves deals the app reads, lists and finds like any other', async () => {
    const b = await open();
    seedDemoData(b.db, { deals: 800, seed: 2, now: NOW });
    const sample = b.db.raw
      .prepare(
        "SELECT id, external_id, total FROM deals WHERE ship_name IS NOT NULL AND state = 'closed' LIMIT 5",
      )
      .all() as { id: number; external_id: string; total: number }[];
    for (const row of sample) {
      const deal = await b.call('deals.get', { id: row.id });
      expect(deal.ok && deal.value.total).toBe(row.total);
      const found = await b.call('search.query', { text: row.external_id });
      expect(found.ok && found.value.hits.some((h) => h.type === 'deal' && h.id === row.id)).toBe(true);
    }
    const overdue = await b.call('deals.list', { filter: { view: 'overdue' } });
    expect(overdue.ok).toBe(true);
    const today = await b.call('today.get', {});
    expect(today.ok).toBe(true);
  });

  it('keeps existing members exactly as they were and gives them the work', async () => {
    const b = await open();
    const created = await b.call('members.create', { name: 'さくら', color: 'grape', pin: '2468' });
    expect(created.ok).toBe(true);
    const before = b.db.raw.prepare('SELECT * FROM members').all();

    const report = seedDemoData(b.db, { deals: 300, seed: 3, now: NOW });

    expect(report.members).toBe(0);
    expect(b.db.raw.prepare('SELECT * FROM members').all()).toEqual(before);
    const id = created.ok ? created.value.id : -1;
    expect(
      scalar(
        b,
        `SELECT count(*) FROM deal_steps WHERE assignee_id IS NOT ${id} OR (done_by IS NOT NULL AND done_by <> ${id})`,
      ),
    ).toBe(0);
  });

  it('uses archived members rather than inventing a family the user did not ask for', async () => {
    const b = await open();
    const created = await b.call('members.create', { name: '祖母', color: 'orange' });
    const id = created.ok ? created.value.id : -1;
    expect((await b.call('members.archive', { id, archived: true })).ok).toBe(true);

    const report = seedDemoData(b.db, { deals: 100, seed: 4, now: NOW });

    expect(report.members).toBe(0);
    expect(count(b, 'members')).toBe(1);
    expect(scalar(b, `SELECT count(DISTINCT assignee_id) FROM deal_steps`)).toBe(1);
  });

  it('adds more deals when seeded again, without a conflict, even with the same seed', async () => {
    const b = await open();
    const first = seedDemoData(b.db, { deals: 700, seed: 5, now: NOW });
    const second = seedDemoData(b.db, { deals: 700, seed: 5, now: NOW });
    const third = seedDemoData(b.db, { deals: 700, now: NOW });

    expect([first.deals, second.deals, third.deals]).toEqual([700, 700, 700]);
    expect(second.members).toBe(0);
    expect(count(b, 'deals')).toBe(2_100);
    expect(scalar(b, "SELECT min(id) || '-' || max(id) FROM deals")).toBe('1-2100');
    expect(count(b, 'customers')).toBe(first.customers + second.customers + third.customers);
    expectConsistentLedger(b);
  });

  it('takes the bulk path (indexes rebuilt after the load) with the same schema afterwards', async () => {
    const b = await open();
    const schema = () =>
      b.db.raw
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '%fts%' ORDER BY name")
        .all();
    const before = schema();
    seedDemoData(b.db, { deals: 600, seed: 6, now: NOW, bulk: true });
    seedDemoData(b.db, { deals: 600, seed: 7, now: NOW, bulk: true });
    expect(schema()).toEqual(before);
    expect(count(b, 'deals')).toBe(1_200);
    expectConsistentLedger(b);
  });

  it('writes nothing when asked for no deals', async () => {
    const b = await open();
    expect(() => seedDemoData(b.db, { deals: 0, now: NOW })).toThrow(/whole number/);
    expect(() => seedDemoData(b.db, { deals: 2.5, now: NOW })).toThrow(/whole number/);
    expect(count(b, 'members')).toBe(0);
    expect(count(b, 'deals')).toBe(0);
  });

  it('puts the page cache back the way it was', async () => {
    const b = await open();
    const before = b.db.raw.pragma('cache_size', { simple: true });
    seedDemoData(b.db, { deals: 50, now: NOW });
    expect(b.db.raw.pragma('cache_size', { simple: true })).toBe(before);
  });
});

describe('the demo.seed contract method', () => {
  it('seeds inside the command, logs it and tells the UI what changed', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const b = await open({ clock });
    const topics: string[][] = [];
    b.events.on('data.changed', (e) => topics.push(e.topics));

    const result = await b.call('demo.seed', { deals: 50 });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ deals: 50, customers: expect.any(Number), members: 3 });
    expect(Object.keys(result.value).sort()).toEqual(['customers', 'deals', 'members']);
    expect(count(b, 'deals')).toBe(50);
    expect((scalar(b, 'SELECT max(ordered_at) FROM deals') as string) < '2026-11-20T01:00:00.000Z').toBe(
      true,
    );

    const log = await b.call('activity.list', { limit: 5 });
    expect(log.ok).toBe(true);
    if (!log.ok) return;
    const entry = log.value.find((e) => e.action === 'demo.seeded');
    expect(entry).toMatchObject({ at: '2026-11-20T01:00:00.000Z', detail: { deals: 50, members: 3 } });
    expect(topics.flat()).toEqual(expect.arrayContaining(['deals', 'customers', 'members']));
    expectConsistentLedger(b);
  });

  it.each([
    [{ deals: 0 }],
    [{ deals: 20_001 }],
    [{ deals: 1.5 }],
    [{ deals: '50' }],
    [{ deals: 5, seed: 1 }],
    [{}],
  ])('refuses %j and writes nothing', async (input) => {
    const b = await open();
    const result = await b.callUnknown('demo.seed', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(count(b, 'deals')).toBe(0);
    expect(count(b, 'members')).toBe(0);
    expect(count(b, 'activity_log')).toBe(0);
  });
});
