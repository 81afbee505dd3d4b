import { sql, type InferResult } from 'kysely';
import type { FollowupDto, FollowupListDto } from '../../../shared/contract';
import {
  bucketBounds,
  bucketOf,
  followupBuckets,
  ownFollowupKinds,
  type FollowupBucket,
  type FollowupKind,
} from '../../../shared/domain/followups';
import type { StepKind } from '../../../shared/domain/steps';
import type { Db } from '../db/executor';
import { isOpenStep } from '../deals/open-steps';

/**
 * One list of everything due, read from where each thing lives: the followups table (promises, first
 * responses, after-care, custom reminders), deal steps, and wishes waiting for stock. Each source is read
 * through its own index, sorted by reminder time, and merged here, so no copy of a deal step can drift.
 */
export interface FollowupFilter {
  /** null: everyone's. */
  memberId: number | null;
  kinds: readonly FollowupKind[];
  from?: string;
  until?: string;
  includeDone: boolean;
  limit: number;
}

const wantsOwn = (kinds: readonly FollowupKind[]) =>
  kinds.filter((k): k is (typeof ownFollowupKinds)[number] =>
    (ownFollowupKinds as readonly string[]).includes(k),
  );

/** The filter alone (no joins), so counting stays on the index. */
function ownFollowupsFiltered(db: Db, filter: FollowupFilter) {
  const kinds = wantsOwn(filter.kinds);
  let q = db.qb.selectFrom('followups as f');
  // Every own kind wanted: no kind test, so counting reads the index alone.
  if (kinds.length < ownFollowupKinds.length) q = q.where('f.kind', 'in', kinds);
  if (!filter.includeDone) q = q.where('f.state', '=', 'open');
  if (filter.memberId !== null) q = q.where('f.assignee_id', '=', filter.memberId);
  if (filter.from !== undefined) q = q.where('f.remind_at', '>=', filter.from);
  if (filter.until !== undefined) q = q.where('f.remind_at', '<=', filter.until);
  return q;
}

export function ownFollowupsQuery(db: Db, filter: FollowupFilter) {
  return ownFollowupsFiltered(db, filter)
    .leftJoin('cases as k', 'k.id', 'f.case_id')
    .leftJoin('customers as c', (j) =>
      j.on((eb) => eb('c.id', '=', eb.fn.coalesce('f.customer_id', 'k.customer_id'))),
    )
    .leftJoin('deals as d', (j) => j.on((eb) => eb('d.id', '=', eb.fn.coalesce('f.deal_id', 'k.deal_id'))))
    .select([
      'f.id',
      'f.kind',
      'f.title',
      'f.due_at',
      'f.remind_at',
      'f.snoozed_until',
      'f.assignee_id',
      'f.state',
      'f.outcome',
      'f.estimate',
      'f.case_id',
      'f.step_kind',
      'f.deal_id',
      'f.customer_id',
      'k.deal_id as case_deal_id',
      'k.customer_id as case_customer_id',
      'k.customer_ref',
      'c.name as customer_name',
      'd.external_id',
    ]);
}

export function stepFollowupsQuery(db: Db, filter: FollowupFilter) {
  let q = db.qb
    .selectFrom('deal_steps as s')
    .innerJoin('deals as d', 'd.id', 's.deal_id')
    .leftJoin('customers as c', 'c.id', 'd.customer_id')
    .select([
      's.id',
      's.kind',
      's.due_at',
      's.assignee_id',
      's.deal_id',
      'd.customer_id',
      'd.external_id',
      'd.ship_name',
      'c.name as customer_name',
    ])
    // Literal condition: lets SQLite use the open-step partial indexes (a bound 'todo' would not).
    .where(isOpenStep('s'))
    .where('s.due_at', 'is not', null)
    .where('d.state', '=', 'open');
  if (filter.memberId !== null) q = q.where('s.assignee_id', '=', filter.memberId);
  if (filter.from !== undefined) q = q.where('s.due_at', '>=', filter.from);
  if (filter.until !== undefined) q = q.where('s.due_at', '<=', filter.until);
  return q;
}

function wishQuery(db: Db, filter: FollowupFilter) {
  let q = db.qb
    .selectFrom('customer_wishes as w')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .select(['w.id', 'w.text', 'w.customer_id', 'w.deal_id', 'w.created_by', 'c.name as customer_name'])
    .where('w.wants_notice', '=', 1)
    .where('w.done_at', 'is', null);
  if (filter.memberId !== null) q = q.where('w.created_by', '=', filter.memberId);
  return q;
}

function routeFor(caseId: number | null, dealId: number | null): string {
  if (caseId !== null) return `/cases/${caseId}`;
  if (dealId !== null) return `/deals/${dealId}`;
  return '/followups';
}

type Bounds = { todayEnd: string; weekEnd: string };

type OwnRow = InferResult<ReturnType<typeof ownFollowupsQuery>>[number];

export function toOwnDto(r: OwnRow, nowIso: string, bounds: Bounds): FollowupDto {
  const open = r.state === 'open';
  const dealId = r.deal_id ?? r.case_deal_id;
  return {
    key: `f${r.id}`,
    kind: r.kind as FollowupKind,
    title: r.title,
    dueAt: r.due_at,
    remindAt: r.remind_at,
    snoozedUntil: r.snoozed_until,
    assigneeId: r.assignee_id,
    state: r.state as FollowupDto['state'],
    outcome: r.outcome as FollowupDto['outcome'],
    estimate: r.estimate === 1,
    overdue: open && r.remind_at < nowIso,
    bucket: bucketOf(r.remind_at, nowIso, bounds),
    caseId: r.case_id,
    dealId,
    customerId: r.customer_id ?? r.case_customer_id,
    context: [r.customer_name ?? r.customer_ref, r.external_id].filter(Boolean).join(' / ') || null,
    stepKind: r.step_kind as FollowupDto['stepKind'],
    route: routeFor(r.case_id, dealId),
    canSnooze: open,
  };
}

