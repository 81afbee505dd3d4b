import { emailKey } from '../../../shared/domain/customers/identity';
import { sanitizeText } from '../../../shared/domain/text/clean';
import { normalizePhone } from '../../../shared/domain/text/phone';
import { normalizePostalCode } from '../../../shared/domain/text/postal';
import { parseList } from '../deals/read';

/** The profile columns an order can teach the ledger about a buyer it already knows. */
export const PROFILE_COLUMNS = [
  'name_kana',
  'email',
  'phone',
  'postal_code',
  'prefecture',
  'address',
] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
export type Profile = Record<ProfileColumn, string | null>;

/** What an order says about its buyer, as written in it (normalised here, as new customers are stored). */
export interface OfferedProfile {
  kana?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  prefecture?: string | null;
  address?: string | null;
}

/** The profile columns a member set or cleared by hand, from customers.edited_fields (unknown entries dropped). */
export function editedColumns(json: string): Set<ProfileColumn> {
  const columns: readonly string[] = PROFILE_COLUMNS;
  return new Set(parseList(json).filter((c): c is ProfileColumn => columns.includes(c)));
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v === '';

/** Every field filled: nothing an order could add. */
export const profileComplete = (p: Profile): boolean => PROFILE_COLUMNS.every((c) => !blank(p[c]));

/**
 * The values an order adds to a customer's profile: only fields that are empty, so nothing a member typed
 * or an earlier order stored is ever replaced, and never a field in `edited`: one a member emptied on
 * purpose stays empty. Prefecture and address come only with their postal code, and only when the customer
 * has no postal code or the same one: a profile never mixes two addresses.
 */
export function profileFill(
  current: Profile,
  offered: OfferedProfile,
  edited: ReadonlySet<ProfileColumn> = new Set(),
): Partial<Profile> {
  const set: Partial<Profile> = {};
  const take = (column: ProfileColumn, value: string | null | undefined) => {
    if (!blank(value) && blank(current[column]) && !edited.has(column)) set[column] = value!;
  };
  take('name_kana', offered.kana ? sanitizeText(offered.kana).normalize('NFKC').trim() : null);
  take('email', emailKey(offered.email));
  take('phone', offered.phone ? normalizePhone(offered.phone) : null);
  const postal = normalizePostalCode(offered.postalCode ?? '');
  if (postal !== null && (blank(current.postal_code) || current.postal_code === postal)) {
    take('postal_code', postal);
    take('prefecture', offered.prefecture);
    take('address', offered.address);
  }
  return set;
}
