import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DealFilter, DealIdsDto, DealPageDto, ParsedInputOf } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Schema } from '../db/schema';
import { isOpenStep } from './open-steps';
import { selectDealRows, toDealRows } from './read';
import { isBuyerPrefixText, textCondition } from './text-filter';

type Eb = ExpressionBuilder<Schema & { d: Schema['deals'] }, 'd'>;
type Sort = NonNullable<ParsedInputOf<'deals.list'>['sort']>;

/**
 * The list says "1,000件以上" past this, and the table grows as it is scrolled: counting a million
 * deals (or probing each for a step state) costs many pages' time, and nobody reads a count that large.
 */
export const COUNT_CAP = 1_000;
/**
 * With more matches than this, a page walks the index of its sort order and stops after one page;
 * with fewer, SQLite fetches the matches by their filter's index and sorts them (cheaper than a walk
 * that skips most of the ledger to find a few). See walks() for the exception.
 */
const WALK_FROM = COUNT_CAP;

const DEFAULT_SORT: Sort = { by: 'orderedAt', dir: 'desc' };

/**
 * SQL for one list query. `walk` keeps the filter's columns off the indexes (a unary plus) so SQLite
 * follows the index of the sort order: only the columns that index does not lead with.
 */
function where(eb: Eb, filter: DealFilter, ctx: ServiceContext, sort: Sort, walk: boolean) {
  const now = ctx.clock.now().toISOString();
  const onlyOpen = openDealsOnly(filter);
  const keep = (column: 'ordered_at' | 'state' | 'marketplace') => {
    // Open deals are a few thousand of a million: their partial indexes (deals_open_*) and
    // deals_state_ordered beat any other column's index, sorted or not.
    if (onlyOpen) return column === 'state';
    if (!walk) return true;
    if (sort.by === 'orderedAt') return true; // deals_ordered_at, deals_state_ordered, deals_marketplace_ordered
    if (sort.by === 'total') return column === 'marketplace'; // deals_total, deals_marketplace_total
    return false; // next due: deals_next_due_last / deals_next_due_first_desc
  };
  const col = (column: 'ordered_at' | 'state' | 'marketplace') =>
    keep(column) ? sql.ref(`d.${column}`) : sql`+${sql.ref(`d.${column}`)}`;
  // Ids from a small set (open steps, the search index) drive the query unless it walks.
  const id: Expression<number> = walk ? sql<number>`+d.id` : sql<number>`d.id`;
  const inSet = (subquery: Expression<unknown>) => sql<SqlBool>`${id} IN (${subquery})`;
  const openSteps = () => eb.selectFrom('deal_steps as s').select('s.deal_id').where(isOpenStep('s'));
  const isOpen = () => sql<SqlBool>`${col('state')} = 'open'`;

  const conditions: Expression<SqlBool>[] = [];
  switch (filter.view) {
    case 'awaiting_payment':
      conditions.push(isOpen(), inSet(openSteps().where('s.kind', '=', 'payment')));
      break;
    case 'awaiting_shipping':
      // Shippable: shipping is open and payment is not still outstanding.
      conditions.push(
        isOpen(),
        inSet(openSteps().where('s.kind', '=', 'shipping')),
        sql<SqlBool>`NOT (${inSet(openSteps().where('s.kind', '=', 'payment'))})`,
      );
      break;
    case 'mine': {
      const me = ctx.actorId();
      conditions.push(me === null ? sql<SqlBool>`0` : isOpen());
      if (me !== null) conditions.push(inSet(openSteps().where('s.assignee_id', '=', me)));
      break;
    }
    case 'overdue':
      conditions.push(isOpen(), eb('d.next_due_at', '<', now));
      break;
    case undefined:
      break;
  }
  if (filter.marketplaces?.length) {
    conditions.push(
      filter.marketplaces.length === 1
        ? eb(col('marketplace'), '=', filter.marketplaces[0]!)
        : eb(col('marketplace'), 'in', filter.marketplaces),
    );
  }
  if (filter.dealStates?.length) {
    conditions.push(
      filter.dealStates.length === 1
        ? sql<SqlBool>`${col('state')} = ${sql.lit(filter.dealStates[0]!)}`
        : eb(col('state'), 'in', filter.dealStates),
    );
  }
  if (filter.step) {
    const { kind, state } = filter.step;
    if (state === 'todo' && !filter.dealStates?.includes('cancelled')) {
      // Still to do on a live deal: the open-steps index. A cancelled deal's steps are frozen, not work.
      conditions.push(inSet(openSteps().where('s.kind', '=', kind)));
    } else if (walk) {
      // Done (most deals) or skipped, on a walk: probed per walked deal. (kind, state, deal) answers the
      // probe from the index alone; SQLite would pick the unique (deal, kind) index and read each step row.
      // Literals (kind and state are enum values the contract checked) give the planner their real frequency.
      conditions.push(
        sql<SqlBool>`EXISTS (SELECT 1 FROM deal_steps AS s INDEXED BY deal_steps_kind_state WHERE s.kind = ${sql.lit(kind)} AND s.state = ${sql.lit(state)} AND s.deal_id = ${id})`,
      );
    }
    // Otherwise joined by fromDeals, so SQLite may start from the steps or from the deals.
  }
  if (filter.overdue) conditions.push(isOpen(), eb('d.next_due_at', '<', now));
  if (filter.assigneeId !== undefined) {
    conditions.push(
      isOpen(),
      inSet(
        filter.assigneeId === 'unassigned'
          ? openSteps().where('s.assignee_id', 'is', null)
          : openSteps().where('s.assignee_id', '=', filter.assigneeId),
      ),
    );
  }
  if (filter.orderedFrom) conditions.push(eb(col('ordered_at'), '>=', filter.orderedFrom));
  if (filter.orderedTo) conditions.push(eb(col('ordered_at'), '<', filter.orderedTo));
  // A tag on a walk is probed per walked deal on the table's key (collecting 60,000 tagged ids first costs
  // more than the walk); otherwise it is joined by fromDeals.
  if (filter.tag && walk)
    conditions.push(
      eb.exists(
        eb
          .selectFrom('deal_tags as t')
          .select(sql`1`.as('one'))
          .where('t.deal_id', '=', id)
          .where('t.tag', '=', filter.tag),
      ),
    );
  const text = filter.text?.trim();
  if (text) conditions.push(textCondition(text, id) ?? sql<SqlBool>`0`);
  return eb.and(conditions);
}

