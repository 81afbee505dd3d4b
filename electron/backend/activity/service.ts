import type { ActivityDto, ParsedInputOf } from '../../../shared/contract';
import type { ActivityEntry, ServiceContext } from '../context';
import type { Db } from '../db/executor';

export function insertActivity(db: Db, at: string, memberId: number | null, entry: ActivityEntry): void {
  db.run(
    db.qb.insertInto('activity_log').values({
      at,
      member_id: memberId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    }),
  );
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'activity.list'>): ActivityDto[] {
  let q = ctx.db.qb
    .selectFrom('activity_log as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.id',
      'a.at',
      'a.member_id',
      'm.name as member_name',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.detail',
    ])
    .orderBy('a.id', 'desc')
    .limit(input.limit ?? 100);
  if (input.beforeId !== undefined) q = q.where('a.id', '<', input.beforeId);
  if (input.memberId !== undefined) q = q.where('a.member_id', '=', input.memberId);
  if (input.subject)
    q = q.where('a.subject_type', '=', input.subject.type).where('a.subject_id', '=', input.subject.id);
  return ctx.db.all(q).map((r) => ({
    id: r.id,
    at: r.at,
    memberId: r.member_id,
    memberName: r.member_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    detail: safeJson(r.detail),
  }));
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
