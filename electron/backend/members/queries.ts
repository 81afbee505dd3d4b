import type { Selectable } from 'kysely';
import type { Db } from '../db/executor';
import type { MembersTable } from '../db/schema';

export type MemberRow = Selectable<MembersTable>;

export function listMembers(db: Db, includeArchived: boolean): MemberRow[] {
  let q = db.qb.selectFrom('members').selectAll().orderBy('sort_order').orderBy('id');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return db.all(q);
}

export function findMember(db: Db, id: number): MemberRow | undefined {
  return db.first(db.qb.selectFrom('members').selectAll().where('id', '=', id));
}

export function findMemberByName(db: Db, name: string): MemberRow | undefined {
  return db.first(db.qb.selectFrom('members').selectAll().where('name', '=', name));
}

export function nextSortOrder(db: Db): number {
  const row = db.first(db.qb.selectFrom('members').select((eb) => eb.fn.max('sort_order').as('max')));
  return (row?.max ?? -1) + 1;
}
