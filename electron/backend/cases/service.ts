import type { CaseDto, CasePageDto, ParsedInputOf } from '../../../shared/contract';
import {
  activeCaseStates,
  allowedTransitions,
  isOutboundContact,
  isReopen,
  optionNeedsAmount,
  type CaseState,
} from '../../../shared/domain/cases';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { requireActiveMember } from '../followups/members';
import { reindexCase } from '../search/case-index';
import { cancelPendingAftercare, defaultPlan, requirePlan, scheduleAftercare } from './aftercare';
import { readCase, selectCaseRows, toCaseRow } from './read';
import { firstResponseHours } from './settings';

const DEFAULT_LIMIT = 100;
const TOPICS = ['cases', 'followups'] as const;

export function requireCase(ctx: ServiceContext, id: number, path = 'id'): CaseDto {
  const found = readCase(ctx.db, id, ctx.clock.now());
  if (!found)
    throw new TorihikiError('not_found', `Case ${id} does not exist.`, [{ path, message: 'Unknown case' }]);
  return found;
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'cases.get'>): CaseDto {
  return requireCase(ctx, input.id);
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'cases.list'>): CasePageDto {
  const { db } = ctx;
  let q = selectCaseRows(db, ctx.clock.now().toISOString());
  if (input.states?.length) q = q.where('k.state', 'in', input.states);
  if (input.open === true) q = q.where('k.state', 'in', [...activeCaseStates, 'resolved', 'aftercare']);
  if (input.open === false) q = q.where('k.state', '=', 'closed');
  if (input.assigneeId !== undefined) q = q.where('k.assignee_id', '=', input.assigneeId);
  if (input.customerId !== undefined) q = q.where('k.customer_id', '=', input.customerId);
  if (input.dealId !== undefined) q = q.where('k.deal_id', '=', input.dealId);
  const text = input.text?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('k.summary', 'like', like),
        eb('c.name', 'like', like),
        eb('d.external_id', 'like', like),
        eb('k.deal_ref', 'like', like),
      ]),
    );
  }
  const total = db.first(q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = db.all(
    q
      .orderBy('k.id', 'desc')
      .limit(input.limit ?? DEFAULT_LIMIT)
      .offset(input.offset ?? 0),
  );
  return { rows: rows.map(toCaseRow), total };
}

interface DealLink {
  dealId: number | null;
  dealRef: string | null;
  customerId: number | null;
}

function dealLink(ctx: ServiceContext, dealId: number): DealLink {
  const deal = ctx.db.first(
    ctx.db.qb
      .selectFrom('deals')
      .select(['id', 'marketplace', 'external_id', 'customer_id'])
      .where('id', '=', dealId),
  );
  if (!deal)
    throw new TorihikiError('not_found', `Deal ${dealId} does not exist.`, [
      { path: 'dealId', message: 'Unknown deal' },
    ]);
  return {
    dealId: deal.id,
    dealRef: `${deal.marketplace}:${deal.external_id}`,
    customerId: deal.customer_id,
  };
}

