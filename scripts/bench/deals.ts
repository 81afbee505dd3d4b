/**
 * Deals benchmark (issue: deals and steps). On a database with N deals (default 1,000,000) it
 * measures, through the contract as the UI calls it:
 *   - the deals page query: filter + sort + one page of 100 (p95 target ≤ 20 ms)
 *   - the today view for each member (target ≤ 50 ms)
 *   - marking 1,000 deals shipped in one bulk action (target ≤ 1 s)
 * Usage: npm run bench:deals -- [--deals N] [--runs R] [--db SEEDED_FILE] [--bulk-rollback | --bulk-in-place] [--only TEXT]
 * --only TEXT measures just the deals-page views whose label contains TEXT (no today view, no bulk).
 * The seeded file is cached in the OS temp folder; the bulk action runs on a throwaway copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { backupTo } from '../../electron/backend/db/backup';
import { seedDemoData } from '../../electron/backend/demo/seed';
import type { InputOf } from '../../shared/contract';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DEALS = option('deals', 1_000_000);
const RUNS = option('runs', 50);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the statement cache and the page cache once
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

async function seeded(): Promise<string> {
  const given = args.indexOf('--db');
  if (given >= 0 && args[given + 1]) return path.resolve(args[given + 1]!);
  const dir = path.join(os.tmpdir(), 'torihiki-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `deals-${DEALS}.sqlite`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.seeding`;
  fs.rmSync(partial, { force: true });
  const backend = await createBackend({ dbPath: partial });
  const started = performance.now();
  seedDemoData(backend.db, { deals: DEALS, now: new Date(), seed: 42 });
  console.log(`seeded ${DEALS} deals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  backend.db.raw.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  fs.renameSync(partial, file);
  return file;
}

async function main() {
  const file = await seeded();
  const backend: Backend = await createBackend({ dbPath: file });
  const rows: [string, number[], string][] = [];
  const members = (await backend.call('members.list', {})) as {
    ok: true;
    value: { id: number; name: string }[];
  };
  const firstMember = members.value[0]?.id;
  if (firstMember) await backend.call('session.switch', { memberId: firstMember });

  const year = { orderedFrom: '2025-01-01T00:00:00Z', orderedTo: '2026-01-01T00:00:00Z' };
  const month = { orderedFrom: '2025-06-01T00:00:00Z', orderedTo: '2025-07-01T00:00:00Z' };
  const newest = { by: 'orderedAt', dir: 'desc' } as const;
  const dueFirst = { by: 'nextDue', dir: 'asc' } as const;
  const pages: [string, InputOf<'deals.list'>][] = [
    ['all, newest first', {}],
    ['all, oldest first', { sort: { by: 'orderedAt', dir: 'asc' } }],
    ['all, by amount', { sort: { by: 'total', dir: 'desc' } }],
    ['all, next due first', { sort: dueFirst }],
    ['all, next due last', { sort: { by: 'nextDue', dir: 'desc' } }],
    ['入金待ち (view), next due first', { filter: { view: 'awaiting_payment' }, sort: dueFirst }],
    ['入金待ち (view), newest first', { filter: { view: 'awaiting_payment' }, sort: newest }],
    ['発送待ち (view), newest first', { filter: { view: 'awaiting_shipping' } }],
    ['発送待ち (view), next due first', { filter: { view: 'awaiting_shipping' }, sort: dueFirst }],
    ['自分の担当 (view), newest first', { filter: { view: 'mine' } }],
    ['自分の担当 (view), next due first', { filter: { view: 'mine' }, sort: dueFirst }],
    ['期限切れ (view), next due first', { filter: { view: 'overdue' }, sort: dueFirst }],
    ['期限切れ (view), by amount', { filter: { view: 'overdue' }, sort: { by: 'total', dir: 'desc' } }],
    ['楽天, newest first', { filter: { marketplaces: ['rakuten'] } }],
    ['楽天 + メルカリ, newest first', { filter: { marketplaces: ['rakuten', 'mercari'] } }],
    [
      '楽天 in 2025, by amount',
      { filter: { marketplaces: ['rakuten'], ...year }, sort: { by: 'total', dir: 'desc' } },
    ],
    ['June 2025, by amount', { filter: month, sort: { by: 'total', dir: 'desc' } }],
    ['June 2025, next due first', { filter: month, sort: dueFirst }],
    ['cancelled deals, newest first', { filter: { dealStates: ['cancelled'] } }],
    ['open deals, by amount', { filter: { dealStates: ['open'] }, sort: { by: 'total', dir: 'desc' } }],
    ['step: payment 未着手', { filter: { step: { kind: 'payment', state: 'todo' } } }],
    [
      'step: shipping 完了, by amount',
      { filter: { step: { kind: 'shipping', state: 'done' } }, sort: { by: 'total', dir: 'desc' } },
    ],
    ['step: rating スキップ', { filter: { step: { kind: 'rating', state: 'skipped' } } }],
    ['overdue filter + ヤフオク!', { filter: { overdue: true, marketplaces: ['yahoo_auction'] } }],
    ['open deals of one assignee', { filter: { assigneeId: firstMember ?? 1, dealStates: ['open'] } }],
    ['unassigned open work', { filter: { assigneeId: 'unassigned' } }],
    ['tag ギフト, newest first', { filter: { tag: 'ギフト' } }],
    ['text "山田" (2 chars: buyer name prefix)', { filter: { text: '山田' } }],
    ['text "マフラー" (search index)', { filter: { text: 'マフラー' } }],
    ['text "山田 マフラー"', { filter: { text: '山田 マフラー' } }],
    ['text "マフラー 山田" (short word last)', { filter: { text: 'マフラー 山田' } }],
    ['text "さ ケース" (one kana: many buyers)', { filter: { text: 'さ ケース' } }],
    ['text: an order number', { filter: { text: 'm14244197534' } }],
    ['page 50 (offset 5,000)', { offset: 5_000 }],
  ];
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  for (const [name, input] of pages) {
    if (only !== undefined && !name.includes(only)) continue;
    const times = await timed(RUNS, async () => {
      const r = await backend.call('deals.list', { ...input, limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
    });
    rows.push([`deals page: ${name}`, times, '≤ 20 ms p95']);
  }
  if (only !== undefined) {
    report(file, rows);
    backend.close();
    return;
  }
  const allIds = await timed(Math.min(RUNS, 10), () =>
    backend.call('deals.ids', { filter: { dealStates: ['closed'] }, limit: 5_000 }),
  );
  rows.push(['deals.ids: select all matching (5,000 closed deals)', allIds, 'reported']);

  for (const m of members.value.slice(0, 3)) {
    const times = await timed(RUNS, () => backend.call('today.get', { memberId: m.id }));
    rows.push([`today view: ${m.name}`, times, '≤ 50 ms']);
  }

  // Bulk: on a copy, so the cached database stays as seeded. With --bulk-rollback, on the database
  // itself inside an outer transaction that is rolled back (no multi-GB copy; the final commit's
  // fsync is then not part of the time).
  // With --bulk-in-place, committed on the given database itself (a bench copy one can afford to change):
  // the real figure, commit and fsync included, without the multi-GB copy.
  const rollback = args.includes('--bulk-rollback');
  const inPlace = args.includes('--bulk-in-place');
  const copy = path.join(os.tmpdir(), 'torihiki-bench', `bulk-${process.pid}.sqlite`);
  if (!rollback && !inPlace) {
    await backupTo(backend.db.raw, copy, { overwrite: true });
    backend.close();
  }
  const bulkBackend = rollback || inPlace ? backend : await createBackend({ dbPath: copy });
  const page = await bulkBackend.call('deals.list', {
    filter: { step: { kind: 'shipping', state: 'todo' }, dealStates: ['open'] },
    limit: 500,
  });
  const page2 = await bulkBackend.call('deals.list', {
    filter: { step: { kind: 'shipping', state: 'todo' }, dealStates: ['open'] },
    limit: 500,
    offset: 500,
  });
  if (!page.ok || !page2.ok) throw new Error('could not list deals to ship');
  const ids = [...page.value.rows, ...page2.value.rows].map((r) => r.id);
  // Numbers differ from run to run, as real ones do, when --bulk-in-place runs again on the same copy.
  const tracking = Object.fromEntries(
    ids.map((id, i) => [
      String(id),
      `4${String(process.pid % 1000).padStart(3, '0')}-0000-${String(i).padStart(4, '0')}`,
    ]),
  );
  if (rollback) bulkBackend.db.raw.exec('BEGIN');
  const started = performance.now();
  const result = await bulkBackend.call('deals.bulk', {
    dealIds: ids,
    action: { type: 'markShipped', carrier: 'yamato', tracking },
  });
  const bulkMs = performance.now() - started;
  if (rollback) bulkBackend.db.raw.exec('ROLLBACK');
  if (!result.ok) throw new Error(result.error.message);
  bulkBackend.close();
  if (!rollback && !inPlace)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });

  report(file, rows);
  console.log(
    `bulk: mark ${ids.length} deals shipped with tracking numbers`.padEnd(62),
    ms(bulkMs).padStart(10),
    ''.padStart(10),
    ` ≤ 1000 ms${rollback ? ' (rolled back)' : inPlace ? ' (committed in place)' : ''} (updated ${result.value.updated}, skipped ${result.value.skipped.length})`,
  );
}

function report(file: string, rows: [string, number[], string][]) {
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  console.log(`\nDeals benchmark on ${DEALS.toLocaleString()} deals (${file}), ${RUNS} runs each`);
  console.log(`load average at the end: ${load} (${os.cpus().length} CPUs)\n`);
  console.log('query'.padEnd(62), 'median'.padStart(10), 'p95'.padStart(10), '  target');
  for (const [name, times, target] of rows) {
    console.log(
      name.padEnd(62),
      ms(percentile(times, 50)).padStart(10),
      ms(percentile(times, 95)).padStart(10),
      ` ${target}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
