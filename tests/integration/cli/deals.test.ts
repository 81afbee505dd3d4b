import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { runCli as run } from '../../support/cli';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

async function ledger(): Promise<string> {
  const db = path.join(tempDir(), 'torihiki.sqlite');
  const backend = await createBackend({ dbPath: db, clock: fakeClock('2026-11-20T00:00:00Z') });
  await createDeal(backend, { externalId: 'x-unpaid', orderedAt: '2026-11-01T00:00:00Z' });
  const paid = await createDeal(backend, {
    externalId: 'x-paid',
    completed: [{ kind: 'payment', at: '2026-11-18T05:00:00Z' }],
  });
  const cancelled = await createDeal(backend, { externalId: 'x-cancel', marketplace: 'base' });
  await value(backend.call('deals.cancel', { id: cancelled.id }));
  backend.close();
  expect(paid.id).toBeGreaterThan(0);
  return db;
}

describe('torihiki deals', () => {
  it('lists deals with their step states as JSON', async () => {
    const db = await ledger();
    const { code, out } = await run('deals', '--db', db, '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.total).toBe(3);
    expect(parsed.deals.map((d: { externalId: string }) => d.externalId)).toEqual([
      'x-cancel',
      'x-paid',
      'x-unpaid',
    ]); // same order time: newest entry first
    expect(parsed.deals[1].steps.find((s: { kind: string }) => s.kind === 'payment').state).toBe('done');
  });

  it.each([
    ['awaiting-payment', ['x-unpaid']],
    ['cancelled', ['x-cancel']],
    ['open', ['x-paid', 'x-unpaid']],
  ])('filters with --state %s', async (state, expected) => {
    const db = await ledger();
    const { code, out } = await run('deals', '--db', db, '--state', state, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).deals.map((d: { externalId: string }) => d.externalId)).toEqual(expected);
  });

  it('prints one readable line per deal with step marks', async () => {
    const db = await ledger();
    const { out } = await run('deals', '--db', db, '--marketplace', 'yahoo_auction');
    expect(out).toMatch(/x-paid.*入■/);
    expect(out).toMatch(/2 of 2 deals/);
  });

  it.each([
    [['deals', '--state', 'lost'], /expected one of/],
    [['deals', '--marketplace', 'ebay'], /expected one of/],
    [['deals', '--limit', '-3'], /whole number/],
  ])('refuses bad arguments in one line: %j', async (argv, message) => {
    const db = await ledger();
    const { code, err } = await run(...argv, '--db', db);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  it('walks past the list count of 1,000 up to --limit, and says the count is a lower bound', async () => {
    const db = path.join(tempDir(), 'big.sqlite');
    const backend = await createBackend({ dbPath: db, clock: fakeClock('2026-11-20T00:00:00Z') });
    await value(backend.call('demo.seed', { deals: 1_200 }));
    backend.close();
    const json = await run('deals', '--db', db, '--json', '--limit', '1100');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { total: number; totalCapped: boolean; deals: unknown[] };
    expect(parsed).toMatchObject({ total: 1_000, totalCapped: true });
    expect(parsed.deals).toHaveLength(1_100);
    const text = await run('deals', '--db', db, '--limit', '5000');
    expect(text.out).toMatch(/1200 of 1000\+ deals$/);
  });
});
