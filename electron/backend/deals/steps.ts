import type { BulkResultDto, DealDto, ParsedInputOf } from '../../../shared/contract';
import type { Carrier, StepKind, StepState } from '../../../shared/domain/steps';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { withCacheSize } from '../db/sqlite-meta';
import { refreshDealCodes } from '../search/deal-codes';
import { readAhead } from './bulk-rows';
import { refreshProgress, workflowCache, type KnownDeal, type WorkflowCache } from './progress';
import { requireDeal } from './service';

export interface StepChange {
  state?: StepState;
  assigneeId?: number | null;
  dueAt?: string | null;
  carrier?: Carrier | null;
  trackingNumber?: string | null;
}

type Outcome = { changed: true } | { changed: false; reason: string };

function assertAssignable(ctx: ServiceContext, memberId: number): void {
  const member = ctx.db.first(
    ctx.db.qb.selectFrom('members').select(['id', 'archived_at']).where('id', '=', memberId),
  );
  if (!member)
    throw new TorihikiError('not_found', `Member ${memberId} does not exist.`, [
      { path: 'assigneeId', message: 'Unknown member' },
    ]);
  if (member.archived_at !== null) {
    throw new TorihikiError('conflict', `Member ${memberId} is archived.`, [
      { path: 'assigneeId', message: 'Archived member' },
    ]);
  }
}

/**
 * The one place a step changes, shared by the detail view and bulk actions, so both keep the
 * same rules: done records who and when; a cancelled deal's steps are frozen; dependent due times follow.
 */
export function changeStep(
  ctx: ServiceContext,
  dealId: number,
  kind: StepKind,
  change: StepChange,
  cache: WorkflowCache = workflowCache(),
  /** Bulk actions collect the deals whose codes to refresh and do it once at the end (one pass per 500 deals). */
  reindexLater?: Set<number>,
  /** The deal and its steps, when a bulk action has read them ahead; saves re-reading each here. */
  known?: KnownDeal,
): Outcome {
  const { db } = ctx;
  const deal = known
    ? known.deal
    : db.first(db.qb.selectFrom('deals').select(['id', 'state', 'external_id']).where('id', '=', dealId));
  if (!deal) return { changed: false, reason: 'not_found' };
  if (deal.state === 'cancelled') return { changed: false, reason: 'cancelled' };
  if ((change.carrier !== undefined || change.trackingNumber !== undefined) && kind !== 'shipping') {
    throw new TorihikiError('invalid_input', 'Only the shipping step has a carrier and tracking number.', [
      { path: 'kind', message: 'Carrier and tracking belong to shipping' },
    ]);
  }
  if (change.assigneeId !== undefined && change.assigneeId !== null) assertAssignable(ctx, change.assigneeId);

  let step = known
    ? known.steps.find((s) => s.kind === kind)
    : db.first(
        db.qb.selectFrom('deal_steps').selectAll().where('deal_id', '=', dealId).where('kind', '=', kind),
      );
  if (!step) {
    // A step this marketplace's workflow leaves out can still be added by hand (e.g. a thank-you contact on Amazon).
    db.run(db.qb.insertInto('deal_steps').values({ deal_id: dealId, kind, state: 'todo' }));
    step = db.first(
      db.qb.selectFrom('deal_steps').selectAll().where('deal_id', '=', dealId).where('kind', '=', kind),
    )!;
  }

  const set: Record<string, unknown> = {};
  const detail: Record<string, unknown> = { kind, externalId: deal.external_id };
  const now = ctx.clock.now().toISOString();
  if (change.state !== undefined && change.state !== step.state) {
    set.state = change.state;
    set.done_at = change.state === 'todo' ? null : now;
    set.done_by = change.state === 'todo' ? null : ctx.actorId();
    detail.state = { from: step.state, to: change.state };
  }
  if (change.assigneeId !== undefined && change.assigneeId !== step.assignee_id) {
    set.assignee_id = change.assigneeId;
    detail.assignee = { from: step.assignee_id, to: change.assigneeId };
  }
  if (change.dueAt !== undefined && change.dueAt !== step.due_at) {
    set.due_at = change.dueAt;
    set.due_manual = change.dueAt === null ? 0 : 1;
    detail.due = { from: step.due_at, to: change.dueAt };
  }
  if (change.carrier !== undefined && change.carrier !== step.carrier) {
    set.carrier = change.carrier;
    detail.carrier = change.carrier;
  }
  if (change.trackingNumber !== undefined && change.trackingNumber !== step.tracking_number) {
    set.tracking_number = change.trackingNumber;
    detail.trackingNumber = change.trackingNumber;
  }
  if (Object.keys(set).length === 0) return { changed: false, reason: 'unchanged' };

  db.run(db.qb.updateTable('deal_steps').set(set).where('id', '=', step.id));
  db.run(db.qb.updateTable('deals').set({ updated_at: now }).where('id', '=', dealId));
  const changedStep = step;
  refreshProgress(
    db,
    dealId,
    cache,
    known && {
      deal: known.deal,
      steps: known.steps.map((s) => (s.id === changedStep.id ? { ...s, ...set } : s)),
    },
  );
  // Quick lookup finds deals by tracking number ("まだ？" with the number from the carrier): only the
  // deal's codes cover it, not its search document or its customer's figures.
  if ('tracking_number' in set) {
    if (reindexLater) reindexLater.add(dealId);
    else refreshDealCodes(db, [dealId]);
  }
  ctx.log({ action: 'step.updated', subjectType: 'deal', subjectId: dealId, detail });
  return { changed: true };
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'steps.update'>): DealDto {
  const deal = requireDeal(ctx, input.dealId);
  const { dealId, kind, ...change } = input;
  const outcome = changeStep(ctx, dealId, kind, change);
  if (!outcome.changed && outcome.reason === 'cancelled') {
    throw new TorihikiError(
      'conflict',
      `Deal ${deal.externalId} is cancelled; reopen it to change its steps.`,
    );
  }
  ctx.changed('deals', 'customers', 'today');
  return requireDeal(ctx, dealId);
}

