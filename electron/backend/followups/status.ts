import type { FollowupStatusDto } from '../../../shared/contract';
import type { Db } from '../db/executor';
import { isOpenStep } from '../deals/open-steps';

/** The current member's due count (tray badge) and every overdue promise, whoever owns it (the loudest thing). */
export function status(db: Db, memberId: number | null, now: Date): FollowupStatusDto {
  const nowIso = now.toISOString();
  let due = 0;
  if (memberId !== null) {
    due += db.first(
      db.qb
        .selectFrom('followups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'open')
        .where('assignee_id', '=', memberId)
        .where('remind_at', '<=', nowIso),
    )!.n;
    due += db.first(
      db.qb
        .selectFrom('deal_steps as s')
        .innerJoin('deals as d', 'd.id', 's.deal_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(isOpenStep('s'))
        .where('s.assignee_id', '=', memberId)
        .where('s.due_at', '<=', nowIso)
        .where('d.state', '=', 'open'),
    )!.n;
  }
  const overduePromises = db
    .all(
      db.qb
        .selectFrom('followups')
        .select(['id', 'case_id', 'title', 'due_at', 'assignee_id'])
        .where('state', '=', 'open')
        .where('kind', '=', 'promise')
        .where('due_at', '<', nowIso)
        .orderBy('due_at')
        .limit(20),
    )
    .map((r) => ({
      id: r.id,
      caseId: r.case_id,
      title: r.title,
      dueAt: r.due_at,
      assigneeId: r.assignee_id,
    }));
  return { memberId, due, overduePromises };
}
