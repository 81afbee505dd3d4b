import { TorihikiError } from '../../../shared/result';
import type { Db } from '../db/executor';

/** Work can be given only to a member who exists and is not archived; `path` names the field for the UI. */
export function requireActiveMember(db: Db, memberId: number, path: string): void {
  const member = db.first(
    db.qb.selectFrom('members').select(['id', 'archived_at']).where('id', '=', memberId),
  );
  if (!member)
    throw new TorihikiError('not_found', `Member ${memberId} does not exist.`, [
      { path, message: 'Unknown member' },
    ]);
  if (member.archived_at !== null) {
    throw new TorihikiError('conflict', `Member ${memberId} is archived.`, [
      { path, message: 'Archived member' },
    ]);
  }
}
