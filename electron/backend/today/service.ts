import type { ParsedInputOf, TaskDto, TodayDto } from '../../../shared/contract';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import { stepKinds, type StepKind } from '../../../shared/domain/steps';
import { tokyoDay } from '../../../shared/domain/time';
import type { ServiceContext } from '../context';
import { isOpenStep } from '../deals/open-steps';

const TASK_LIMIT = 200;

/**
 * The 今日 page: one member's overdue and due-today steps (Tokyo calendar day), counts per step kind,
 * and the whole family's load so nobody's pile goes unnoticed. Everything reads the open steps only
 * (a partial index; see deals/open-steps.ts), never the ledger's history.
 */
export function get(ctx: ServiceContext, input: ParsedInputOf<'today.get'>): TodayDto {
  const { db } = ctx;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const { end } = tokyoDay(now);
  const memberId = input.memberId ?? ctx.actorId();

  const tasks = (overdue: boolean): TaskDto[] => {
    if (memberId === null) return [];
    let q = db.qb
      .selectFrom('deal_steps as s')
      .innerJoin('deals as d', 'd.id', 's.deal_id')
      .leftJoin('customers as c', 'c.id', 'd.customer_id')
      .select((eb) => [
        's.deal_id',
        's.kind',
        's.due_at',
        's.assignee_id',
        'd.marketplace',
        'd.external_id',
        'd.ship_name',
        'c.name as customer_name',
        eb
          .selectFrom('deal_items as i')
          .select('i.name')
          .whereRef('i.deal_id', '=', 'd.id')
          .orderBy('i.line_no')
          .limit(1)
          .as('first_item'),
        eb
          .selectFrom('deal_items as i')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('i.deal_id', '=', 'd.id')
          .as('item_count'),
      ])
      .where(isOpenStep('s'))
      .where('s.assignee_id', '=', memberId)
      .orderBy('s.due_at')
      .limit(TASK_LIMIT);
    q = overdue
      ? q.where('s.due_at', '<', nowIso)
      : q.where('s.due_at', '>=', nowIso).where('s.due_at', '<', end);
    return db.all(q).map((r) => ({
      dealId: r.deal_id,
      marketplace: r.marketplace as Marketplace,
      externalId: r.external_id,
      buyerName: r.customer_name ?? r.ship_name,
      itemSummary: r.first_item ?? '',
      firstItemName: r.first_item,
      itemCount: r.item_count ?? 0,
      kind: r.kind as StepKind,
      dueAt: r.due_at,
      overdue,
      assigneeId: r.assignee_id,
    }));
  };

  const counts = Object.fromEntries(
    stepKinds.map((k) => [k, { overdue: 0, today: 0 }]),
  ) as TodayDto['counts'];
  if (memberId !== null) {
    const rows = db.all(
      db.qb
        .selectFrom('deal_steps as s')
        .select((eb) => [
          's.kind',
          eb.fn.sum<number>(eb.case().when('s.due_at', '<', nowIso).then(1).else(0).end()).as('overdue'),
          eb.fn.sum<number>(eb.case().when('s.due_at', '>=', nowIso).then(1).else(0).end()).as('today'),
        ])
        .where(isOpenStep('s'))
        .where('s.assignee_id', '=', memberId)
        .where('s.due_at', '<', end)
        .groupBy('s.kind'),
    );
    for (const r of rows) counts[r.kind as StepKind] = { overdue: r.overdue ?? 0, today: r.today ?? 0 };
  }

  const family = db
    .all(
      db.qb
        .selectFrom('deal_steps as s')
        .select((eb) => [
          's.assignee_id',
          eb.fn.sum<number>(eb.case().when('s.due_at', '<', nowIso).then(1).else(0).end()).as('overdue'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('s.due_at', '>=', nowIso), eb('s.due_at', '<', end)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('today'),
          eb.fn.countAll<number>().as('open'),
        ])
        .where(isOpenStep('s'))
        .groupBy('s.assignee_id'),
    )
    .map((r) => ({ memberId: r.assignee_id, overdue: r.overdue ?? 0, today: r.today ?? 0, open: r.open }));

  return { memberId, overdue: tasks(true), dueToday: tasks(false), counts, family };
}
