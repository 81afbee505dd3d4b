/**
 * Quick-lookup and customers benchmark (issue: customers and search). On a database with N deals (default
 * 1,000,000, seeded by seedDemoData) it reports:
 *   - the full index rebuild: time, and the size of the index on disk;
 *   - search.query through the contract, as the Ctrl+K box calls it, for queries drawn from the data
 *     (names, kana, e-mails, phones in several formats, postal codes, order and tracking numbers, items):
 *     p95 target ≤ 15 ms for 3+ characters, ≤ 50 ms for 1–2 characters;
 *   - customers.get (the customer page): p95 target ≤ 20 ms;
 *   - customers.list pages and the duplicates list (reported).
 * Usage: npm run bench:search -- [--deals N] [--runs R] [--no-rebuild]
 * The seeded file is cached in the OS temp folder (reusing deals-N.sqlite from bench:deals when present).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { backupTo } from '../../electron/backend/db/backup';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { seedDemoData } from '../../electron/backend/demo/seed';
import { rebuildSearchIndex, SEARCH_INDEX_VERSION } from '../../electron/backend/search/reindex';
import { searchIndexBytes } from '../../electron/backend/search/sqlite-fts';
import type { InputOf } from '../../shared/contract';
import { toHiragana, toKatakana } from '../../shared/domain/text/kana';
import { formatPhone } from '../../shared/domain/text/phone';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DEALS = option('deals', 1_000_000);
const RUNS = option('runs', 200);
const REBUILD = !args.includes('--no-rebuild');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Reproducible choices (mulberry32), so two runs measure the same queries. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

async function cachedDatabase(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'torihiki-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `search-${DEALS}-schema${latestSchemaVersion}-search${SEARCH_INDEX_VERSION}.sqlite`,
  );
  if (fs.existsSync(file)) return file;
  const partial = `${file}.seeding`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const fromDeals = path.join(dir, `deals-${DEALS}.sqlite`);
  const started = performance.now();
  if (fs.existsSync(fromDeals)) {
    // The deals benchmark's ledger, copied read-only through the backup API; opening it migrates it and
    // builds the index.
    const source = await createBackend({ dbPath: fromDeals, createIfMissing: false });
    await backupTo(source.db.raw, partial, { overwrite: true });
    source.close();
    (await createBackend({ dbPath: partial, backupDir: path.join(dir, 'backups') })).close();
    console.log(
      `copied ${fromDeals} and indexed it in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    const backend = await createBackend({ dbPath: partial });
    const report = seedDemoData(backend.db, { deals: DEALS, now: new Date(), seed: 42 });
    console.log(
      `seeded ${report.deals} deals / ${report.customers} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    backend.db.raw.pragma('wal_checkpoint(TRUNCATE)');
    backend.close();
  }
  fs.renameSync(partial, file);
  return file;
}

interface Sample {
  name: string;
  kana: string | null;
  email: string | null;
  phone: string | null;
  postal: string | null;
  externalId: string;
  tracking: string | null;
  item: string;
}

/** Real values from the ledger to search for, one customer and one of their deals each. */
function samples(backend: Backend, count: number): Sample[] {
  const raw = backend.db.raw;
  const maxCustomer = raw.prepare('SELECT max(customer_id) FROM customer_summaries').pluck().get() as number;
  const r = random(20261120);
  const out: Sample[] = [];
  const customer = raw.prepare(
    `SELECT c.name, c.name_kana AS kana, c.email, c.phone, c.postal_code AS postal, s.last_deal_id
       FROM customer_summaries s JOIN customers c ON c.id = s.customer_id
      WHERE s.customer_id >= ? AND s.last_deal_id IS NOT NULL ORDER BY s.customer_id LIMIT 1`,
  );
  const deal = raw.prepare(
    `SELECT d.external_id,
            (SELECT tracking_number FROM deal_steps WHERE deal_id = d.id AND tracking_number IS NOT NULL) AS tracking,
            (SELECT name FROM deal_items WHERE deal_id = d.id ORDER BY line_no LIMIT 1) AS item
       FROM deals d WHERE d.id = ?`,
  );
  while (out.length < count) {
    const c = customer.get(r.int(1, maxCustomer)) as
      (Omit<Sample, 'externalId' | 'tracking' | 'item'> & { last_deal_id: number }) | undefined;
    if (!c) continue;
    const d = deal.get(c.last_deal_id) as
      { external_id: string; tracking: string | null; item: string } | undefined;
    if (!d) continue;
    out.push({ ...c, externalId: d.external_id, tracking: d.tracking, item: d.item });
  }
  return out;
}

