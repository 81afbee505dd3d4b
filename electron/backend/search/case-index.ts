import type Database from 'better-sqlite3';
import type { Db } from '../db/executor';
import { caseDoc } from './documents';
import { substringQuery } from './sqlite-fts';

/**
 * The complaint cases' full-text index, case_fts (created and back-filled by migration 010): one document per
 * case, rowid = case id, with the same trigram tokenizer and search keys as the deal and customer index, so a
 * query matches a case however either was written (full/half width, katakana/hiragana, case).
 * - summary: the case's summary and the buyer's wish;
 * - messages: every timeline entry (the buyer's messages, calls, notes).
 * Unlike deal_fts it keeps its content: cases are few (hundreds, a busy shop thousands), and the stored keys let
 * words of one or two characters (破損, 返金), which the trigram index cannot answer, be found by a bounded scan.
 * The cases service re-indexes a case whenever its summary, wish or timeline changes (reindexCase).
 */

export type CasePart = 'summary' | 'messages';

type Statements = Record<'read' | 'entries' | 'remove' | 'insert', Database.Statement>;
const statements = new WeakMap<Database.Database, Statements>();

/** Reused prepared statements; one set per connection. */
function prepared(raw: Database.Database): Statements {
  let s = statements.get(raw);
  if (!s) {
    s = {
      read: raw.prepare('SELECT id, summary, wish FROM cases WHERE id = ?'),
      entries: raw.prepare('SELECT text FROM case_entries WHERE case_id = ? ORDER BY at, id').pluck(),
      remove: raw.prepare('DELETE FROM case_fts WHERE rowid = ?'),
      insert: raw.prepare('INSERT INTO case_fts(rowid, summary, messages) VALUES (?, ?, ?)'),
    };
    statements.set(raw, s);
  }
  return s;
}

/** Brings one case's document up to date (removes it when the case no longer exists). */
export function reindexCase(db: Db, caseId: number): void {
  const { read, entries, remove, insert } = prepared(db.raw);
  const row = read.get(caseId) as { id: number; summary: string; wish: string } | undefined;
  remove.run(caseId);
  if (!row) return;
  const doc = caseDoc(row, entries.all(caseId) as string[]);
  insert.run(doc.id, doc.summary, doc.messages);
}

/** Empties and refills the index from the cases table (a full search rebuild, e.g. after a rules change). */
export function rebuildCaseIndex(db: Db): number {
  const { raw } = db;
  raw.exec('DELETE FROM case_fts');
  const ids = raw.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
  for (const id of ids) reindexCase(db, id);
  return ids.length;
}

/**
 * Cases whose `part` contains every key, newest first, at most `limit`. Keys of three or more characters go
 * through the trigram index (each a quoted phrase, so FTS syntax in them is text); shorter ones are checked with
 * instr on the stored keys, literally (no LIKE wildcards). With only short keys this is a scan, bounded by the
 * number of cases.
 */
export function matchCases(
  raw: Database.Database,
  long: readonly string[],
  short: readonly string[],
  part: CasePart,
  limit: number,
): number[] {
  if (long.length === 0 && short.length === 0) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (long.length > 0) {
    where.push('case_fts MATCH ?');
    params.push(substringQuery(long, [part]));
  }
  for (const key of short) {
    // `part` is one of two fixed column names, never user text.
    where.push(`instr(${part}, ?) > 0`);
    params.push(key);
  }
  const rows = raw
    .prepare(`SELECT rowid FROM case_fts WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(...params, limit);
  return rows as number[];
}
