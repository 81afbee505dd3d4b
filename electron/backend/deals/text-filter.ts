import { sql, type Expression, type SqlBool } from 'kysely';
import { parseQuery, type ParsedQuery } from '../../../shared/domain/search/query';
import { codePointLength, searchKey } from '../../../shared/domain/search/key';
import {
  buyersStartingWith,
  customerIdsStartingWith,
  dealIdsOfBuyersStartingWith,
} from '../search/buyer-start';
import { substringQuery } from '../search/sqlite-fts';

/** Deals a text filter may bring in from the index, newest first; more than this and the list says "以上". */
export const TEXT_DEAL_CANDIDATES = 10_001;
/** Buyers a text filter may bring in (each with their deals). */
const TEXT_CUSTOMER_CANDIDATES = 2_000;

/**
 * True when the text's matches are deals of buyers found by the start of their name (a word of one or two
 * characters, alone or next to longer ones): a few thousand at most, quicker sorted whole than walked.
 */
export function isBuyerPrefixText(text: string): boolean {
  return textWords(parseQuery(text)).buyerStart !== '';
}

/** What a text filter asks of a deal, every part required. */
export interface TextWords {
  /** Keys of three or more characters, all in the deal's own text or all in its buyer's (the trigram index). */
  long: string[];
  /** The start of the buyer's name or reading ('' when nothing is asked of it). */
  buyerStart: string;
}

/**
 * Splits a query into what the index answers and what the buyer's name must start with. Words of one or two
 * characters are too short for trigrams; next to a longer word they are read together, in the order typed,
 * as the start of the buyer's name or reading (what such a word alone finds): 「山田 マフラー」 is 山田's
 * scarf deals, 「山田 花子 マフラー」 those of 山田花子. Short words alone are read as one text
 * (「山田 花子」 as 「山田花子」).
 */
export function textWords(q: ParsedQuery): TextWords {
  if (q.length < 3) return { long: [], buyerStart: q.key };
  const long = q.terms.filter((t) => codePointLength(t) >= 3);
  if (long.length === 0) return { long: [q.key], buyerStart: '' };
  return { long, buyerStart: q.terms.filter((t) => codePointLength(t) < 3).join('') };
}

/**
 * The deals page's free-text filter, answered by the search index (electron/backend/search) instead of
 * scanning every deal with LIKE. A deal matches when the whole text is one of its order or tracking numbers
 * (any format), or when it has every word typed (see {@link textWords}):
 * - words of three or more characters: all in its order number, buyer handle, recipient or items, or all in
 *   its buyer's name, reading or contacts (trigram index);
 * - words of one or two characters: the start of its buyer's name or reading.
 * Null when nothing searchable is left (only spaces or symbols): the filter then matches nothing.
 * `id` is the deal id column as the caller wants it referenced (a unary plus keeps it off the index).
 */
export function textCondition(text: string, id: Expression<number>): Expression<SqlBool> | null {
  const q = parseQuery(text);
  if (q.key === '') return null;
  const codes = [...new Set([q.key, ...q.orderNumbers.map((o) => searchKey(o))])].filter((c) => c !== '');
  const parts = [sql<SqlBool>`${id} IN (SELECT deal_id FROM deal_codes WHERE code IN (${sql.join(codes)}))`];
  const { long, buyerStart } = textWords(q);
  if (long.length === 0) {
    parts.push(
      sql<SqlBool>`${id} IN (SELECT id FROM deals WHERE customer_id IN (SELECT customer_id FROM (${buyersStartingWith(buyerStart, true)}) LIMIT ${TEXT_CUSTOMER_CANDIDATES}))`,
    );
    return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
  }
  const match = substringQuery(long);
  if (buyerStart === '') {
    parts.push(
      sql<SqlBool>`${id} IN (SELECT rowid FROM deal_fts WHERE deal_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${TEXT_DEAL_CANDIDATES})`,
      sql<SqlBool>`${id} IN (SELECT id FROM deals WHERE customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${TEXT_CUSTOMER_CANDIDATES}))`,
    );
  } else {
    // The deals of the buyers named first (a few thousand for a surname), kept when the index has the
    // long words for them, before the limit: the limit then counts deals that have every word.
    parts.push(
      sql<SqlBool>`${id} IN (${dealIdsOfBuyersStartingWith(buyerStart, long, TEXT_DEAL_CANDIDATES)})`,
      sql<SqlBool>`${id} IN (SELECT id FROM deals WHERE customer_id IN (${customerIdsStartingWith(buyerStart, long, TEXT_CUSTOMER_CANDIDATES)}))`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}