function customerName(ctx: ServiceContext, customerId: number): string {
  const row = ctx.db.first(ctx.db.qb.selectFrom('customers').select('name').where('id', '=', customerId));
  if (!row)
    throw new TorihikiError('not_found', `Customer ${customerId} does not exist.`, [
      { path: 'customerId', message: 'Unknown customer' },
    ]);
  return row.name;
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'cases.create'>): CaseDto {
  const { db } = ctx;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const link: DealLink =
    input.dealId !== undefined
      ? dealLink(ctx, input.dealId)
      : { dealId: null, dealRef: null, customerId: null };
  const customerId = input.customerId ?? link.customerId;
  const customerRef = customerId !== null ? customerName(ctx, customerId) : null;
  const assigneeId = input.assigneeId === undefined ? ctx.actorId() : input.assigneeId;
  if (assigneeId !== null) requireActiveMember(db, assigneeId, 'assigneeId');
  if (input.aftercarePlanId !== undefined) requirePlan(db, input.aftercarePlanId);
  const firstResponseDue = new Date(now.getTime() + firstResponseHours(db) * 3_600_000).toISOString();

  const caseId = db.run(
    db.qb.insertInto('cases').values({
      deal_id: link.dealId,
      deal_ref: link.dealRef,
      customer_id: customerId,
      customer_ref: customerRef,
      category: input.category,
      severity: input.severity,
      summary: input.summary,
      wish: input.wish ?? '',
      assignee_id: assigneeId,
      state: 'received',
      first_response_due_at: firstResponseDue,
      aftercare_plan_id: input.aftercarePlanId ?? defaultPlan(db)?.id ?? null,
      created_at: nowIso,
      created_by: ctx.actorId(),
      updated_at: nowIso,
    }),
  ).lastInsertRowid;
  // The field practice's first rule: acknowledge within the deadline, even if only "received, checking now".
  db.run(
    db.qb.insertInto('followups').values({
      kind: 'first_response',
      case_id: caseId,
      title: input.summary,
      due_at: firstResponseDue,
      remind_at: firstResponseDue,
      next_notify_at: firstResponseDue,
      assignee_id: assigneeId,
      state: 'open',
      created_at: nowIso,
      created_by: ctx.actorId(),
    }),
  );
  if (input.firstEntry) insertEntry(ctx, caseId, input.firstEntry.kind, input.firstEntry.text, nowIso);
  reindexCase(db, caseId);
  ctx.log({
    action: 'case.created',
    subjectType: 'case',
    subjectId: caseId,
    detail: { category: input.category, dealId: link.dealId },
  });
  if (link.dealId !== null) {
    ctx.log({ action: 'case.raised', subjectType: 'deal', subjectId: link.dealId, detail: { caseId } });
  }
  ctx.changed(...TOPICS);
  return requireCase(ctx, caseId);
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'cases.update'>): CaseDto {
  const { db } = ctx;
  const before = requireCase(ctx, input.id);
  const { patch } = input;
  const set: Record<string, unknown> = {};
  for (const [field, column] of [
    ['category', 'category'],
    ['severity', 'severity'],
    ['summary', 'summary'],
    ['wish', 'wish'],
    ['resolution', 'resolution'],
    ['cost', 'cost'],
    ['improvement', 'improvement'],
  ] as const) {
    if (patch[field] !== undefined) set[column] = patch[field];
  }
  if (patch.assigneeId !== undefined) {
    if (patch.assigneeId !== null) requireActiveMember(db, patch.assigneeId, 'patch.assigneeId');
    set.assignee_id = patch.assigneeId;
    // The open first response follows the case's owner; promises keep whoever made them.
    db.run(
      db.qb
        .updateTable('followups')
        .set({ assignee_id: patch.assigneeId })
        .where('case_id', '=', input.id)
        .where('kind', 'in', ['first_response', 'aftercare'])
        .where('state', '=', 'open'),
    );
  }
  if (patch.dealId !== undefined) {
    if (patch.dealId === null) {
      set.deal_id = null;
      set.deal_ref = null;
    } else {
      const link = dealLink(ctx, patch.dealId);
      set.deal_id = link.dealId;
      set.deal_ref = link.dealRef;
      if (patch.customerId === undefined && before.customer === null && link.customerId !== null) {
        set.customer_id = link.customerId;
        set.customer_ref = customerName(ctx, link.customerId);
      }
    }
  }
  if (patch.customerId !== undefined) {
    set.customer_id = patch.customerId;
    set.customer_ref = patch.customerId === null ? null : customerName(ctx, patch.customerId);
  }
  if (patch.aftercarePlanId !== undefined) {
    if (patch.aftercarePlanId !== null) requirePlan(db, patch.aftercarePlanId, 'patch.aftercarePlanId');
    set.aftercare_plan_id = patch.aftercarePlanId;
  }
  set.updated_at = ctx.clock.now().toISOString();
  db.run(db.qb.updateTable('cases').set(set).where('id', '=', input.id));
  if (patch.summary !== undefined || patch.wish !== undefined) reindexCase(db, input.id);
  ctx.log({
    action: 'case.updated',
    subjectType: 'case',
    subjectId: input.id,
    detail: { fields: Object.keys(patch) },
  });
  ctx.changed(...TOPICS);
  return requireCase(ctx, input.id);
}

