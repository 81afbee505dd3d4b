import type { CaseRowDto, MatchField, SearchTier } from '../../../shared/contract';
import { codePointLength } from '../../../shared/domain/search/key';
import type { ParsedQuery } from '../../../shared/domain/search/query';
import { selectCaseRows, toCaseRow } from '../cases/read';
import type { Db } from '../db/executor';
import { matchCases, type CasePart } from './case-index';

/**
 * Complaint cases in quick lookup. A case is found
 * - through a buyer or deal the lookup already found (same tier, ranked right after it), and
 * - by words of its summary or wish, then of its timeline messages, in its own full-text index (./case-index),
 *   which the cases service keeps current on every write: a new or edited case is findable at once.
 * A pasted message (parseQuery's `scanned`) is looked up by its identifiers only, as for deals.
 */

const CANDIDATES = 100;
/** One character would match most cases; two is the shortest useful Japanese word (破損, 返金). */
const MIN_TEXT_QUERY = 2;

/**
 * Cases whose `part` contains the typed text; when nothing does and several words were typed, those containing
 * each word ("箱 破損"). At most CANDIDATES + 1, newest first.
 */
function casesByText(db: Db, q: ParsedQuery, part: CasePart): number[] {
  if (q.length < MIN_TEXT_QUERY) return [];
  const split = (keys: readonly string[]) => ({
    long: keys.filter((k) => codePointLength(k) >= 3),
    short: keys.filter((k) => k !== '' && codePointLength(k) < 3),
  });
  const whole = split([q.key]);
  const ids = matchCases(db.raw, whole.long, whole.short, part, CANDIDATES + 1);
  if (ids.length > 0 || q.terms.length < 2) return ids;
  const words = split(q.terms);
  return matchCases(db.raw, words.long, words.short, part, CANDIDATES + 1);
}

function createdAt(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all(db.qb.selectFrom('cases').select(['id', 'created_at']).where('id', 'in', ids));
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

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
  q: ParsedQuery,
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
  if (!q.scanned) {
    const bySummary = casesByText(db, q, 'summary');
    const byMessages = casesByText(db, q, 'messages');
    truncated ||= bySummary.length > CANDIDATES || byMessages.length > CANDIDATES;
    const found = [
      ...bySummary.slice(0, CANDIDATES).map((id) => ({ id, matchedOn: 'summary' as const })),
      ...byMessages.slice(0, CANDIDATES).map((id) => ({ id, matchedOn: 'message' as const })),
    ];
    const created = createdAt(
      db,
      found.map((f) => f.id),
    );
    // A case found by both keeps 'summary': `add` keeps the first of equal rank.
    for (const { id, matchedOn } of found) {
      add({ type: 'case', id, tier: 'text', matchedOn, rank: 0, at: created.get(id) ?? '' });
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
