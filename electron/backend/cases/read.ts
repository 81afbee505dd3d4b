import type {
  AftercareItemDto,
  CaseDealDto,
  CaseDto,
  CaseEntryDto,
  CaseOptionDto,
  CaseRowDto,
  PromiseDto,
} from '../../../shared/contract';
import type { AftercareStepKind } from '../../../shared/domain/aftercare';
import {
  allowedTransitions,
  type CaseCategory,
  type CaseEntryKind,
  type CaseOptionKind,
  type CaseSeverity,
  type CaseState,
} from '../../../shared/domain/cases';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Db } from '../db/executor';

/** The columns a case list row needs, with the buyer's name and the deal as it is now. */
export function selectCaseRows(db: Db, nowIso: string) {
  return db.qb
    .selectFrom('cases as k')
    .leftJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('deals as d', 'd.id', 'k.deal_id')
    .select((eb) => [
      'k.id',
      'k.category',
      'k.severity',
      'k.summary',
      'k.state',
      'k.assignee_id',
      'k.created_at',
      'k.first_response_due_at',
      'k.first_responded_at',
      'k.deal_id',
      'k.deal_ref',
      'k.customer_ref',
      'c.name as customer_name',
      'd.marketplace',
      'd.external_id',
      'd.state as deal_state',
      eb
        .selectFrom('followups as p')
        .select((e) => e.fn.min<string>('p.due_at').as('due'))
        .whereRef('p.case_id', '=', 'k.id')
        .where('p.kind', '=', 'promise')
        .where('p.state', '=', 'open')
        .as('next_promise_due_at'),
      eb
        .selectFrom('followups as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.case_id', '=', 'k.id')
        .where('p.kind', '=', 'promise')
        .where('p.state', '=', 'open')
        .where('p.due_at', '<', nowIso)
        .as('overdue_promises'),
    ]);
}

export type CaseRowRecord = {
  id: number;
  category: string;
  severity: string;
  summary: string;
  state: string;
  assignee_id: number | null;
  created_at: string;
  first_response_due_at: string;
  first_responded_at: string | null;
  deal_id: number | null;
  deal_ref: string | null;
  customer_ref: string | null;
  customer_name: string | null;
  marketplace: string | null;
  external_id: string | null;
  deal_state: string | null;
  next_promise_due_at: string | null;
  overdue_promises: number | null;
};

/** A linked deal, or what it was when it has since been removed (an undone import). */
function dealOf(r: CaseRowRecord): CaseDealDto | null {
  if (r.deal_id !== null && r.marketplace !== null) {
    return {
      id: r.deal_id,
      ref: r.deal_ref,
      marketplace: r.marketplace as Marketplace,
      externalId: r.external_id,
      state: r.deal_state as CaseDealDto['state'],
    };
  }
  if (r.deal_ref === null) return null;
  const [marketplace, ...rest] = r.deal_ref.split(':');
  return {
    id: null,
    ref: r.deal_ref,
    marketplace: (marketplace || null) as Marketplace | null,
    externalId: rest.join(':') || null,
    state: 'deleted',
  };
}

export function toCaseRow(r: CaseRowRecord): CaseRowDto {
  return {
    id: r.id,
    category: r.category as CaseCategory,
    severity: r.severity as CaseSeverity,
    summary: r.summary,
    state: r.state as CaseState,
    assigneeId: r.assignee_id,
    customerName: r.customer_name ?? r.customer_ref,
    deal: dealOf(r),
    createdAt: r.created_at,
    firstResponseDueAt: r.first_response_due_at,
    firstRespondedAt: r.first_responded_at,
    nextPromiseDueAt: r.next_promise_due_at,
    overduePromises: r.overdue_promises ?? 0,
  };
}

export function readCase(db: Db, id: number, now: Date): CaseDto | null {
  const nowIso = now.toISOString();
  const row = db.first(selectCaseRows(db, nowIso).where('k.id', '=', id));
  if (!row) return null;
  const extra = db.first(
    db.qb
      .selectFrom('cases')
      .select([
        'wish',
        'customer_id',
        'aftercare_plan_id',
        'resolution',
        'cost',
        'improvement',
        'resolved_at',
        'closed_at',
      ])
      .where('id', '=', id),
  )!;
  const entries: CaseEntryDto[] = db
    .all(
      db.qb
        .selectFrom('case_entries')
        .select(['id', 'at', 'kind', 'text', 'member_id'])
        .where('case_id', '=', id)
        .orderBy('at')
        .orderBy('id'),
    )
    .map((e) => ({ id: e.id, at: e.at, kind: e.kind as CaseEntryKind, text: e.text, memberId: e.member_id }));
  const options: CaseOptionDto[] = db
    .all(db.qb.selectFrom('case_options').selectAll().where('case_id', '=', id).orderBy('id'))
    .map((o) => ({
      id: o.id,
      kind: o.kind as CaseOptionKind,
      amount: o.amount,
      note: o.note,
      chosen: o.chosen === 1,
      offeredAt: o.offered_at,
      offeredBy: o.offered_by,
    }));
  const followups = db.all(
    db.qb
      .selectFrom('followups')
      .selectAll()
      .where('case_id', '=', id)
      .where('kind', 'in', ['promise', 'aftercare'])
      .orderBy('due_at')
      .orderBy('id'),
  );
  const promises: PromiseDto[] = followups
    .filter((f) => f.kind === 'promise')
    .map((f) => ({
      id: f.id,
      title: f.title,
      dueAt: f.due_at,
      estimate: f.estimate === 1,
      assigneeId: f.assignee_id,
      state: f.state as PromiseDto['state'],
      outcome: f.outcome as PromiseDto['outcome'],
      overdue: f.state === 'open' && f.due_at < nowIso,
      pastDueAtCreation: f.past_due_at_creation === 1,
      doneAt: f.done_at,
      doneBy: f.done_by,
      createdAt: f.created_at,
      createdBy: f.created_by,
    }));
  const aftercare: AftercareItemDto[] = followups
    .filter((f) => f.kind === 'aftercare')
    .map((f) => ({
      id: f.id,
      stepNo: f.step_no ?? 0,
      stepKind: (f.step_kind ?? 'checkin') as AftercareStepKind,
      title: f.title,
      dueAt: f.due_at,
      state: f.state as AftercareItemDto['state'],
      assigneeId: f.assignee_id,
      doneAt: f.done_at,
    }));
  const base = toCaseRow(row);
  return {
    ...base,
    wish: extra.wish,
    customer:
      extra.customer_id !== null && row.customer_name !== null
        ? { id: extra.customer_id, name: row.customer_name }
        : null,
    entries,
    promises,
    options,
    aftercare,
    aftercarePlanId: extra.aftercare_plan_id,
    resolution: extra.resolution,
    cost: extra.cost,
    improvement: extra.improvement,
    resolvedAt: extra.resolved_at,
    closedAt: extra.closed_at,
    nextStates: allowedTransitions(base.state),
  };
}
