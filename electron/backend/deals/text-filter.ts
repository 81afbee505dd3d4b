import { sql, type Expression, type SqlBool } from 'kysely';
import { parseQuery } from '../../../shared/domain/search/query';
import { searchKey } from '../../../shared/domain/search/key';
import { substringQuery } from '../search/sqlite-fts';

/** Deals a text filter may bring in from the index, newest first; more than this and the list says "以上". */
export const TEXT_DEAL_CANDIDATES = 10_001;
/** Buyers a text filter may bring in (each with their deals). */
const TEXT_CUSTOMER_CANDIDATES = 2_000;

const prefixEnd = (key: string) => key + '\u{10FFFF}';

/** True when the text is searched as a buyer-name prefix (one or two characters), which has few candidates. */
export function isBuyerPrefixText(text: string): boolean {
  const q = parseQuery(text);
  return q.key !== '' && q.length < 3;
}

/**
 * The deals page's free-text filter, answered by the search index (electron/backend/search) instead of
 * scanning every deal with LIKE: an order or tracking number exactly (any format), otherwise
 * - three or more characters: deals whose order number, buyer handle, recipient or items contain the text,
 *   and deals of buyers whose name, reading or contacts contain it (trigram index);
 * - one or two characters (too short for trigrams): deals of buyers whose name or reading starts with them.
 * Null when nothing searchable is left (only spaces or symbols): the filter then matches nothing.
 * `id` is the deal id column as the caller wants it referenced (a unary plus keeps it off the index).
 */
export function textCondition(text: string, id: Expression<number>): Expression<SqlBool> | null {
  const q = parseQuery(text);
  if (q.key === '') return null;
  const codes = [...new Set([q.key, ...q.orderNumbers.map((o) => searchKey(o))])].filter((c) => c !== '');
  const parts = [sql<SqlBool>`${id} IN (SELECT deal_id FROM deal_codes WHERE code IN (${sql.join(codes)}))`];
  if (q.length >= 3) {
    const keys = q.terms.length > 1 ? q.terms.filter((t) => [...t].length >= 3) : [q.key];
    const match = substringQuery(keys.length > 0 ? keys : [q.key]);
    parts.push(
      sql<SqlBool>`${id} IN (SELECT rowid FROM deal_fts WHERE deal_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${TEXT_DEAL_CANDIDATES})`,
      sql<SqlBool>`${id} IN (SELECT id FROM deals WHERE customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${TEXT_CUSTOMER_CANDIDATES}))`,
    );
  } else {
    const buyers = (column: 'name_key' | 'reading_key') =>
      sql`SELECT customer_id FROM customer_summaries WHERE ${sql.ref(column)} >= ${q.key} AND ${sql.ref(column)} < ${prefixEnd(q.key)}`;
    parts.push(
      sql<SqlBool>`${id} IN (SELECT id FROM deals WHERE customer_id IN (SELECT customer_id FROM (${buyers('name_key')} UNION ${buyers('reading_key')}) LIMIT ${TEXT_CUSTOMER_CANDIDATES}))`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}
