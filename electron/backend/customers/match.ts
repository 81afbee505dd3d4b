import type { Db } from '../db/executor';

export interface BuyerFacts {
  name: string;
  kana?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  prefecture?: string | null;
  address?: string | null;
}

/**
 * Finds the customer a new deal belongs to, or creates one. Matching is deliberately conservative
 * (same e-mail, same phone, or same name and postal code): a wrong merge mixes two buyers' histories,
 * which is worse than a duplicate a member can merge later.
 */
export function findOrCreateCustomer(db: Db, buyer: BuyerFacts, now: string): number {
  const { qb } = db;
  const byEmail = buyer.email
    ? db.first(qb.selectFrom('customers').select('id').where('email', '=', buyer.email.toLowerCase()))
    : undefined;
  if (byEmail) return byEmail.id;
  const byPhone = buyer.phone
    ? db.first(qb.selectFrom('customers').select('id').where('phone', '=', buyer.phone))
    : undefined;
  if (byPhone) return byPhone.id;
  if (buyer.postalCode) {
    const byNameAndPostal = db.first(
      qb
        .selectFrom('customers')
        .select('id')
        .where('name', '=', buyer.name)
        .where('postal_code', '=', buyer.postalCode),
    );
    if (byNameAndPostal) return byNameAndPostal.id;
  }
  return db.run(
    qb.insertInto('customers').values({
      name: buyer.name,
      name_kana: buyer.kana ?? null,
      email: buyer.email?.toLowerCase() ?? null,
      phone: buyer.phone ?? null,
      postal_code: buyer.postalCode ?? null,
      prefecture: buyer.prefecture ?? null,
      address: buyer.address ?? null,
      notes: '',
      created_at: now,
      updated_at: now,
    }),
  ).lastInsertRowid;
}
