/**
 * Complaint-case search benchmark (full-text index of cases, migration 010). It writes N cases (default
 * 100,000) with three timeline messages each into a ledger at the schema before 010, then reports:
 *   - migration 010: the time to create and back-fill case_fts on opening;
 *   - search.query through the contract, as Ctrl+K calls it: words of 3+ characters from summaries and
 *     messages (the trigram index), 2-character words (a scan of the stored keys), and a word found nowhere
 *     (the worst case of that scan).
 * Usage: npm run bench:cases -- [--cases N] [--runs R]. Everything is written to a throwaway folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { migrations } from '../../electron/backend/db/migrations';
import { caseSearch } from '../../electron/backend/db/migrations/010-case-search';
import { Random } from '../../electron/backend/demo/random';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CASES = option('cases', 100_000);
const RUNS = option('runs', 100);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

const SUMMARIES = [
  '外箱が破損していた',
  '商品が届かない',
  '色がイメージと違う',
  '請求額が違う',
  '対応が遅い',
  '部品が足りない',
];
const WISHES = ['交換してほしい', '全額返金してほしい', '早く届けてほしい', '説明がほしい', ''];
const MESSAGES = [
  '箱を開けたらガラスの破片が入っていました。',
  '追跡番号を見ても動いていません。いつ届きますか？',
  '写真と色がかなり違います。返品できますか？',
  'マグカップの取っ手が取れていました。',
  'ご連絡ありがとうございます。代わりの品を本日発送しました。',
  'お電話で状況をお伝えしました。明日もう一度ご連絡します。',
];

/** A ledger at the schema before migration 010, with CASES cases and 3 messages each. */
async function ledgerBefore010(file: string): Promise<void> {
  const backend = await createBackend({
    dbPath: file,
    migrations: migrations.filter((m) => m.version < caseSearch.version),
  });
  const rng = new Random(11);
  const pick = <T>(list: readonly T[]) => list[rng.uint32() % list.length]!;
  const raw = backend.db.raw;
  const insertCase = raw.prepare(
    `INSERT INTO cases (category, severity, summary, wish, state, first_response_due_at, created_at, updated_at)
     VALUES ('damaged', 'medium', ?, ?, 'closed', ?, ?, ?)`,
  );
  const insertEntry = raw.prepare(
    "INSERT INTO case_entries (case_id, at, kind, text, created_at) VALUES (?, ?, 'message_in', ?, ?)",
  );
  const at = '2026-01-01T00:00:00.000Z';
  raw.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      const id = Number(
        insertCase.run(`${pick(SUMMARIES)}（注文 ${i}）`, pick(WISHES), at, at, at).lastInsertRowid,
      );
      for (let e = 0; e < 3; e++) insertEntry.run(id, at, `${pick(MESSAGES)} 受付番号 ${i}-${e}`, at);
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
}

async function measure(backend: Backend, label: string, texts: string[]) {
  const times: number[] = [];
  let hits = 0;
  for (let r = 0; r < RUNS; r++) {
    const text = texts[r % texts.length]!;
    const start = performance.now();
    const result = await backend.call('search.query', { text });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
    hits += result.value.hits.filter((h) => h.type === 'case').length;
  }
  console.log(
    `${label.padEnd(34)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (${(hits / RUNS).toFixed(0)} case hits)`,
  );
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-bench-cases-'));
  try {
    const file = path.join(dir, 'cases.sqlite');
    await ledgerBefore010(file);
    const started = performance.now();
    const backend = await createBackend({ dbPath: file });
    console.log(
      `${CASES} cases, ${CASES * 3} messages; opening with migration 010: ${ms(performance.now() - started)}`,
    );
    try {
      await measure(backend, 'message words (3+ characters)', [
        'ガラスの破片',
        'とってがとれて',
        '代わりの品',
      ]);
      await measure(backend, 'summary words (3+ characters)', ['イメージと違う', '部品が足りない']);
      await measure(backend, 'two characters', ['破損', '返金', '色が']);
      await measure(backend, 'found nowhere (2 and 3+ characters)', ['冷蔵', '冷蔵庫の霜']);
    } finally {
      backend.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