/** Bulk actions apply per deal and report what they left alone and why, instead of failing the whole batch. */
export function bulk(ctx: ServiceContext, input: ParsedInputOf<'deals.bulk'>): BulkResultDto {
  // Thousands of deals touch pages all over the ledger and its indexes: a larger page cache for the
  // command keeps them from being read again and again (SQLite's default is 2 MB).
  return withCacheSize(ctx.db.raw, BULK_CACHE_KIB, () => bulkInCache(ctx, input));
}

const BULK_CACHE_KIB = 64 * 1024;

function bulkInCache(ctx: ServiceContext, input: ParsedInputOf<'deals.bulk'>): BulkResultDto {
  const { db } = ctx;
  const cache = workflowCache();
  const reindex = new Set<number>();
  const result: BulkResultDto = { updated: 0, skipped: [] };
  const { action } = input;
  if (action.type === 'assign' && action.assigneeId !== null) assertAssignable(ctx, action.assigneeId);

  const ahead = readAhead(db, [...new Set(input.dealIds)]);
  for (const [dealId, known] of ahead) {
    let outcome: Outcome;
    switch (action.type) {
      case 'markPaid':
      case 'markShipped': {
        const kind: StepKind = action.type === 'markPaid' ? 'payment' : 'shipping';
        const step = known?.steps.find((s) => s.kind === kind);
        if (!step) {
          outcome = { changed: false, reason: known ? `no_${kind}_step` : 'not_found' };
        } else if (step.state !== 'todo') {
          outcome = { changed: false, reason: `already_${step.state}` };
        } else {
          const change: StepChange = { state: 'done' };
          if (action.type === 'markShipped') {
            if (action.carrier) change.carrier = action.carrier;
            const tracking = action.tracking?.[String(dealId)];
            if (tracking) change.trackingNumber = tracking;
          }
          outcome = changeStep(ctx, dealId, kind, change, cache, reindex, known);
        }
        break;
      }
      case 'assign': {
        const step = db.first(
          db.qb
            .selectFrom('deal_steps')
            .select('id')
            .where('deal_id', '=', dealId)
            .where('kind', '=', action.kind),
        );
        outcome = step
          ? changeStep(ctx, dealId, action.kind, { assigneeId: action.assigneeId }, cache)
          : { changed: false, reason: `no_${action.kind}_step` };
        break;
      }
      case 'addTag':
      case 'removeTag':
        outcome = changeTag(ctx, dealId, action.tag, action.type === 'addTag');
        break;
    }
    if (outcome.changed) result.updated++;
    else result.skipped.push({ dealId, reason: outcome.reason });
  }
  if (reindex.size > 0) refreshDealCodes(db, reindex);
  ctx.changed('deals', 'customers', 'today');
  return result;
}

function changeTag(ctx: ServiceContext, dealId: number, tag: string, add: boolean): Outcome {
  const { db } = ctx;
  if (!db.first(db.qb.selectFrom('deals').select('id').where('id', '=', dealId)))
    return { changed: false, reason: 'not_found' };
  const has = db.first(
    db.qb.selectFrom('deal_tags').select('tag').where('deal_id', '=', dealId).where('tag', '=', tag),
  );
  if (add === Boolean(has)) return { changed: false, reason: add ? 'already_tagged' : 'not_tagged' };
  db.run(
    add
      ? db.qb.insertInto('deal_tags').values({ deal_id: dealId, tag })
      : db.qb.deleteFrom('deal_tags').where('deal_id', '=', dealId).where('tag', '=', tag),
  );
  ctx.log({
    action: add ? 'deal.tagged' : 'deal.untagged',
    subjectType: 'deal',
    subjectId: dealId,
    detail: { tag },
  });
  return { changed: true };
}
