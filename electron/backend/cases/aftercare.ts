import type { AftercarePlanDto, ParsedInputOf } from '../../../shared/contract';
import { aftercareDueAt, aftercareStepProblem, type AftercareStep } from '../../../shared/domain/aftercare';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';

function parseSteps(json: string): AftercareStep[] {
  try {
    const steps = JSON.parse(json) as AftercareStep[];
    return Array.isArray(steps) ? steps : [];
  } catch {
    return [];
  }
}

const toPlan = (r: { id: number; name: string; steps: string; is_default: number }): AftercarePlanDto => ({
  id: r.id,
  name: r.name,
  steps: parseSteps(r.steps),
  isDefault: r.is_default === 1,
});

export function plans(ctx: ServiceContext): AftercarePlanDto[] {
  return ctx.db
    .all(
      ctx.db.qb
        .selectFrom('aftercare_plans')
        .select(['id', 'name', 'steps', 'is_default'])
        .where('archived_at', 'is', null)
        .orderBy('is_default', 'desc')
        .orderBy('id'),
    )
    .map(toPlan);
}

export function requirePlan(db: Db, id: number, path = 'aftercarePlanId'): AftercarePlanDto {
  const row = db.first(
    db.qb
      .selectFrom('aftercare_plans')
      .select(['id', 'name', 'steps', 'is_default'])
      .where('id', '=', id)
      .where('archived_at', 'is', null),
  );
  if (!row)
    throw new TorihikiError('not_found', `After-care plan ${id} does not exist.`, [
      { path, message: 'Unknown plan' },
    ]);
  return toPlan(row);
}

/** The plan a case uses when none was chosen: the default one, if any plan is left. */
export function defaultPlan(db: Db): AftercarePlanDto | null {
  const row = db.first(
    db.qb
      .selectFrom('aftercare_plans')
      .select(['id', 'name', 'steps', 'is_default'])
      .where('archived_at', 'is', null)
      .orderBy('is_default', 'desc')
      .orderBy('id')
      .limit(1),
  );
  return row ? toPlan(row) : null;
}

export function savePlan(ctx: ServiceContext, input: ParsedInputOf<'aftercare.savePlan'>): AftercarePlanDto {
  const { db } = ctx;
  input.steps.forEach((step, i) => {
    const problem = aftercareStepProblem(step);
    if (problem)
      throw new TorihikiError('invalid_input', problem, [{ path: `steps.${i}.amount`, message: problem }]);
  });
  const now = ctx.clock.now().toISOString();
  const steps = JSON.stringify(input.steps);
  let id = input.id;
  if (id !== undefined) {
    requirePlan(db, id, 'id');
    db.run(
      db.qb
        .updateTable('aftercare_plans')
        .set({ name: input.name, steps, updated_at: now })
        .where('id', '=', id),
    );
  } else {
    id = db.run(
      db.qb
        .insertInto('aftercare_plans')
        .values({ name: input.name, steps, created_at: now, updated_at: now }),
    ).lastInsertRowid;
  }
  if (input.isDefault) {
    db.run(
      db.qb
        .updateTable('aftercare_plans')
        .set((eb) => ({ is_default: eb.case().when('id', '=', id).then(1).else(0).end() })),
    );
  }
  ctx.log({
    action: 'aftercare.plan_saved',
    detail: { planId: id, name: input.name, steps: input.steps.length },
  });
  ctx.changed('aftercare');
  return requirePlan(db, id, 'id');
}

/** Archived, not deleted: cases that used the plan keep their scheduled steps and their link. */
export function archivePlan(
  ctx: ServiceContext,
  input: ParsedInputOf<'aftercare.archivePlan'>,
): { id: number } {
  const plan = requirePlan(ctx.db, input.id, 'id');
  const remaining = plans(ctx).length;
  if (remaining <= 1) {
    throw new TorihikiError('conflict', 'The last after-care plan cannot be archived.', [
      { path: 'id', message: 'Last plan' },
    ]);
  }
  ctx.db.run(
    ctx.db.qb
      .updateTable('aftercare_plans')
      .set({ archived_at: ctx.clock.now().toISOString(), is_default: 0 })
      .where('id', '=', input.id),
  );
  if (plan.isDefault) {
    const next = defaultPlan(ctx.db);
    if (next)
      ctx.db.run(ctx.db.qb.updateTable('aftercare_plans').set({ is_default: 1 }).where('id', '=', next.id));
  }
  ctx.log({ action: 'aftercare.plan_archived', detail: { planId: input.id, name: plan.name } });
  ctx.changed('aftercare');
  return { id: input.id };
}

/** Resolving a case: one follow-up per plan step, due from the resolution time (Asia/Tokyo dates). */
export function scheduleAftercare(
  ctx: ServiceContext,
  caseId: number,
  plan: AftercarePlanDto,
  resolvedAt: Date,
  assigneeId: number | null,
): void {
  const now = ctx.clock.now().toISOString();
  plan.steps.forEach((step, i) => {
    const due = aftercareDueAt(resolvedAt, step).toISOString();
    ctx.db.run(
      ctx.db.qb.insertInto('followups').values({
        kind: 'aftercare',
        case_id: caseId,
        title: step.title,
        due_at: due,
        remind_at: due,
        next_notify_at: due,
        assignee_id: assigneeId,
        state: 'open',
        step_kind: step.kind,
        step_no: i + 1,
        created_at: now,
        created_by: ctx.actorId(),
      }),
    );
  });
}

/** Reopening: the after-care still pending no longer applies (done steps stay as history). */
export function cancelPendingAftercare(ctx: ServiceContext, caseId: number): number {
  return ctx.db.run(
    ctx.db.qb
      .updateTable('followups')
      .set({ state: 'cancelled', done_at: ctx.clock.now().toISOString(), done_by: ctx.actorId() })
      .where('case_id', '=', caseId)
      .where('kind', '=', 'aftercare')
      .where('state', '=', 'open'),
  ).changes;
}