/** Query makers by kind; each takes a sample and an index (to vary the slice of text). */
const longQueries: [string, (s: Sample, i: number) => string | null][] = [
  ['full name (kanji)', (s) => s.name],
  ['name without space + 様', (s) => `${s.name.replace(' ', '')}様`],
  ['reading in katakana', (s) => s.kana],
  [
    'reading in hiragana, first 3',
    (s) => (s.kana ? [...toHiragana(s.kana).replace(/\s/g, '')].slice(0, 3).join('') : null),
  ],
  ['reading in half-width kana', (s) => (s.kana ? toKatakana(s.kana).normalize('NFKD') : null)],
  ['e-mail', (s) => s.email],
  ['e-mail, first part', (s) => (s.email ? s.email.split('@')[0]!.slice(0, 6) : null)],
  ['phone 090-1234-5678', (s) => (s.phone ? formatPhone(s.phone) : null)],
  [
    'phone, full width',
    (s) =>
      s.phone
        ? formatPhone(s.phone)
            .normalize('NFKC')
            .replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
        : null,
  ],
  ['phone, last 4 digits', (s) => (s.phone ? s.phone.slice(-4) : null)],
  [
    'postal code + name',
    (s) => (s.postal ? `〒${s.postal.slice(0, 3)}-${s.postal.slice(3)} ${s.name}` : null),
  ],
  ['postal code alone', (s) => (s.postal ? `${s.postal.slice(0, 3)}-${s.postal.slice(3)}` : null)],
  ['order number', (s) => s.externalId],
  ['tracking number', (s) => s.tracking],
  ['item name, 3-5 characters', (s, i) => [...s.item].slice(i % 3, (i % 3) + 3 + (i % 3)).join('')],
  ['two words: surname + item word', (s) => `${s.name.split(' ')[0]} ${[...s.item].slice(0, 4).join('')}`],
  [
    // Spread over a deal's columns: the recipient's reading and an item.
    'two words: reading of surname + item word',
    (s) => (s.kana ? `${toHiragana(s.kana.split(' ')[0]!)} ${[...s.item].slice(0, 4).join('')}` : null),
  ],
];
const shortQueries: [string, (s: Sample) => string | null][] = [
  ['1 char: first of surname', (s) => [...s.name][0] ?? null],
  ['2 chars: surname', (s) => [...s.name.split(' ')[0]!].slice(0, 2).join('')],
  ['2 chars: reading in hiragana', (s) => (s.kana ? [...toHiragana(s.kana)].slice(0, 2).join('') : null)],
  ['1 char: hiragana', (s) => (s.kana ? [...toHiragana(s.kana)][0]! : null)],
  ['2 digits', (s) => s.externalId.replace(/\D/g, '').slice(-2)],
];

async function timeQueries(
  backend: Backend,
  list: Sample[],
  make: (s: Sample, i: number) => string | null,
): Promise<{ times: number[]; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < list.length; i++) {
    const text = make(list[i]!, i);
    if (!text) continue;
    const started = performance.now();
    const r = await backend.call('search.query', { text });
    times.push(performance.now() - started);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    if (r.value.hits.length > 0) hits++;
  }
  return { times, hits };
}

