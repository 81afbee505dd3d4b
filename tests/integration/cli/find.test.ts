import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { runCli as run } from '../../support/cli';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

async function ledger(): Promise<string> {
  const db = path.join(tempDir(), 'torihiki.sqlite');
  const backend = await createBackend({ dbPath: db, clock: fakeClock('2026-11-20T00:00:00Z') });
  const deal = await createDeal(backend, {
    externalId: 'x200000001',
    buyer: { name: '山田 花子', kana: 'ヤマダ ハナコ' },
    shipTo: { name: '山田 花子', phone: '090-1234-5678' },
  });
  await value(
    backend.call('steps.update', {
      dealId: deal.id,
      kind: 'shipping',
      state: 'done',
      carrier: 'japanpost',
      trackingNumber: '1234-5678-9012',
    }),
  );
  backend.close();
  return db;
}

describe('torihiki find', () => {
  it('finds the buyer by phone and prints the last deal with its tracking number', async () => {
    const db = await ledger();
    const { code, out } = await run('find', '０９０－１２３４－５６７８', '--db', db);
    expect(code).toBe(0);
    expect(out).toMatch(/customer #1 {2}山田 花子 \(ヤマダ ハナコ\) {2}1 purchases/);
    expect(out).toMatch(/last: ヤフオク! {2}x200000001 .* 発送済 .*日本郵便 1234-5678-9012/);
    expect(out).toMatch(/\[exact: phone]/);
    expect(out).toMatch(/1 match$/);
  });

  it('prints JSON with --json', async () => {
    const db = await ledger();
    const { code, out } = await run('find', '123456789012', '--db', db, '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.hits[0]).toMatchObject({ type: 'deal', tier: 'exact', matchedOn: 'trackingNumber' });
    expect(parsed.hasMore).toBe(false);
  });

  it.each(['"', 'NEAR(a b)', '🙂', 'x'.repeat(10_000)])('answers %j without an error', async (query) => {
    const db = await ledger();
    const before = databaseChecksum(db);
    const { code, out } = await run('find', query, '--db', db);
    expect(code).toBe(0);
    expect(out).toMatch(/no matches/);
    expect(databaseChecksum(db)).toBe(before);
  });

  it.each([
    [['find', '--db'], /argument missing|missing required argument/],
    [['find', 'x', '--limit', '0'], /between 1 and 50/],
    [['find', 'x', '--db', '/nonexistent/dir/nothing.sqlite'], /does not exist/],
  ])('refuses bad arguments in one line: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});
