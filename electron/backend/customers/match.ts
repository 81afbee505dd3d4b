import {
  emailKey,
  identityKeys,
  namesAgree,
  type IdentityKey,
} from '../../../shared/domain/customers/identity';
import { sanitizeText } from '../../../shared/domain/text/clean';
import { normalizeName } from '../../../shared/domain/text/name';
import { normalizePhone } from '../../../shared/domain/text/phone';
import { normalizePostalCode } from '../../../shared/domain/text/postal';
import type { Db } from '../db/executor';
import { reindexCustomers } from '../search/reindex';
import { addIdentities, customersWithIdentity } from './identities';
import { editedColumns, PROFILE_COLUMNS, profileFill, type OfferedProfile } from './profile-fill';

/** A buyer as a deal names them: the profile details (kana, contacts, address) and who they are. */
export interface BuyerFacts extends OfferedProfile {
  name: string;
  /** The deal's marketplace; with `platformId`, a Yahoo! ID names the buyer across all their deals. */
  marketplace?: string | null;
  /** The buyer's account id on that marketplace (deals.buyer_handle). */
  platformId?: string | null;
}

/**
 * Finds the customer a new deal belongs to, or creates one, and records every identifier the deal carries
 * against that customer. Matching is deliberately conservative, because a wrong merge mixes two buyers'
 * histories, which is worse than a duplicate a member can merge later (the duplicates list shows it):
 * - the same Yahoo! ID on the same marketplace, or the same e-mail: the same buyer;
 * - the same phone number: only when the names agree too (a family shares a landline);
 * - the same name or reading at the same postal code: the same buyer.
 * Identifiers are compared normalised (NFKC, lower-case e-mail, phone digits, kana as hiragana, honorifics
 * dropped), so "ヤマダ ハナコ 様" on one marketplace and "やまだ はなこ" on another meet. When an identifier is
 * shared by several customers (after a member split them), only a name that agrees picks one. Keeps the
 * customer's search entry and figures current.
 */
export function findOrCreateCustomer(db: Db, buyer: BuyerFacts, now: string): number {
  const keys = identityKeys(buyer);
  const name = normalizeName(buyer.name) || sanitizeText(buyer.name).trim();
  const found = matchExisting(db, keys, { name, kana: buyer.kana });
  if (found !== null) {
    const added = addIdentities(db, found, keys, now);
    const filled = fillEmptyProfile(db, found, buyer, now);
    if (added > 0 || filled) reindexCustomers(db, [found], new Date(now));
    return found;
  }
  const { lastInsertRowid: id } = db.run(
    db.qb.insertInto('customers').values({
      name,
      name_kana: buyer.kana ? sanitizeText(buyer.kana).normalize('NFKC').trim() || null : null,
      email: emailKey(buyer.email) ?? null,
      phone: buyer.phone ? normalizePhone(buyer.phone) || null : null,
      postal_code: normalizePostalCode(buyer.postalCode ?? ''),
      prefecture: buyer.prefecture ?? null,
      address: buyer.address ?? null,
      notes: '',
      created_at: now,
      updated_at: now,
    }),
  );
  addIdentities(db, id, keys, now);
  reindexCustomers(db, [id], new Date(now));
  return id;
}

function matchExisting(
  db: Db,
  keys: IdentityKey[],
  buyer: { name: string; kana?: string | null | undefined },
): number | null {
  for (const key of keys) {
    const candidates = customersWithIdentity(db, key);
    if (candidates.length === 0) continue;
    const strong = key.kind === 'platform' || key.kind === 'email' || key.kind === 'name_postal';
    if (strong && candidates.length === 1) return candidates[0]!;
    // A phone number, or an identifier a member has said belongs to several people: the name decides.
    const agreeing = candidates.filter((id) => {
      const c = db.first(db.qb.selectFrom('customers').select(['name', 'name_kana']).where('id', '=', id));
      return c !== undefined && namesAgree(buyer, { name: c.name, kana: c.name_kana });
    });
    if (agreeing.length === 1 || (agreeing.length > 1 && key.kind === 'phone')) return agreeing[0]!;
  }
  return null;
}

/**
 * Fills contact fields the customer does not have yet; never overwrites what is there, nor fills a field a
 * member set or cleared by hand.
 */
function fillEmptyProfile(db: Db, id: number, buyer: BuyerFacts, now: string): boolean {
  const c = db.first(
    db.qb
      .selectFrom('customers')
      .select(['id', 'edited_fields', ...PROFILE_COLUMNS])
      .where('id', '=', id),
  );
  if (!c) return false;
  const set = profileFill(c, buyer, editedColumns(c.edited_fields));
  if (Object.keys(set).length === 0) return false;
  db.run(
    db.qb
      .updateTable('customers')
      .set({ ...set, updated_at: now })
      .where('id', '=', id),
  );
  return true;
}
