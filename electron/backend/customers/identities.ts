import type { IdentityDto } from '../../../shared/contract';
import type { IdentityKey, IdentityKind } from '../../../shared/domain/customers/identity';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import { formatPhone } from '../../../shared/domain/text/phone';
import type { Db } from '../db/executor';

/**
 * Records identifiers against a customer; ones it already has are left as they are. An identifier another
 * customer holds too is noted in shared_identities, for the duplicates list. Returns how many were new.
 */
export function addIdentities(db: Db, customerId: number, keys: IdentityKey[], now: string): number {
  let added = 0;
  for (const k of keys) {
    const { changes } = db.run(
      db.qb
        .insertInto('customer_identities')
        .values({
          customer_id: customerId,
          kind: k.kind,
          marketplace: k.marketplace,
          value: k.value,
          created_at: now,
        })
        .onConflict((oc) => oc.doNothing()),
    );
    if (changes === 0) continue;
    added++;
    const other = db.first(
      db.qb
        .selectFrom('customer_identities')
        .select('customer_id')
        .where('kind', '=', k.kind)
        .where('value', '=', k.value)
        .where('marketplace', '=', k.marketplace)
        .where('customer_id', '<>', customerId)
        .limit(1),
    );
    if (other) {
      db.run(
        db.qb
          .insertInto('shared_identities')
          .values({ kind: k.kind, value: k.value, marketplace: k.marketplace })
          .onConflict((oc) => oc.doNothing()),
      );
    }
  }
  return added;
}

/**
 * Active customers (not merged into another) holding this identifier, most recently entered first.
 * Usually one; two after a split or when matching declined a shared family phone.
 */
export function customersWithIdentity(db: Db, key: IdentityKey): number[] {
  return db
    .all(
      db.qb
        .selectFrom('customer_identities as i')
        .select('i.customer_id')
        .where('i.kind', '=', key.kind)
        .where('i.value', '=', key.value)
        .where('i.marketplace', '=', key.marketplace)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('customer_merges as m')
                .select('m.id')
                .whereRef('m.absorb_id', '=', 'i.customer_id')
                .where('m.split_at', 'is', null),
            ),
          ),
        )
        .orderBy('i.customer_id', 'desc')
        .limit(20),
    )
    .map((r) => r.customer_id);
}

export function identityDisplay(kind: IdentityKind, value: string): string {
  switch (kind) {
    case 'phone':
      return formatPhone(value);
    case 'name_postal': {
      const [postal = '', name = ''] = value.split(/:(.*)/s);
      return `〒${postal.slice(0, 3)}-${postal.slice(3)} ${name}`;
    }
    default:
      return value;
  }
}

export function identitiesOf(db: Db, customerId: number): IdentityDto[] {
  return db
    .all(
      db.qb
        .selectFrom('customer_identities')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('kind')
        .orderBy('id'),
    )
    .map((r) => ({
      id: r.id,
      kind: r.kind as IdentityKind,
      marketplace: r.marketplace === '' ? null : (r.marketplace as Marketplace),
      value: r.value,
      display: identityDisplay(r.kind as IdentityKind, r.value),
      createdAt: r.created_at,
    }));
}
