import type { DraftDeal } from '../../../shared/domain/import';
import {
  editedColumns,
  PROFILE_COLUMNS,
  profileComplete,
  profileFill,
  type Profile,
  type ProfileColumn,
} from '../customers/profile-fill';
import type { Db } from '../db/executor';
import { chunks } from './customers';
import { offeredProfile } from './offered-profile';
import { writesNothing, type DealPlan } from './plan';
import { prepare } from './statements';

/** Told of each customer whose profile was filled: the values before and after (with `updated_at`). */
export type ProfileJournal = (
  customerId: number,
  before: Record<string, string | null>,
  after: Record<string, string | null>,
) => void;

/** Newest order first; orders without a date last (ISO times compare as text). */
function newestFirst(a: DraftDeal, b: DraftDeal): number {
  const x = a.orderedAt ?? '';
  const y = b.orderedAt ?? '';
  return x < y ? 1 : x > y ? -1 : 0;
}

/** One known customer's profile as an import would leave it: the columns it fills and their values. */
interface PlannedFill {
  id: number;
  updatedAt: string;
  current: Profile;
  profile: Profile;
  columns: ProfileColumn[];
}

/**
 * The profile fills a batch's plans make: for each known customer matched by an order, the empty fields
 * (reading, e-mail, phone, postal code, prefecture, address) those orders supply, except the fields a member
 * set or cleared by hand. Where orders disagree the newest one's details are learned. Only plans matched to
 * an existing customer take part, so a first import of new buyers pays nothing here. Reads, never writes:
 * the preview counts what the commit then writes.
 */
function plannedFills(db: Db, plans: DealPlan[]): PlannedFill[] {
  const offers = new Map<number, DraftDeal[]>();
  for (const plan of plans) {
    if (plan.customer.kind !== 'existing') continue;
    const list = offers.get(plan.customer.id);
    if (list) list.push(plan.draft);
    else offers.set(plan.customer.id, [plan.draft]);
  }
  const fills: PlannedFill[] = [];
  for (const ids of chunks([...offers.keys()])) {
    const rows = db.all(
      db.qb
        .selectFrom('customers')
        .select(['id', 'updated_at', 'edited_fields', ...PROFILE_COLUMNS])
        .where('id', 'in', ids)
        .orderBy('id'),
    );
    for (const { id, updated_at, edited_fields, ...current } of rows) {
      // A repeat buyer's profile is usually complete already: nothing to read from the orders then.
      if (profileComplete(current)) continue;
      const edited = editedColumns(edited_fields);
      let profile: Profile = current;
      for (const draft of offers.get(id)!.sort(newestFirst)) {
        profile = { ...profile, ...profileFill(profile, offeredProfile(draft), edited) };
        if (profileComplete(profile)) break;
      }
      const columns = PROFILE_COLUMNS.filter((c) => profile[c] !== current[c]);
      if (columns.length > 0) fills.push({ id, updatedAt: updated_at, current, profile, columns });
    }
  }
  return fills;
}

/**
 * How many known customers a commit of these plans would give details to (the preview's figure). A batch
 * that writes nothing (the same file again) commits nothing, so it fills nobody either.
 */
export function countProfileFills(db: Db, plans: DealPlan[]): number {
  return writesNothing(plans) ? 0 : plannedFills(db, plans).length;
}

/** Writes the planned fills (see {@link plannedFills}), each journalled for undo. Returns the customers that changed. */
export function fillKnownProfiles(db: Db, plans: DealPlan[], now: string, journal: ProfileJournal): number[] {
  const fills = plannedFills(db, plans);
  if (fills.length === 0) return [];
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
  for (const { id, updatedAt, current, profile, columns } of fills) {
    const set: Partial<Profile> = {};
    const before: Record<string, string | null> = { updated_at: updatedAt };
    for (const column of columns) {
      set[column] = profile[column];
      before[column] = current[column];
    }
    update.run({ ...profile, updated_at: now, id });
    journal(id, before, { ...set, updated_at: now });
  }
  return fills.map((f) => f.id);
}
