import { CompiledQuery } from 'kysely';
import { caseDoc } from '../../search/documents';
import type { Migration } from './types';

/** Rows per INSERT: 3 parameters each, well under SQLite's limit of 32,766. */
const BATCH = 500;

const ddl = (text: string) => ({ compile: () => CompiledQuery.raw(text) });

/**
 * Complaint cases in full-text search: case_fts over each case's summary and wish and its timeline messages,
 * trigram-tokenized like deal_fts and customer_fts (see electron/backend/search/case-index.ts), back-filled
 * here from the cases already recorded. The documents are search keys computed in code (caseDoc); should
 * those rules change, the search index version rebuilds this table with the others.
 */
export const caseSearch: Migration = {
  version: 10,
  name: 'full-text index of complaint cases and their messages',
  up({ qb, exec, all }) {
    exec(
      ddl(`CREATE VIRTUAL TABLE case_fts USING fts5(
    summary, messages, tokenize='trigram', detail=full)`),
    );
    const cases = all<{ id: number; summary: string; wish: string }>(
      qb.selectFrom('cases').select(['id', 'summary', 'wish']).orderBy('id'),
    );
    const entries = new Map<number, string[]>();
    for (const e of all<{ case_id: number; text: string }>(
      qb
        .selectFrom('case_entries')
        .select(['case_id', 'text'])
        .orderBy('case_id')
        .orderBy('at')
        .orderBy('id'),
    )) {
      const list = entries.get(e.case_id);
      if (list) list.push(e.text);
      else entries.set(e.case_id, [e.text]);
    }
    // Many rows per statement: every exec prepares its statement anew.
    const docs = cases.map((c) => caseDoc(c, entries.get(c.id) ?? []));
    for (let i = 0; i < docs.length; i += BATCH) {
      exec(
        qb
          .insertInto('case_fts')
          .values(
            docs
              .slice(i, i + BATCH)
              .map((doc) => ({ rowid: doc.id, summary: doc.summary, messages: doc.messages })),
          ),
      );
    }
  },
};