/** Filters that match open deals only (open work, overdue): the smallest set to start from. */
function openDealsOnly(filter: DealFilter): boolean {
  return (
    filter.view !== undefined ||
    filter.overdue === true ||
    filter.assigneeId !== undefined ||
    (filter.dealStates?.length === 1 && filter.dealStates[0] === 'open')
  );
}

/**
 * The deals table, joined (when not walking) with the sets a tag or a done/skipped step filter name:
 * SQLite then starts from whichever side is smaller, e.g. the first 1,001 skipped ratings of the
 * (kind, state, deal) index, instead of collecting 60,000 ids or probing deal after deal. Each deal
 * joins at most one row (deal_tags' key is (deal, tag); a deal has one step of a kind), so the rows
 * are the deals.
 */
function fromDeals(ctx: ServiceContext, filter: DealFilter, walk: boolean) {
  let query = ctx.db.qb.selectFrom('deals as d');
  if (walk) return query;
  const { tag, step } = filter;
  if (tag !== undefined) {
    query = query.innerJoin('deal_tags as t', (join) =>
      join.onRef('t.deal_id', '=', 'd.id').on('t.tag', '=', tag),
    ) as unknown as typeof query;
  }
  if (step && !(step.state === 'todo' && !filter.dealStates?.includes('cancelled'))) {
    query = query.innerJoin('deal_steps as s', (join) =>
      join
        .onRef('s.deal_id', '=', 'd.id')
        .on(sql<SqlBool>`s.kind = ${sql.lit(step.kind)} AND s.state = ${sql.lit(step.state)}`),
    ) as unknown as typeof query;
  }
  return query;
}

/**
 * Whether a page walks the index of its sort order. Not for a text with a one- or two-character word
 * (「山田」, 「山田 マフラー」): its matches are the deals of at most a few thousand buyers, quicker to
 * sort than to find on a walk that may pass half the ledger when those buyers' deals are old.
 */
function walks(filter: DealFilter, count: number): boolean {
  const text = filter.text?.trim();
  return count > WALK_FROM && !(text && isBuyerPrefixText(text));
}