type StepRow = InferResult<ReturnType<typeof stepFollowupsQuery>>[number];

export function toStepDto(r: StepRow, nowIso: string, bounds: Bounds): FollowupDto {
  return {
    key: `s${r.id}`,
    kind: 'deal_step',
    title: r.external_id,
    dueAt: r.due_at,
    remindAt: r.due_at,
    snoozedUntil: null,
    assigneeId: r.assignee_id,
    state: 'open',
    outcome: null,
    estimate: false,
    overdue: r.due_at! < nowIso,
    bucket: bucketOf(r.due_at, nowIso, bounds),
    caseId: null,
    dealId: r.deal_id,
    customerId: r.customer_id,
    context: [r.customer_name ?? r.ship_name, r.external_id].filter(Boolean).join(' / ') || null,
    stepKind: r.kind as StepKind,
    route: `/deals/${r.deal_id}`,
    canSnooze: false,
  };
}

/** Reads the follow-ups that match, merged by reminder time, with counts per bucket over all that match. */
export function listFollowups(db: Db, filter: FollowupFilter, now: Date): FollowupListDto {
  const nowIso = now.toISOString();
  const bounds = bucketBounds(now);
  const items: FollowupDto[] = [];
  const counts = Object.fromEntries(followupBuckets.map((b) => [b, 0])) as Record<FollowupBucket, number>;
  const take = filter.limit + 1;

  const countInto = (rows: { bucket: FollowupBucket; n: number }[]) =>
    rows.forEach((r) => (counts[r.bucket] += r.n));

  if (wantsOwn(filter.kinds).length > 0) {
    const q = ownFollowupsQuery(db, filter);
    items.push(
      ...db.all(q.orderBy('f.remind_at').orderBy('f.id').limit(take)).map((r) => toOwnDto(r, nowIso, bounds)),
    );
    const counted = ownFollowupsFiltered(db, filter).select(
      bucketSums('f.remind_at', nowIso, bounds, filter.until),
    );
    countInto(toBucketRows(db.first(counted)));
  }
  if (filter.kinds.includes('deal_step') && !filter.includeDone) {
    const q = stepFollowupsQuery(db, filter);
    items.push(
      ...db.all(q.orderBy('s.due_at').orderBy('s.id').limit(take)).map((r) => toStepDto(r, nowIso, bounds)),
    );
    countInto(
      toBucketRows(db.first(q.clearSelect().select(bucketSums('s.due_at', nowIso, bounds, filter.until)))),
    );
  }
  // A wish has no due time: it is waiting, not late, so it is only listed when no time window is asked for.
  if (
    filter.kinds.includes('wish') &&
    !filter.includeDone &&
    filter.until === undefined &&
    filter.from === undefined
  ) {
    const q = wishQuery(db, filter);
    items.push(
      ...db.all(q.orderBy('w.id').limit(take)).map((r): FollowupDto => ({
        key: `w${r.id}`,
        kind: 'wish',
        title: r.text,
        dueAt: null,
        remindAt: null,
        snoozedUntil: null,
        assigneeId: r.created_by,
        state: 'open',
        outcome: null,
        estimate: false,
        overdue: false,
        bucket: 'later',
        caseId: null,
        dealId: r.deal_id,
        customerId: r.customer_id,
        context: r.customer_name,
        stepKind: null,
        route: '/customers',
        canSnooze: false,
      })),
    );
    counts.later += db.first(q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  }

  items.sort((a, b) => {
    if (a.remindAt === b.remindAt) return a.key < b.key ? -1 : 1;
    if (a.remindAt === null) return 1;
    if (b.remindAt === null) return -1;
    return a.remindAt < b.remindAt ? -1 : 1;
  });
  return { items: items.slice(0, filter.limit), counts, truncated: items.length > filter.limit };
}

/** Counts per bucket as four sums over the reminder-time column, in the same query as the filter. */
function bucketSums(column: 'f.remind_at' | 's.due_at', nowIso: string, bounds: Bounds, until?: string) {
  const c = sql.ref(column);
  // Asking only for what is already due (the CLI, the reminder badge): one count, read from the index.
  if (until !== undefined && until < nowIso) {
    return [
      sql<number | null>`count(*)`.as('overdue'),
      sql<number | null>`0`.as('today'),
      sql<number | null>`0`.as('week'),
      sql<number | null>`0`.as('later'),
    ];
  }
  return [
    sql<number | null>`sum(case when ${c} < ${nowIso} then 1 else 0 end)`.as('overdue'),
    sql<number | null>`sum(case when ${c} >= ${nowIso} and ${c} < ${bounds.todayEnd} then 1 else 0 end)`.as(
      'today',
    ),
    sql<
      number | null
    >`sum(case when ${c} >= ${bounds.todayEnd} and ${c} < ${bounds.weekEnd} then 1 else 0 end)`.as('week'),
    sql<number | null>`sum(case when ${c} >= ${bounds.weekEnd} then 1 else 0 end)`.as('later'),
  ];
}

const toBucketRows = (row: Record<FollowupBucket, number | null> | undefined) =>
  followupBuckets.map((bucket) => ({ bucket, n: row?.[bucket] ?? 0 }));