async function main() {
  const file = await cachedDatabase();
  const backend = await createBackend({ dbPath: file });
  const raw = backend.db.raw;
  const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
  const deals = count('SELECT count(*) FROM deals');
  const customers = count('SELECT count(*) FROM customer_summaries');
  const identities = count('SELECT count(*) FROM customer_identities');
  console.log(
    `\nSearch benchmark on ${deals.toLocaleString()} deals, ${customers.toLocaleString()} customers, ${identities.toLocaleString()} identities (${file})`,
  );
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs\n`,
  );

  if (REBUILD) {
    const report = rebuildSearchIndex(backend.db);
    console.log(
      `full index rebuild: ${(report.ms / 1000).toFixed(1)} s (${report.deals.toLocaleString()} deals, ${report.customers.toLocaleString()} customers)`,
    );
  }
  console.log(
    `index size: ${mb(searchIndexBytes(raw))} full-text (FTS5 trigram); database file ${mb(fs.statSync(file).size)}\n`,
  );

  const list = samples(backend, RUNS);
  // Warm the statement cache and the page cache once, as a running app has.
  await timeQueries(backend, list.slice(0, 20), (s) => s.name);

  const rows: [string, number[], string][] = [];
  const all3: number[] = [];
  const all12: number[] = [];
  for (const [name, make] of longQueries) {
    const { times, hits } = await timeQueries(backend, list, make);
    all3.push(...times);
    rows.push([`search 3+: ${name} (${hits}/${times.length} found)`, times, '']);
  }
  for (const [name, make] of shortQueries) {
    const { times, hits } = await timeQueries(backend, list, make);
    all12.push(...times);
    rows.push([`search 1–2: ${name} (${hits}/${times.length} found)`, times, '']);
  }
  rows.push(['search, all 3+ character queries', all3, '≤ 15 ms p95']);
  rows.push(['search, all 1–2 character queries', all12, '≤ 50 ms p95']);

  const ids = raw
    .prepare('SELECT customer_id FROM customer_summaries ORDER BY purchase_count DESC LIMIT 20')
    .pluck()
    .all() as number[];
  const r = random(7);
  const maxCustomer = raw.prepare('SELECT max(customer_id) FROM customer_summaries').pluck().get() as number;
  for (let i = 0; i < RUNS; i++) ids.push(r.int(1, maxCustomer));
  const page: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    await backend.call('customers.get', { id });
    page.push(performance.now() - started);
  }
  rows.push([`customer page (customers.get; incl. the 20 biggest buyers)`, page, '≤ 20 ms p95']);

  const lists: [string, InputOf<'customers.list'>][] = [
    ['last purchase, newest first', {}],
    ['lifetime value', { sort: { by: 'lifetimeValue', dir: 'desc' } }],
    ['repeat count', { sort: { by: 'repeatCount', dir: 'desc' } }],
    ['name (reading)', { sort: { by: 'name', dir: 'asc' } }],
    ['repeat customers only', { filter: { repeatOnly: true } }],
    ['楽天 buyers', { filter: { marketplace: 'rakuten' } }],
    ['text "やまだ"', { filter: { text: 'やまだ' } }],
    ['page 500 (offset 50,000)', { offset: 50_000 }],
  ];
  for (const [name, input] of lists) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const res = await backend.call('customers.list', { ...input, limit: 100 });
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(res.error.message);
    }
    rows.push([`customers list: ${name} (page of 100 + total)`, times, 'reported']);
  }
  const dupStarted = performance.now();
  const dup = await backend.call('customers.duplicates', {});
  rows.push([
    `duplicates list (${dup.ok ? dup.value.length : 0} pairs)`,
    [performance.now() - dupStarted],
    'reported',
  ]);
  backend.close();

  console.log('measure'.padEnd(66), 'median'.padStart(10), 'p95'.padStart(10), '  target');
  for (const [name, times, target] of rows) {
    console.log(
      name.padEnd(66),
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
