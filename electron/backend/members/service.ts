import type { MemberColor, MemberDto, ParsedInputOf, SessionDto } from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { hashPin, verifyPin } from './pin';
import { findMember, findMemberByName, listMembers, nextSortOrder, type MemberRow } from './queries';

export function toMemberDto(row: MemberRow): MemberDto {
  return {
    id: row.id,
    name: row.name,
    color: row.color as MemberColor,
    hasPin: row.pin_hash !== null,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
  };
}

function requireMember(ctx: ServiceContext, id: number): MemberRow {
  const row = findMember(ctx.db, id);
  if (!row) throw new TorihikiError('not_found', `Member ${id} does not exist.`);
  return row;
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId?: number): void {
  const other = findMemberByName(ctx.db, name);
  if (other && other.id !== exceptId) {
    throw new TorihikiError('conflict', `A member named "${name}" already exists.`, [
      { path: 'name', message: 'This name is already used' },
    ]);
  }
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'members.list'>): MemberDto[] {
  return listMembers(ctx.db, input.includeArchived ?? false).map(toMemberDto);
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'members.create'>): MemberDto {
  assertNameFree(ctx, input.name);
  const { db } = ctx;
  const { lastInsertRowid } = db.run(
    db.qb.insertInto('members').values({
      name: input.name,
      color: input.color,
      pin_hash: input.pin ? hashPin(input.pin) : null,
      sort_order: nextSortOrder(db),
      created_at: ctx.clock.now().toISOString(),
    }),
  );
  // The very first member starts using the app at once: nobody has to "log in" on a new install.
  if (ctx.actorId() === null) ctx.setActor(lastInsertRowid);
  ctx.log({
    action: 'member.created',
    subjectType: 'member',
    subjectId: lastInsertRowid,
    detail: { name: input.name },
  });
  ctx.changed('members', 'session');
  return toMemberDto(requireMember(ctx, lastInsertRowid));
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'members.update'>): MemberDto {
  const before = requireMember(ctx, input.id);
  if (input.name !== undefined) assertNameFree(ctx, input.name, input.id);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
  };
  if (Object.keys(patch).length > 0) {
    ctx.db.run(ctx.db.qb.updateTable('members').set(patch).where('id', '=', input.id));
  }
  ctx.log({
    action: 'member.updated',
    subjectType: 'member',
    subjectId: input.id,
    detail: { before: { name: before.name, color: before.color }, after: patch },
  });
  ctx.changed('members', 'session');
  return toMemberDto(requireMember(ctx, input.id));
}

export function setPin(ctx: ServiceContext, input: ParsedInputOf<'members.setPin'>): MemberDto {
  const member = requireMember(ctx, input.id);
  if (member.pin_hash !== null && (!input.currentPin || !verifyPin(input.currentPin, member.pin_hash))) {
    throw new TorihikiError('forbidden', 'The current PIN is wrong.', [
      { path: 'currentPin', message: 'Wrong PIN' },
    ]);
  }
  ctx.db.run(
    ctx.db.qb
      .updateTable('members')
      .set({ pin_hash: input.newPin === null ? null : hashPin(input.newPin) })
      .where('id', '=', input.id),
  );
  ctx.log({
    action: input.newPin === null ? 'member.pinRemoved' : 'member.pinSet',
    subjectType: 'member',
    subjectId: input.id,
    detail: { name: member.name },
  });
  ctx.changed('members');
  return toMemberDto(requireMember(ctx, input.id));
}

export function archive(ctx: ServiceContext, input: ParsedInputOf<'members.archive'>): MemberDto {
  const member = requireMember(ctx, input.id);
  ctx.db.run(
    ctx.db.qb
      .updateTable('members')
      .set({ archived_at: input.archived ? ctx.clock.now().toISOString() : null })
      .where('id', '=', input.id),
  );
  ctx.log({
    action: input.archived ? 'member.archived' : 'member.restored',
    subjectType: 'member',
    subjectId: input.id,
    detail: { name: member.name },
  });
  if (input.archived && ctx.actorId() === input.id) ctx.setActor(null);
  ctx.changed('members', 'session');
  return toMemberDto(requireMember(ctx, input.id));
}

export function getSession(ctx: ServiceContext): SessionDto {
  const id = ctx.actorId();
  const row = id === null ? undefined : findMember(ctx.db, id);
  return { current: row && row.archived_at === null ? toMemberDto(row) : null };
}

export function switchMember(ctx: ServiceContext, input: ParsedInputOf<'session.switch'>): SessionDto {
  const member = requireMember(ctx, input.memberId);
  if (member.archived_at !== null) {
    throw new TorihikiError('conflict', `${member.name} is archived; restore the member first.`);
  }
  if (member.pin_hash !== null && (!input.pin || !verifyPin(input.pin, member.pin_hash))) {
    throw new TorihikiError('forbidden', `Wrong PIN for ${member.name}.`, [
      { path: 'pin', message: 'Wrong PIN' },
    ]);
  }
  ctx.setActor(member.id);
  ctx.log({
    action: 'session.switched',
    subjectType: 'member',
    subjectId: member.id,
    detail: { name: member.name },
  });
  ctx.changed('session');
  return getSession(ctx);
}
