import { sql } from 'kysely';
import type { CaseRowDto, MatchField, SearchTier } from '../../../shared/contract';
import { selectCaseRows, toCaseRow } from '../cases/read';
import type { Db } from '../db/executor';

/**
 * Complaint cases in quick lookup. Cases are few next to deals (a shop has hundreds, a busy one thousands),
 * so they are read live from the cases table rather than kept in the trigram index: a case is found
 * - through a buyer or deal the lookup already found (same tier, ranked right after it), and
 * - by its summary containing the typed text (a case-insensitive scan of one short column, bounded).
 * Being live, a new or edited case is findable at once, with nothing to re-index.
 */

const CANDIDATES = 100;
/** One character would match most summaries; two is the shortest useful Japanese word (破損, 返金). */
const MIN_SUMMARY_QUERY = 2;
/** A pasted message is scanned for identifiers only (see parseQuery); no summary is that long. */
const MAX_SUMMARY_QUERY = 200;

export interface CaseCandidate {
  type: 'case';
  id: number;
  tier: SearchTier;
  matchedOn: MatchField;
  rank: number;
  at: string;
}

interface Parent {
  type: 'customer' | 'deal' | 'case';
  id: number;
  tier: SearchTier;
  matchedOn: MatchField;
  rank: number;
}

/** Adds the cases to `add`; returns true when more matched than were taken. */
export function findCases(
  db: Db,
  text: string,
  scanned: boolean,
  parents: readonly Parent[],
  add: (c: CaseCandidate) => void,
): boolean {
  let truncated = false;
  const customers = new Map<number, Parent>();
  const deals = new Map<number, Parent>();
  for (const p of parents) {
    if (p.type === 'customer' && !customers.has(p.id)) customers.set(p.id, p);
    if (p.type === 'deal' && !deals.has(p.id)) deals.set(p.id, p);
  }
  if (customers.size > 0 || deals.size > 0) {
    const rows = db.all(
      db.qb
        .selectFrom('cases')
        .select(['id', 'customer_id', 'deal_id', 'created_at'])
        .where((eb) =>
          eb.or([
            eb('customer_id', 'in', customers.size > 0 ? [...customers.keys()] : [-1]),
            eb('deal_id', 'in', deals.size > 0 ? [...deals.keys()] : [-1]),
          ]),
        )
        .orderBy('id', 'desc')
        .limit(CANDIDATES + 1),
    );
    truncated = rows.length > CANDIDATES;
    for (const r of rows.slice(0, CANDIDATES)) {
      const viaDeal = r.deal_id !== null ? deals.get(r.deal_id) : undefined;
      const viaCustomer = r.customer_id !== null ? customers.get(r.customer_id) : undefined;
      const parent = [viaDeal, viaCustomer]
        .filter((p): p is Parent => p !== undefined)
        .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.rank - b.rank)[0]!;
      add({
        type: 'case',
        id: r.id,
        tier: parent.tier,
        matchedOn: parent.matchedOn,
        rank: parent.rank,
        at: r.created_at,
      });
    }
  }
  const needle = text.normalize('NFKC').trim();
  if (!scanned && [...needle].length >= MIN_SUMMARY_QUERY && needle.length <= MAX_SUMMARY_QUERY) {
    const rows = db.all(
      db.qb
        .selectFrom('cases')
        .select(['id', 'created_at'])
        // instr, not LIKE: the typed text is matched literally (% and _ are ordinary characters here).
        .where(sql<number>`instr(lower(summary), ${needle.toLowerCase()})`, '>', 0)
        .orderBy('id', 'desc')
        .limit(CANDIDATES + 1),
    );
    truncated ||= rows.length > CANDIDATES;
    for (const r of rows.slice(0, CANDIDATES)) {
      add({ type: 'case', id: r.id, tier: 'text', matchedOn: 'summary', rank: 0, at: r.created_at });
    }
  }
  return truncated;
}

const tierOrder = (t: SearchTier) => (t === 'exact' ? 0 : t === 'name' ? 1 : 2);

/** The returned case hits as list rows (state, category, buyer, deal). */
export function caseRowsOf(db: Db, ids: number[], now: Date): Map<number, CaseRowDto> {
  const map = new Map<number, CaseRowDto>();
  if (ids.length === 0) return map;
  for (const r of db.all(selectCaseRows(db, now.toISOString()).where('k.id', 'in', ids))) {
    map.set(r.id, toCaseRow(r));
  }
  return map;
}

/** Which of these customers have any complaint case: earlier trouble, shown on their hits. */
export function customersWithCases(db: Db, customerIds: number[]): Set<number> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .all(db.qb.selectFrom('cases').select('customer_id').distinct().where('customer_id', 'in', ids))
      .map((r) => r.customer_id as number),
  );
}
