import type {
  FollowupDto,
  FollowupListDto,
  FollowupStatusDto,
  ParsedInputOf,
} from '../../../shared/contract';
import { bucketBounds, followupKinds, parseFollowupKey } from '../../../shared/domain/followups';
import type { StepKind } from '../../../shared/domain/steps';
import { TorihikiError } from '../../../shared/result';
import { afterAftercareStep } from '../cases/service';
import { settlePromise } from '../cases/promises';
import type { ServiceContext } from '../context';
import { updateWish } from '../customers/service';
import { update as updateStep } from '../deals/steps';
import { requireActiveMember } from './members';
import { status } from './status';
import { listFollowups, ownFollowupsQuery, stepFollowupsQuery, toOwnDto, toStepDto } from './query';

const DEFAULT_LIMIT = 500;

export function list(ctx: ServiceContext, input: ParsedInputOf<'followups.list'>): FollowupListDto {
  const memberId = input.everyone ? null : (input.memberId ?? ctx.actorId());
  return listFollowups(
    ctx.db,
    {
      memberId,
      kinds: input.kinds?.length ? input.kinds : followupKinds,
      from: input.from,
      until: input.until,
      includeDone: input.includeDone ?? false,
      limit: input.limit ?? DEFAULT_LIMIT,
    },
    ctx.clock.now(),
  );
}

export function getStatus(ctx: ServiceContext): FollowupStatusDto {
  return status(ctx.db, ctx.actorId(), ctx.clock.now());
}

export function readOwn(ctx: ServiceContext, id: number): FollowupDto {
  const now = ctx.clock.now();
  const row = ctx.db.first(
    ownFollowupsQuery(ctx.db, { memberId: null, kinds: followupKinds, includeDone: true, limit: 1 }).where(
      'f.id',
      '=',
      id,
    ),
  );
  if (!row)
    throw new TorihikiError('not_found', `Follow-up ${id} does not exist.`, [
      { path: 'key', message: 'Unknown follow-up' },
    ]);
  return toOwnDto(row, now.toISOString(), bucketBounds(now));
}

/** A deal step as a follow-up while it is open; null once done (it leaves the list). */
function readStep(ctx: ServiceContext, stepId: number): FollowupDto | null {
  const now = ctx.clock.now();
  const filter = { memberId: null, kinds: followupKinds, includeDone: false, limit: 1 };
  const row = ctx.db.first(stepFollowupsQuery(ctx.db, filter).where('s.id', '=', stepId));
  return row ? toStepDto(row, now.toISOString(), bucketBounds(now)) : null;
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'followups.create'>): FollowupDto {
  const { db } = ctx;
  const assigneeId = input.assigneeId === undefined ? ctx.actorId() : input.assigneeId;
  if (assigneeId !== null) requireActiveMember(db, assigneeId, 'assigneeId');
  for (const [field, table] of [
    ['caseId', 'cases'],
    ['dealId', 'deals'],
    ['customerId', 'customers'],
  ] as const) {
    const value = input[field];
    if (value !== undefined && !db.first(db.qb.selectFrom(table).select('id').where('id', '=', value))) {
      throw new TorihikiError('not_found', `${field} ${value} does not exist.`, [
        { path: field, message: 'Not found' },
      ]);
    }
  }
  const now = ctx.clock.now().toISOString();
  const due = new Date(input.dueAt).toISOString();
  const id = db.run(
    db.qb.insertInto('followups').values({
      kind: 'custom',
      case_id: input.caseId ?? null,
      deal_id: input.dealId ?? null,
      customer_id: input.customerId ?? null,
      title: input.title,
      due_at: due,
      remind_at: due,
      next_notify_at: due,
      assignee_id: assigneeId,
      state: 'open',
      past_due_at_creation: due < now ? 1 : 0,
      created_at: now,
      created_by: ctx.actorId(),
    }),
  ).lastInsertRowid;
  ctx.log({
    action: 'followup.created',
    subjectType: input.caseId ? 'case' : undefined,
    subjectId: input.caseId,
    detail: { followupId: id, title: input.title, dueAt: due },
  });
  ctx.changed('followups', 'cases');
  return readOwn(ctx, id);
}

function requireOpenOwn(ctx: ServiceContext, id: number) {
  const row = ctx.db.first(ctx.db.qb.selectFrom('followups').selectAll().where('id', '=', id));
  if (!row)
    throw new TorihikiError('not_found', `Follow-up ${id} does not exist.`, [
      { path: 'key', message: 'Unknown follow-up' },
    ]);
  if (row.state !== 'open') {
    throw new TorihikiError('conflict', `Follow-up ${id} is already ${row.state}.`, [
      { path: 'key', message: `Already ${row.state}` },
    ]);
  }
  return row;
}

function keyOf(input: { key: string }) {
  const parsed = parseFollowupKey(input.key);
  if (!parsed)
    throw new TorihikiError('invalid_input', 'Not a follow-up key.', [
      { path: 'key', message: 'Not a follow-up key' },
    ]);
  return parsed;
}

function stepOf(ctx: ServiceContext, stepId: number): { dealId: number; kind: StepKind } {
  const step = ctx.db.first(
    ctx.db.qb.selectFrom('deal_steps').select(['deal_id', 'kind']).where('id', '=', stepId),
  );
  if (!step)
    throw new TorihikiError('not_found', `Deal step ${stepId} does not exist.`, [
      { path: 'key', message: 'Unknown step' },
    ]);
  return { dealId: step.deal_id, kind: step.kind as StepKind };
}

