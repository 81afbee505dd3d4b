import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { StepKind } from '../../../shared/domain/steps';
import { dueAt, type Workflow } from '../../../shared/domain/workflows';
import type { Selectable } from 'kysely';
import type { Db } from '../db/executor';
import type { DealStepsTable, DealsTable } from '../db/schema';
import { workflowFor } from '../workflows/service';
import { syncStepsWithDeal } from './open-steps';

export interface PlannedStep {
  kind: StepKind;
  state: 'todo' | 'done';
  assignee_id: number | null;
  due_at: string | null;
  done_at: string | null;
  done_by: number | null;
}

/** The steps a new deal gets from its marketplace's workflow; steps already done keep their time. */
export function planSteps(
  workflow: Workflow,
  orderedAt: string,
  completed: { kind: StepKind; at: string }[],
  actorId: number | null,
): PlannedStep[] {
  const doneAt: Partial<Record<StepKind, string>> = Object.fromEntries(completed.map((c) => [c.kind, c.at]));
  return workflow
    .filter((s) => s.enabled || doneAt[s.kind] !== undefined)
    .map((s) => {
      const at = doneAt[s.kind] ?? null;
      return {
        kind: s.kind,
        state: at ? 'done' : 'todo',
        assignee_id: s.assigneeId,
        due_at: dueAt(s, orderedAt, doneAt, workflow),
        done_at: at,
        done_by: at ? actorId : null,
      };
    });
}

/** A deal and all its steps as currently stored, read ahead by a bulk action. */
export interface KnownDeal {
  deal: Pick<
    Selectable<DealsTable>,
    'id' | 'marketplace' | 'ordered_at' | 'state' | 'next_due_at' | 'external_id'
  >;
  steps: Selectable<DealStepsTable>[];
}

/** Caches workflows for the length of one command (a bulk action touches many deals of few marketplaces). */
export type WorkflowCache = Map<Marketplace, Workflow>;
export const workflowCache = (): WorkflowCache => new Map();

/**
 * After any step change: re-derive due times that follow from other steps (unless set by hand),
 * the deal's earliest open due time, and whether the deal is still open. Cancelled deals stay cancelled.
 */
export function refreshProgress(
  db: Db,
  dealId: number,
  cache: WorkflowCache = workflowCache(),
  /** Bulk actions read deals and steps a chunk at a time and pass them in (see deals/bulk-rows.ts). */
  known?: KnownDeal,
): void {
  const deal = known
    ? known.deal
    : db.first(
        db.qb
          .selectFrom('deals')
          .select(['id', 'marketplace', 'ordered_at', 'state', 'next_due_at'])
          .where('id', '=', dealId),
      );
  if (!deal) return;
  const marketplace = deal.marketplace as Marketplace;
  let workflow = cache.get(marketplace);
  if (!workflow) {
    workflow = workflowFor(db, marketplace);
    cache.set(marketplace, workflow);
  }
  const steps = known
    ? known.steps
    : db.all(db.qb.selectFrom('deal_steps').selectAll().where('deal_id', '=', dealId));
  const doneAt: Partial<Record<StepKind, string | null>> = Object.fromEntries(
    steps.filter((s) => s.state === 'done').map((s) => [s.kind, s.done_at]),
  );

  let nextDue: string | null = null;
  let open = 0;
  for (const step of steps) {
    if (step.state !== 'todo') continue;
    open++;
    let due = step.due_at;
    const rule = workflow.find((w) => w.kind === step.kind);
    if (!step.due_manual && rule) {
      due = dueAt(rule, deal.ordered_at, doneAt, workflow);
      if (due !== step.due_at)
        db.run(db.qb.updateTable('deal_steps').set({ due_at: due }).where('id', '=', step.id));
    }
    if (due !== null && (nextDue === null || due < nextDue)) nextDue = due;
  }
  const { state, next_due_at: effectiveNextDue } = progressOf(open, nextDue, deal.state === 'cancelled');
  if (state !== deal.state || effectiveNextDue !== deal.next_due_at) {
    db.run(db.qb.updateTable('deals').set({ state, next_due_at: effectiveNextDue }).where('id', '=', dealId));
  }
  const cancelledFlag = state === 'cancelled' ? 1 : 0;
  // With the steps in hand, the flag copy is only written when one is actually out of line.
  if (!known || known.steps.some((s) => s.deal_cancelled !== cancelledFlag)) {
    syncStepsWithDeal(db, dealId, state === 'cancelled');
  }
}

/**
 * A deal is open while any step is still to do, closed when none is; a cancelled deal stays
 * cancelled. Only an open deal has a next due time. Shared with bulk inserts (CSV import) that
 * compute a new deal's state before writing it.
 */
export function progressOf(
  openSteps: number,
  nextDue: string | null,
  cancelled: boolean,
): { state: 'open' | 'closed' | 'cancelled'; next_due_at: string | null } {
  const state = cancelled ? 'cancelled' : openSteps > 0 ? 'open' : 'closed';
  return { state, next_due_at: state === 'open' ? nextDue : null };
}
