import type { CaseDto, ParsedInputOf } from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { requireActiveMember } from '../followups/members';
import { requireCase } from './service';

/**
 * "We will call by Thursday 18:00" is a promise: a due time, an owner, and whether the date depends on
 * someone else. A due time already past is accepted (the promise was made earlier and logged late) but flagged.
 */
export function create(ctx: ServiceContext, input: ParsedInputOf<'promises.create'>): CaseDto {
  const found = requireCase(ctx, input.caseId, 'caseId');
  if (found.state === 'closed') {
    throw new TorihikiError('conflict', 'A closed case takes no new promises; reopen it first.', [
      { path: 'caseId', message: 'Case closed' },
    ]);
  }
  const assigneeId = input.assigneeId === undefined ? (ctx.actorId() ?? found.assigneeId) : input.assigneeId;
  if (assigneeId !== null) requireActiveMember(ctx.db, assigneeId, 'assigneeId');
  const now = ctx.clock.now();
  const due = new Date(input.dueAt).toISOString();
  const id = ctx.db.run(
    ctx.db.qb.insertInto('followups').values({
      kind: 'promise',
      case_id: found.id,
      title: input.title,
      due_at: due,
      remind_at: due,
      next_notify_at: due,
      assignee_id: assigneeId,
      state: 'open',
      estimate: input.estimate ? 1 : 0,
      past_due_at_creation: due < now.toISOString() ? 1 : 0,
      created_at: now.toISOString(),
      created_by: ctx.actorId(),
    }),
  ).lastInsertRowid;
  ctx.log({
    action: 'case.promise_made',
    subjectType: 'case',
    subjectId: found.id,
    detail: { promiseId: id, title: input.title, dueAt: due, estimate: input.estimate ?? false },
  });
  ctx.changed('cases', 'followups');
  return requireCase(ctx, found.id);
}

/** Kept or broken is recorded either way: promises kept is one of the figures the shop measures itself by. */
export function settle(ctx: ServiceContext, input: ParsedInputOf<'promises.settle'>): CaseDto {
  const caseId = settlePromise(ctx, input.id, input.outcome);
  return requireCase(ctx, caseId);
}

export function settlePromise(ctx: ServiceContext, promiseId: number, outcome: 'kept' | 'broken'): number {
  const { db } = ctx;
  const promise = db.first(
    db.qb
      .selectFrom('followups')
      .select(['id', 'case_id', 'state', 'title'])
      .where('id', '=', promiseId)
      .where('kind', '=', 'promise'),
  );
  if (!promise || promise.case_id === null) {
    throw new TorihikiError('not_found', `Promise ${promiseId} does not exist.`, [
      { path: 'id', message: 'Unknown promise' },
    ]);
  }
  if (promise.state !== 'open') {
    throw new TorihikiError('conflict', `Promise ${promiseId} is already settled.`, [
      { path: 'id', message: 'Already settled' },
    ]);
  }
  const nowIso = ctx.clock.now().toISOString();
  db.run(
    db.qb
      .updateTable('followups')
      .set({ state: 'done', outcome, done_at: nowIso, done_by: ctx.actorId() })
      .where('id', '=', promiseId),
  );
  ctx.log({
    action: 'case.promise_settled',
    subjectType: 'case',
    subjectId: promise.case_id,
    detail: { promiseId, outcome, title: promise.title },
  });
  ctx.changed('cases', 'followups');
  return promise.case_id;
}