/** "Remind me again at…": only forward in time, and only for the app's own follow-ups (a deal step's due is the deal's). */
export function snooze(ctx: ServiceContext, input: ParsedInputOf<'followups.snooze'>): FollowupDto {
  const { source, id } = keyOf(input);
  const now = ctx.clock.now();
  const until = new Date(input.until);
  if (until.getTime() <= now.getTime()) {
    throw new TorihikiError('invalid_input', 'A snooze must end in the future.', [
      { path: 'until', message: 'In the past' },
    ]);
  }
  if (source !== 'f') {
    throw new TorihikiError(
      'conflict',
      'Deal steps and wishes cannot be snoozed; change the step’s due time instead.',
      [{ path: 'key', message: 'Not snoozable' }],
    );
  }
  const row = requireOpenOwn(ctx, id);
  const untilIso = until.toISOString();
  ctx.db.run(
    ctx.db.qb
      .updateTable('followups')
      .set({ snoozed_until: untilIso, remind_at: untilIso, next_notify_at: untilIso })
      .where('id', '=', id),
  );
  ctx.log({
    action: 'followup.snoozed',
    subjectType: row.case_id ? 'case' : undefined,
    subjectId: row.case_id ?? undefined,
    detail: { followupId: id, until: untilIso },
  });
  ctx.changed('followups', 'cases');
  return readOwn(ctx, id);
}

export function reassign(ctx: ServiceContext, input: ParsedInputOf<'followups.reassign'>): FollowupDto {
  const { source, id } = keyOf(input);
  if (input.assigneeId !== null) requireActiveMember(ctx.db, input.assigneeId, 'assigneeId');
  if (source === 'w') {
    throw new TorihikiError('conflict', 'A wish belongs to the customer, not to a member.', [
      { path: 'key', message: 'Not assignable' },
    ]);
  }
  if (source === 's') {
    const step = stepOf(ctx, id);
    updateStep(ctx, { dealId: step.dealId, kind: step.kind, assigneeId: input.assigneeId });
    ctx.changed('followups');
    return readStep(ctx, id) ?? doneAnswer(input.key);
  }
  const row = requireOpenOwn(ctx, id);
  ctx.db.run(ctx.db.qb.updateTable('followups').set({ assignee_id: input.assigneeId }).where('id', '=', id));
  ctx.log({
    action: 'followup.reassigned',
    subjectType: row.case_id ? 'case' : undefined,
    subjectId: row.case_id ?? undefined,
    detail: { followupId: id, from: row.assignee_id, to: input.assigneeId },
  });
  ctx.changed('followups', 'cases');
  return readOwn(ctx, id);
}

/**
 * Done, from wherever the item lives: a promise is settled (kept unless said otherwise), a first response
 * answers the timer, an after-care step may finish the case, a deal step is completed, a wish is fulfilled.
 */
export function done(ctx: ServiceContext, input: ParsedInputOf<'followups.done'>): FollowupDto {
  const { source, id } = keyOf(input);
  const now = ctx.clock.now().toISOString();
  if (source === 's') {
    const step = stepOf(ctx, id);
    updateStep(ctx, { dealId: step.dealId, kind: step.kind, state: 'done' });
    ctx.changed('followups');
    return doneAnswer(input.key);
  }
  if (source === 'w') {
    updateWish(ctx, { id, done: true });
    ctx.changed('followups');
    return doneAnswer(input.key);
  }
  const row = requireOpenOwn(ctx, id);
  if (row.kind === 'promise') {
    settlePromise(ctx, id, input.outcome ?? 'kept');
    return readOwn(ctx, id);
  }
  if (input.outcome !== undefined) {
    throw new TorihikiError('invalid_input', 'Only a promise is kept or broken.', [
      { path: 'outcome', message: 'Not a promise' },
    ]);
  }
  ctx.db.run(
    ctx.db.qb
      .updateTable('followups')
      .set({ state: 'done', done_at: now, done_by: ctx.actorId() })
      .where('id', '=', id),
  );
  if (row.kind === 'first_response' && row.case_id !== null) {
    ctx.db.run(
      ctx.db.qb
        .updateTable('cases')
        .set({ first_responded_at: now })
        .where('id', '=', row.case_id)
        .where('first_responded_at', 'is', null),
    );
  }
  if (row.kind === 'aftercare' && row.case_id !== null) afterAftercareStep(ctx, row.case_id);
  ctx.log({
    action: 'followup.done',
    subjectType: row.case_id ? 'case' : undefined,
    subjectId: row.case_id ?? undefined,
    detail: { followupId: id, kind: row.kind, title: row.title },
  });
  ctx.changed('followups', 'cases');
  return readOwn(ctx, id);
}

/** A finished deal step or wish leaves the open list; answer with what it was, marked done. */
function doneAnswer(key: string): FollowupDto {
  const parsed = parseFollowupKey(key)!;
  return {
    key,
    kind: parsed.source === 's' ? 'deal_step' : 'wish',
    title: '',
    dueAt: null,
    remindAt: null,
    snoozedUntil: null,
    assigneeId: null,
    state: 'done',
    outcome: null,
    estimate: false,
    overdue: false,
    bucket: 'later',
    caseId: null,
    dealId: null,
    customerId: null,
    context: null,
    stepKind: null,
    route: '/followups',
    canSnooze: false,
  };
}