function insertEntry(ctx: ServiceContext, caseId: number, kind: string, text: string, at: string): void {
  ctx.db.run(
    ctx.db.qb.insertInto('case_entries').values({
      case_id: caseId,
      at,
      kind,
      text,
      member_id: ctx.actorId(),
      created_at: ctx.clock.now().toISOString(),
    }),
  );
}

export function addEntry(ctx: ServiceContext, input: ParsedInputOf<'cases.addEntry'>): CaseDto {
  const { db } = ctx;
  const found = requireCase(ctx, input.caseId, 'caseId');
  const now = ctx.clock.now();
  const at = input.at !== undefined ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 60_000) {
    throw new TorihikiError('invalid_input', 'A timeline entry cannot be in the future.', [
      { path: 'at', message: 'In the future' },
    ]);
  }
  const atIso = at.toISOString();
  insertEntry(ctx, found.id, input.kind, input.text, atIso);
  reindexCase(db, found.id);
  if (isOutboundContact(input.kind) && found.firstRespondedAt === null) {
    // The first outbound contact answers the timer: the first-response follow-up is done.
    db.run(db.qb.updateTable('cases').set({ first_responded_at: atIso }).where('id', '=', found.id));
    db.run(
      db.qb
        .updateTable('followups')
        .set({ state: 'done', done_at: atIso, done_by: ctx.actorId() })
        .where('case_id', '=', found.id)
        .where('kind', '=', 'first_response')
        .where('state', '=', 'open'),
    );
  }
  db.run(db.qb.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', found.id));
  ctx.log({
    action: 'case.entry_added',
    subjectType: 'case',
    subjectId: found.id,
    detail: { kind: input.kind },
  });
  ctx.changed(...TOPICS);
  return requireCase(ctx, found.id);
}

/** Moves a case through its states; resolving schedules the after-care plan and reopening cancels what is pending. */
export function move(ctx: ServiceContext, input: ParsedInputOf<'cases.move'>): CaseDto {
  const { db } = ctx;
  const found = requireCase(ctx, input.id);
  const from = found.state;
  const to = input.to;
  if (!allowedTransitions(from).includes(to)) {
    throw new TorihikiError('conflict', `A case cannot move from ${from} to ${to}.`, [
      { path: 'to', message: `Not allowed from ${from}` },
    ]);
  }
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const set: Record<string, unknown> = { state: to, updated_at: nowIso };
  let detail: Record<string, unknown> = { from, to };
  if (to === 'resolved') {
    set.resolved_at = nowIso;
    set.closed_at = null;
    const plan = found.aftercarePlanId !== null ? requirePlan(db, found.aftercarePlanId) : defaultPlan(db);
    if (plan) scheduleAftercare(ctx, found.id, plan, now, found.assigneeId);
    detail = { ...detail, planId: plan?.id ?? null, steps: plan?.steps.length ?? 0 };
  } else if (isReopen(from, to)) {
    set.resolved_at = null;
    set.closed_at = null;
    detail = { ...detail, cancelled: cancelPendingAftercare(ctx, found.id) };
  } else if (to === 'closed') {
    set.closed_at = nowIso;
    // Closing by hand ends the case: nothing further will remind about it.
    detail = { ...detail, cancelled: cancelPendingAftercare(ctx, found.id) };
  }
  db.run(db.qb.updateTable('cases').set(set).where('id', '=', found.id));
  ctx.log({ action: 'case.moved', subjectType: 'case', subjectId: found.id, detail });
  ctx.changed(...TOPICS);
  return requireCase(ctx, found.id);
}

