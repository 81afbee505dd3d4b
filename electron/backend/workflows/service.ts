import type { ParsedInputOf } from '../../../shared/contract';
import { marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import {
  completeWorkflow,
  defaultWorkflows,
  type Workflow,
  type WorkflowStep,
} from '../../../shared/domain/workflows';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';

/** A marketplace's workflow: the family's saved version, or the field-practice default. */
export function workflowFor(db: Db, marketplace: Marketplace): Workflow {
  const row = db.first(db.qb.selectFrom('workflows').select('steps').where('marketplace', '=', marketplace));
  let stored: Partial<WorkflowStep>[] | null = null;
  if (row) {
    try {
      stored = JSON.parse(row.steps) as Partial<WorkflowStep>[];
    } catch {
      stored = null; // A damaged row falls back to the defaults rather than blocking every new deal.
    }
  }
  return completeWorkflow(stored, defaultWorkflows[marketplace]);
}

export function list(ctx: ServiceContext): Record<Marketplace, Workflow> {
  return Object.fromEntries(marketplaces.map((m) => [m, workflowFor(ctx.db, m)])) as Record<
    Marketplace,
    Workflow
  >;
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'workflows.update'>): Workflow {
  const kinds = new Set(input.steps.map((s) => s.kind));
  if (kinds.size !== input.steps.length) {
    throw new TorihikiError('invalid_input', 'Each step kind must appear exactly once.', [
      { path: 'steps', message: 'Duplicate step kind' },
    ]);
  }
  for (const s of input.steps) {
    if (s.anchor === s.kind) {
      throw new TorihikiError('invalid_input', `The ${s.kind} step cannot be due after itself.`, [
        { path: 'steps', message: 'A step cannot anchor on itself' },
      ]);
    }
    if (s.assigneeId !== null) {
      const member = ctx.db.first(
        ctx.db.qb.selectFrom('members').select('id').where('id', '=', s.assigneeId),
      );
      if (!member) throw new TorihikiError('not_found', `Member ${s.assigneeId} does not exist.`);
    }
  }
  const before = workflowFor(ctx.db, input.marketplace);
  const steps = completeWorkflow(input.steps, defaultWorkflows[input.marketplace]);
  const json = JSON.stringify(steps);
  const now = ctx.clock.now().toISOString();
  ctx.db.run(
    ctx.db.qb
      .insertInto('workflows')
      .values({ marketplace: input.marketplace, steps: json, updated_at: now })
      .onConflict((oc) => oc.column('marketplace').doUpdateSet({ steps: json, updated_at: now })),
  );
  ctx.log({ action: 'workflow.updated', detail: { marketplace: input.marketplace, before, after: steps } });
  ctx.changed('workflows');
  return steps;
}