/** Matches up to COUNT_CAP + 1: enough to say "exactly n" or "more than 1,000". */
function cappedCount(ctx: ServiceContext, filter: DealFilter): number {
  const { db } = ctx;
  const matches = fromDeals(ctx, filter, false)
    .select(sql<number>`1`.as('one'))
    .where((eb) => where(eb as unknown as Eb, filter, ctx, DEFAULT_SORT, false))
    .limit(COUNT_CAP + 1);
  return db.first(db.qb.selectFrom(matches.as('m')).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

/**
 * A date range sorted by next due, walked: the next-due index holds the ledger's few due deals first and
 * then every other deal by id, so the walk for "June 2025" skipped the 400,000 older deals to reach
 * June's. Open-only filters start from the small open-deal indexes and need none of this.
 */
function datedWalk(filter: DealFilter): boolean {
  return (filter.orderedFrom !== undefined || filter.orderedTo !== undefined) && !openDealsOnly(filter);
}

/**
 * The next-due order (due deals by due time, then the others by id) read as its two parts: the range's
 * due matches, a few, from deals_due_ordered and sorted; then the other matches by id, walking the table
 * from the lowest id in the date range (read from deals_ordered_at).
 */
function nextDueInParts(
  ctx: ServiceContext,
  filter: DealFilter,
  sort: Sort,
  limit: number,
  offset: number,
): number[] {
  const { db } = ctx;
  const matching = (walk: boolean) =>
    fromDeals(ctx, filter, walk)
      .select('d.id')
      .where((eb) => where(eb as unknown as Eb, filter, ctx, sort, walk));
  const due = db
    .all(
      matching(false)
        // Literal, so SQLite sees it implies the partial index's WHERE.
        .where(sql<SqlBool>`d.next_due_at IS NOT NULL`)
        .orderBy(sql`d.next_due_at IS NULL`)
        .orderBy('d.next_due_at', sort.dir)
        .orderBy('d.id')
        .limit(offset + limit),
    )
    .map((r) => r.id);
  const page = due.slice(offset);
  if (page.length === limit) return page;
  let lowest = db.qb.selectFrom('deals').select(sql<number>`min(+id)`.as('low'));
  if (filter.orderedFrom) lowest = lowest.where('ordered_at', '>=', filter.orderedFrom);
  if (filter.orderedTo) lowest = lowest.where('ordered_at', '<', filter.orderedTo);
  const rest = db.all(
    matching(true)
      // The unary plus keeps SQLite on the table's own id order rather than a next-due index.
      .where(sql<SqlBool>`+d.next_due_at IS NULL`)
      .where('d.id', '>=', lowest)
      .orderBy('d.id')
      .limit(limit - page.length)
      .offset(Math.max(0, offset - due.length)),
  );
  return [...page, ...rest.map((r) => r.id)];
}

function matchingIds(
  ctx: ServiceContext,
  filter: DealFilter,
  sort: Sort,
  walk: boolean,
  limit: number,
  offset: number,
): number[] {
  const { db } = ctx;
  if (walk && sort.by === 'nextDue' && datedWalk(filter))
    return nextDueInParts(ctx, filter, sort, limit, offset);
  let query = fromDeals(ctx, filter, walk)
    .select('d.id')
    .where((eb) => where(eb as unknown as Eb, filter, ctx, sort, walk));
  switch (sort.by) {
    case 'orderedAt':
      query = query.orderBy('d.ordered_at', sort.dir).orderBy('d.id', sort.dir);
      break;
    case 'total':
      query = query.orderBy('d.total', sort.dir).orderBy('d.id', sort.dir);
      break;
    case 'nextDue':
      // Deals with nothing due sort last either way; the order of deals_next_due_last and
      // deals_next_due_first_desc (ties by id, ascending).
      query = query
        .orderBy(sql`d.next_due_at IS NULL`)
        .orderBy('d.next_due_at', sort.dir)
        .orderBy('d.id');
      break;
  }
  return db.all(query.limit(limit).offset(offset)).map((r) => r.id);
}

/**
 * The page's ids (an index walk or a small sort) and the capped count of all matches. The matches of a
 * text with a one- or two-character word (the deals of at most a few thousand buyers) are sorted whole
 * whatever the page, so one sorted read of up to COUNT_CAP + 1 ids gives both, instead of looking every
 * match up twice (once to count, once to sort).
 */
function pageIds(
  ctx: ServiceContext,
  filter: DealFilter,
  sort: Sort,
  limit: number,
  offset: number,
): { count: number; ids: number[] } {
  const text = filter.text?.trim();
  if (text && isBuyerPrefixText(text)) {
    const found = matchingIds(ctx, filter, sort, false, Math.max(COUNT_CAP + 1, offset + limit), 0);
    return { count: Math.min(found.length, COUNT_CAP + 1), ids: found.slice(offset, offset + limit) };
  }
  const count = cappedCount(ctx, filter);
  const ids =
    count === 0 || (offset >= count && count <= COUNT_CAP)
      ? []
      : matchingIds(ctx, filter, sort, walks(filter, count), limit, offset);
  return { count, ids };
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'deals.list'>): DealPageDto {
  const { db } = ctx;
  const filter = input.filter ?? {};
  const sort = input.sort ?? DEFAULT_SORT;
  // The page's ids first, then the rows of just those 100 deals.
  const { count, ids } = pageIds(ctx, filter, sort, input.limit ?? 100, input.offset ?? 0);
  const byId = new Map(
    ids.length === 0 ? [] : db.all(selectDealRows(db).where('d.id', 'in', ids)).map((r) => [r.id, r]),
  );
  const records = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    rows: toDealRows(db, records, ctx.clock.now()),
    total: Math.min(count, COUNT_CAP),
    totalCapped: count > COUNT_CAP,
  };
}

/** Ids of the deals matching a filter, in list order, at most `limit`: "select all matching" in the ledger. */
export function ids(ctx: ServiceContext, input: ParsedInputOf<'deals.ids'>): DealIdsDto {
  const filter = input.filter ?? {};
  const sort = input.sort ?? DEFAULT_SORT;
  const limit = input.limit;
  const count = cappedCount(ctx, filter);
  const found = count === 0 ? [] : matchingIds(ctx, filter, sort, walks(filter, count), limit + 1, 0);
  return { ids: found.slice(0, limit), more: found.length > limit };
}