/** After an after-care step is done: the case is in after-care, and finished when nothing is left. */
export function afterAftercareStep(ctx: ServiceContext, caseId: number): void {
  const { db } = ctx;
  const row = db.first(db.qb.selectFrom('cases').select(['state']).where('id', '=', caseId));
  if (!row || (row.state !== 'resolved' && row.state !== 'aftercare')) return;
  const pending = db.first(
    db.qb
      .selectFrom('followups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('kind', '=', 'aftercare')
      .where('state', '=', 'open'),
  )!.n;
  const nowIso = ctx.clock.now().toISOString();
  const to: CaseState = pending === 0 ? 'closed' : 'aftercare';
  if (to === row.state) return;
  db.run(
    db.qb
      .updateTable('cases')
      .set({ state: to, updated_at: nowIso, closed_at: to === 'closed' ? nowIso : null })
      .where('id', '=', caseId),
  );
  ctx.log({
    action: 'case.moved',
    subjectType: 'case',
    subjectId: caseId,
    detail: { from: row.state, to, automatic: true },
  });
}

export function addOption(ctx: ServiceContext, input: ParsedInputOf<'cases.addOption'>): CaseDto {
  const found = requireCase(ctx, input.caseId, 'caseId');
  if (optionNeedsAmount(input.kind) && (input.amount === undefined || input.amount === 0)) {
    throw new TorihikiError('invalid_input', 'A partial refund needs an amount in yen.', [
      { path: 'amount', message: 'Amount required' },
    ]);
  }
  ctx.db.run(
    ctx.db.qb.insertInto('case_options').values({
      case_id: found.id,
      kind: input.kind,
      amount: input.amount ?? null,
      note: input.note ?? '',
      offered_at: ctx.clock.now().toISOString(),
      offered_by: ctx.actorId(),
    }),
  );
  ctx.log({
    action: 'case.option_offered',
    subjectType: 'case',
    subjectId: found.id,
    detail: { kind: input.kind, amount: input.amount ?? null },
  });
  ctx.changed(...TOPICS);
  return requireCase(ctx, found.id);
}

function requireOption(ctx: ServiceContext, caseId: number, optionId: number) {
  const option = ctx.db.first(
    ctx.db.qb.selectFrom('case_options').selectAll().where('id', '=', optionId).where('case_id', '=', caseId),
  );
  if (!option) {
    throw new TorihikiError('not_found', `Option ${optionId} is not one of case ${caseId}'s.`, [
      { path: 'optionId', message: 'Unknown option' },
    ]);
  }
  return option;
}

export function chooseOption(ctx: ServiceContext, input: ParsedInputOf<'cases.chooseOption'>): CaseDto {
  const found = requireCase(ctx, input.caseId, 'caseId');
  const option = input.optionId === null ? null : requireOption(ctx, found.id, input.optionId);
  ctx.db.run(
    ctx.db.qb
      .updateTable('case_options')
      .set((eb) => ({
        chosen: option ? eb.case().when('id', '=', option.id).then(1).else(0).end() : eb.val(0),
      }))
      .where('case_id', '=', found.id),
  );
  ctx.log({
    action: 'case.option_chosen',
    subjectType: 'case',
    subjectId: found.id,
    detail: { optionId: input.optionId, kind: option?.kind ?? null },
  });
  ctx.changed(...TOPICS);
  return requireCase(ctx, found.id);
}

export function removeOption(ctx: ServiceContext, input: ParsedInputOf<'cases.removeOption'>): CaseDto {
  const found = requireCase(ctx, input.caseId, 'caseId');
  const option = requireOption(ctx, found.id, input.optionId);
  ctx.db.run(ctx.db.qb.deleteFrom('case_options').where('id', '=', option.id));
  ctx.log({
    action: 'case.option_removed',
    subjectType: 'case',
    subjectId: found.id,
    detail: { kind: option.kind },
  });
  ctx.changed(...TOPICS);
  return requireCase(ctx, found.id);
}
