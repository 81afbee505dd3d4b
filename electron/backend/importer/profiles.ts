import { namesAgree } from '../../../shared/domain/customers/identity';
import type { DraftDeal } from '../../../shared/domain/import';
import {
  PROFILE_COLUMNS,
  profileComplete,
  profileFill,
  type OfferedProfile,
  type Profile,
  type ProfileColumn,
} from '../customers/profile-fill';
import type { Db } from '../db/executor';
import { chunks } from './customers';
import type { DealPlan } from './plan';
import { prepare } from './statements';

/** Told of each customer whose profile was filled: the values before and after (with `updated_at`). */
export type ProfileJournal = (
  customerId: number,
  before: Record<string, string | null>,
  after: Record<string, string | null>,
) => void;

/**
 * What an order says about its buyer. Ship-to details count only when the parcel goes to the buyer: a
 * gift's recipient has another name, and their address or phone is not the buyer's.
 */
export function offeredProfile(d: DraftDeal): OfferedProfile {
  const { buyer, shipTo } = d;
  const toBuyer =
    !buyer.name ||
    !shipTo.name ||
    namesAgree({ name: buyer.name, kana: buyer.kana }, { name: shipTo.name, kana: shipTo.kana });
  const offered: OfferedProfile = {
    kana: buyer.kana ?? (toBuyer ? shipTo.kana : null),
    email: buyer.email,
    phone: buyer.phone ?? (toBuyer ? shipTo.phone : null),
  };
  if (toBuyer) {
    offered.postalCode = shipTo.postalCode;
    offered.prefecture = shipTo.prefecture;
    offered.address = [shipTo.address1, shipTo.address2].filter(Boolean).join(' ') || null;
  }
  return offered;
}

/** Newest order first; orders without a date last (ISO times compare as text). */
function newestFirst(a: DraftDeal, b: DraftDeal): number {
  const x = a.orderedAt ?? '';
  const y = b.orderedAt ?? '';
  return x < y ? 1 : x > y ? -1 : 0;
}

/**
 * Fills the empty profile fields (reading, e-mail, phone, postal code, prefecture, address) of the known
 * customers this batch's orders were matched to, from those orders. Where orders disagree the newest one's
 * details are learned. Only plans matched to an existing customer take part, so a first import of new
 * buyers pays nothing here. Returns the customers that changed.
 */
export function fillKnownProfiles(db: Db, plans: DealPlan[], now: string, journal: ProfileJournal): number[] {
  const offers = new Map<number, DraftDeal[]>();
  for (const plan of plans) {
    if (plan.customer.kind !== 'existing') continue;
    const list = offers.get(plan.customer.id);
    if (list) list.push(plan.draft);
    else offers.set(plan.customer.id, [plan.draft]);
  }
  const filled: number[] = [];
  if (offers.size === 0) return filled;
  // Every profile column is written (the unchanged ones with their own value): one statement, prepared once.
  const update = prepare<ProfileColumn | 'updated_at' | 'id'>(db, (p) =>
    db.qb
      .updateTable('customers')
      .set({
        name_kana: p('name_kana'),
        email: p('email'),
        phone: p('phone'),
        postal_code: p('postal_code'),
        prefecture: p('prefecture'),
        address: p('address'),
        updated_at: p('updated_at'),
      })
      .where('id', '=', p('id')),
  );
  for (const ids of chunks([...offers.keys()])) {
    const rows = db.all(
      db.qb
        .selectFrom('customers')
        .select(['id', 'updated_at', ...PROFILE_COLUMNS])
        .where('id', 'in', ids)
        .orderBy('id'),
    );
    for (const { id, updated_at, ...current } of rows) {
      // A repeat buyer's profile is usually complete already: nothing to read from the orders then.
      if (profileComplete(current)) continue;
      let profile: Profile = current;
      for (const draft of offers.get(id)!.sort(newestFirst)) {
        profile = { ...profile, ...profileFill(profile, offeredProfile(draft)) };
        if (profileComplete(profile)) break;
      }
      const columns = PROFILE_COLUMNS.filter((c) => profile[c] !== current[c]);
      if (columns.length === 0) continue;
      const set: Partial<Profile> = {};
      const before: Record<string, string | null> = { updated_at };
      for (const column of columns) {
        set[column] = profile[column];
        before[column] = current[column];
      }
      update.run({ ...profile, updated_at: now, id });
      journal(id, before, { ...set, updated_at: now });
      filled.push(id);
    }
  }
  return filled;
}
