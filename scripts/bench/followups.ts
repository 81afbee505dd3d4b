/**
 * Follow-ups benchmark (issue: cases, promises and after-care). On a database with 100,000 cases and
 * 500,000 follow-ups (plus demo deals, whose steps are part of the same follow-up model) it measures:
 *   - the due query for one member, through the contract as the CLI and the UI call it (target ≤ 5 ms)
 *   - one whole reminder evaluation, in steady state after the start-up catch-up (target ≤ 20 ms)
 * Usage: npm run bench:followups -- [--cases N] [--followups N] [--deals N] [--runs R]
 * The seeded file is cached in the OS temp folder; each run measures a throwaway copy.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { backupTo } from '../../electron/backend/db/backup';
import { migrations } from '../../electron/backend/db/migrations';
import { preparedInsert } from '../../electron/backend/db/prepared-insert';
import { seedDemoData } from '../../electron/backend/demo/seed';
import { Random } from '../../electron/backend/demo/random';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CASES = option('cases', 100_000);
const FOLLOWUPS = option('followups', 500_000);
const DEALS = option('deals', 20_000);
const RUNS = option('runs', 200);
const DAY = 86_400_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function timed(runs: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * A busy shop's history: most follow-ups done long ago; open ones mostly after-care months ahead, a few
 * hundred due this week and some overdue, spread over four members.
 */
function seedCases(backend: Backend, now: Date) {
  const db = backend.db;
  const rng = new Random(7);
  const random = () => rng.uint32() / 2 ** 32;
  const members = db.all(db.qb.selectFrom('members').select('id')).map((m) => m.id);
  const iso = (t: number) => new Date(t).toISOString();
  const insertCase = preparedInsert(db, 'cases', [
    'category',
    'severity',
    'summary',
    'assignee_id',
    'state',
    'first_response_due_at',
    'first_responded_at',
    'created_at',
    'updated_at',
  ]);
  const insertFollowup = preparedInsert(db, 'followups', [
    'kind',
    'case_id',
    'title',
    'due_at',
    'remind_at',
    'assignee_id',
    'state',
    'outcome',
    'next_notify_at',
    'created_at',
  ]);
  const categories = [
    'not_arrived',
    'damaged',
    'wrong_item',
    'not_as_expected',
    'billing',
    'service',
    'other',
  ];
  const kinds = ['promise', 'first_response', 'aftercare', 'custom'];
  db.tx(() => {
    for (let i = 0; i < CASES; i++) {
      const created = now.getTime() - Math.floor(random() * 3 * 365) * DAY;
      const closed = created < now.getTime() - 400 * DAY;
      insertCase([
        categories[i % categories.length],
        'medium',
        `ケース ${i}`,
        members[i % members.length] ?? null,
        closed ? 'closed' : 'aftercare',
        iso(created + DAY),
        iso(created + 3_600_000),
        iso(created),
        iso(created),
      ]);
    }
    for (let i = 0; i < FOLLOWUPS; i++) {
      const caseId = 1 + (i % CASES);
      const r = random();
      // 88 % done in the past; 10 % open in the future (after-care); 2 % open and overdue.
      const state = r < 0.88 ? 'done' : 'open';
      const due =
        r < 0.88
          ? now.getTime() - Math.floor(random() * 1000) * DAY
          : r < 0.98
            ? now.getTime() + Math.floor(random() * 365 * DAY)
            : now.getTime() - Math.floor(random() * 30 * DAY);
      const kind = kinds[i % kinds.length]!;
      insertFollowup([
        kind,
        caseId,
        `フォローアップ ${i}`,
        iso(due),
        iso(due),
        members[i % members.length] ?? null,
        state,
        kind === 'promise' && state === 'done' ? 'kept' : null,
        state === 'open' ? iso(due) : null,
        iso(due - 7 * DAY),
      ]);
    }
  });
}

async function seeded(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'torihiki-bench');
  fs.mkdirSync(dir, { recursive: true });
  // Keyed by the migrations too: a file seeded under another schema would measure the wrong indexes.
  const schema = createHash('sha1')
    .update(migrations.map((m) => `${m.version}:${m.name}`).join('\n'))
    .digest('hex')
    .slice(0, 8);
  const file = path.join(dir, `followups-${CASES}-${FOLLOWUPS}-${DEALS}-schema-${schema}.sqlite`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.seeding`;
  fs.rmSync(partial, { force: true });
  const backend = await createBackend({ dbPath: partial });
  const started = performance.now();
  const now = new Date();
  seedDemoData(backend.db, { deals: DEALS, now, seed: 42 });
  seedCases(backend, now);
  backend.db.raw.exec('ANALYZE');
  console.log(
    `seeded ${DEALS} deals, ${CASES} cases, ${FOLLOWUPS} follow-ups in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  backend.db.raw.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  fs.renameSync(partial, file);
  return file;
}

async function main() {
  const seededFile = await seeded();
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-bench-run-')), 'copy.sqlite');
  {
    const source = await createBackend({ dbPath: seededFile });
    await backupTo(source.db.raw, copy);
    source.close();
  }
  const notified: number[] = [];
  const backend = await createBackend({ dbPath: copy, notify: () => notified.push(1) });
  const members = await backend.call('members.list', {});
  if (!members.ok || members.value.length === 0) throw new Error('no members in the benchmark database');
  const member = members.value[0]!;
  await backend.call('session.switch', { memberId: member.id });

  const counts = backend.db.raw
    .prepare(
      "SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM followups) AS followups, (SELECT count(*) FROM followups WHERE state = 'open') AS open, (SELECT count(*) FROM deal_steps WHERE state = 'todo') AS steps",
    )
    .get() as Record<string, number>;
  console.log(
    `database: ${counts.cases} cases, ${counts.followups} follow-ups (${counts.open} open), ${counts.steps} open deal steps`,
  );

  const nowIso = new Date().toISOString();
  const dueQuery = await timed(RUNS, async () => {
    const r = await backend.call('followups.list', { memberId: member.id, until: nowIso, limit: 100 });
    if (!r.ok) throw new Error(r.error.message);
  });
  const due = await backend.call('followups.list', { memberId: member.id, until: nowIso, limit: 100 });
  const dueCount = due.ok ? Object.values(due.value.counts).reduce((a, b) => a + b, 0) : 0;

  const catchUpStart = performance.now();
  const first = backend.reminders!.start();
  const catchUp = performance.now() - catchUpStart;
  // The catch-up records at most one batch; let the engine finish what came due while "closed".
  while (backend.reminders!.evaluate('tick').items.length > 0);
  const evaluation = await timed(RUNS, () => backend.reminders!.evaluate('tick'));
  backend.close();
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });

  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log(`\nload average: ${load} (${os.cpus().length} CPUs)`);
  console.log(`runs per measure: ${RUNS}`);
  console.log(
    `due query, one member (${member.name}, ${dueCount} due now): p50 ${ms(percentile(dueQuery, 50))}, p95 ${ms(percentile(dueQuery, 95))}  [target ≤ 5 ms]`,
  );
  console.log(
    `reminder evaluation, steady state: p50 ${ms(percentile(evaluation, 50))}, p95 ${ms(percentile(evaluation, 95))}  [target ≤ 20 ms]`,
  );
  console.log(
    `start-up catch-up (first evaluation, ${first.items.length} items recorded, one summary): ${ms(catchUp)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
