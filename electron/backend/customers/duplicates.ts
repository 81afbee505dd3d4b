import type { DuplicatePairDto, DuplicateReason, ParsedInputOf } from '../../../shared/contract';
import { identityKinds, type IdentityKind } from '../../../shared/domain/customers/identity';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { identityDisplay } from './identities';
import { customerRows } from './read';

/** How strongly each reason says "one person"; a pair's score is the sum of its reasons. */
const WEIGHT: Record<DuplicateReason, number> = {
  platform: 8,
  email: 8,
  phone: 4,
  name_postal: 4,
  same_name: 1,
};
/**
 * A name shared by more customers than this is a common name (佐藤 美咲), not evidence: the same-name reason
 * only pairs customers whose name is rare in this ledger.
 */
const COMMON_NAME = 3;
/** Rows read per identity kind (and for same names): bounds the work however many namesakes there are. */
const PER_KIND = 2_000;

interface Pair {
  a: number;
  b: number;
  reasons: Set<DuplicateReason>;
  shared: Set<string>;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Active customers only: a merged row's leftover identities are not a new duplicate. */
function activeIds(db: Db, ids: number[]): Set<number> {
  const active = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    for (const r of db.all(
      db.qb.selectFrom('customer_summaries').select('customer_id').where('customer_id', 'in', part),
    ))
      active.add(r.customer_id);
  }
  return active;
}

/**
 * Possible duplicates: customers sharing an identifier that automatic matching did not act on (a phone
 * number with a different name, an e-mail after a split…), and customers with the same rare name and
 * reading. Pairs a member dismissed (or split) are left out. Strongest first.
 */
export function duplicates(
  ctx: ServiceContext,
  input: ParsedInputOf<'customers.duplicates'>,
): DuplicatePairDto[] {
  const { db } = ctx;
  const limit = input.limit ?? 100;
  const pairs = new Map<string, Pair>();
  const add = (a: number, b: number, reason: DuplicateReason, shared: string) => {
    const key = pairKey(a, b);
    let p = pairs.get(key);
    if (!p)
      pairs.set(key, (p = { a: Math.min(a, b), b: Math.max(a, b), reasons: new Set(), shared: new Set() }));
    p.reasons.add(reason);
    p.shared.add(shared);
  };

  // Identifiers held by two or more customers (kept in shared_identities as they are recorded), strongest
  // kind first and bounded per kind, so a ledger with thousands of namesakes still answers quickly.
  const shared: { kind: string; value: string; customer_id: number }[] = [];
  for (const kind of identityKinds) {
    shared.push(
      ...db.all(
        db.qb
          // A CTE with a LIMIT is materialised, so the (small) shared set drives the join rather than a
          // walk of every identity of this kind.
          .with('dup', (qb) =>
            qb
              .selectFrom('shared_identities')
              .select(['kind', 'value', 'marketplace'])
              .where('kind', '=', kind)
              .limit(PER_KIND),
          )
          .selectFrom('dup')
          .innerJoin('customer_identities as i', (join) =>
            join
              .onRef('i.kind', '=', 'dup.kind')
              .onRef('i.value', '=', 'dup.value')
              .onRef('i.marketplace', '=', 'dup.marketplace'),
          )
          .select(['i.kind', 'i.value', 'i.customer_id']),
      ),
    );
  }
  const groups = new Map<string, { kind: string; value: string; ids: number[] }>();
  for (const r of shared) {
    const key = `${r.kind}\u0000${r.value}`;
    const g = groups.get(key) ?? { kind: r.kind, value: r.value, ids: [] };
    g.ids.push(r.customer_id);
    groups.set(key, g);
  }

  // The same name and reading, when only a few customers have it.
  const names = db.all(
    db.qb
      .with('rare', (qb) =>
        qb
          .selectFrom('customer_summaries')
          .select('name_key')
          .where('name_key', '<>', '')
          .groupBy('name_key')
          .having((eb) => eb.fn.countAll(), '>', 1)
          .having((eb) => eb.fn.countAll(), '<=', COMMON_NAME),
      )
      .selectFrom('rare')
      .innerJoin('customer_summaries as s', 's.name_key', 'rare.name_key')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(['s.name_key', 's.reading_key', 's.customer_id', 'c.name'])
      .limit(PER_KIND),
  );
  const byName = new Map<string, { name: string; reading: string; id: number }[]>();
  for (const r of names) {
    const list = byName.get(r.name_key) ?? [];
    list.push({ name: r.name, reading: r.reading_key, id: r.customer_id });
    byName.set(r.name_key, list);
  }

  const involved = new Set<number>();
  for (const g of groups.values()) g.ids.forEach((id) => involved.add(id));
  for (const list of byName.values()) list.forEach((c) => involved.add(c.id));
  const active = activeIds(db, [...involved]);

  for (const g of groups.values()) {
    const ids = g.ids.filter((id) => active.has(id));
    if (ids.length < 2 || ids.length > 10) continue; // ten buyers behind one "phone number" is a shop's number
    const display = identityDisplay(g.kind as IdentityKind, g.value);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, g.kind as DuplicateReason, display);
  }
  for (const [nameKey, list] of byName) {
    const people = list.filter((c) => active.has(c.id));
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) {
        const x = people[i]!;
        const y = people[j]!;
        // Same kanji, different reading (中田 なかた / なかだ): two people. A missing reading (the key falls
        // back to the name) says nothing either way.
        if (x.reading === y.reading || x.reading === nameKey || y.reading === nameKey)
          add(x.id, y.id, 'same_name', x.name);
      }
  }

  const dismissed = new Set(
    db
      .all(db.qb.selectFrom('customer_distinct').select(['low_id', 'high_id']))
      .map((d) => pairKey(d.low_id, d.high_id)),
  );
  const ranked = [...pairs.values()]
    .filter((p) => !dismissed.has(pairKey(p.a, p.b)))
    .map((p) => ({ p, score: [...p.reasons].reduce((s, r) => s + WEIGHT[r], 0) }))
    .sort((x, y) => y.score - x.score || y.p.b - x.p.b)
    .slice(0, limit);

  const rows = customerRows(
    db,
    ranked.flatMap(({ p }) => [p.a, p.b]),
  );
  const strip = <T extends { lastDealId: number | null }>({ lastDealId: _l, ...r }: T) => r;
  return ranked.flatMap(({ p }) => {
    const a = rows.get(p.a);
    const b = rows.get(p.b);
    if (!a || !b) return [];
    return [
      {
        a: strip(a),
        b: strip(b),
        reasons: [...p.reasons].sort((x, y) => WEIGHT[y] - WEIGHT[x]),
        shared: [...p.shared],
      },
    ];
  });
}
