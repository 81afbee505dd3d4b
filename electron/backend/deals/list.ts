import { sql, type ExpressionBuilder } from 'kysely';
import type { DealFilter, DealPageDto, ParsedInputOf } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Schema } from '../db/schema';
import { selectDealRows, toDealRows } from './read';

type Eb = ExpressionBuilder<Schema & { d: Schema['deals'] }, 'd'>;

/** Deals with a step of this kind in this state; drives the query from the small set of open steps. */
const withStep = (eb: Eb, kind: string, state: string) =>
  eb(
    'd.id',
    'in',
    eb.selectFrom('deal_steps').select('deal_id').where('kind', '=', kind).where('state', '=', state),
  );

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
const likeTerm = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(eb: Eb, filter: DealFilter, ctx: ServiceContext) {
  const now = ctx.clock.now().toISOString();
  const conditions = [];
  switch (filter.view) {
    case 'awaiting_payment':
      conditions.push(eb('d.state', '=', 'open'), withStep(eb, 'payment', 'todo'));
      break;
    case 'awaiting_shipping':
      // Shippable: shipping is open and payment is not still outstanding.
      conditions.push(
        eb('d.state', '=', 'open'),
        withStep(eb, 'shipping', 'todo'),
        eb.not(withStep(eb, 'payment', 'todo')),
      );
      break;
    case 'mine': {
      const me = ctx.actorId();
      conditions.push(
        me === null
          ? sql<boolean>`0`
          : eb(
              'd.id',
              'in',
              eb
                .selectFrom('deal_steps')
                .select('deal_id')
                .where('assignee_id', '=', me)
                .where('state', '=', 'todo'),
            ),
      );
      break;
    }
    case 'overdue':
      conditions.push(eb('d.state', '=', 'open'), eb('d.next_due_at', '<', now));
      break;
    case undefined:
      break;
  }
  if (filter.marketplaces?.length) conditions.push(eb('d.marketplace', 'in', filter.marketplaces));
  if (filter.dealStates?.length) conditions.push(eb('d.state', 'in', filter.dealStates));
  if (filter.step) conditions.push(withStep(eb, filter.step.kind, filter.step.state));
  if (filter.overdue) conditions.push(eb('d.state', '=', 'open'), eb('d.next_due_at', '<', now));
  if (filter.assigneeId !== undefined) {
    conditions.push(
      eb(
        'd.id',
        'in',
        eb
          .selectFrom('deal_steps')
          .select('deal_id')
          .where('assignee_id', '=', filter.assigneeId)
          .where('state', '=', 'todo'),
      ),
    );
  }
  if (filter.orderedFrom) conditions.push(eb('d.ordered_at', '>=', filter.orderedFrom));
  if (filter.orderedTo) conditions.push(eb('d.ordered_at', '<', filter.orderedTo));
  if (filter.tag)
    conditions.push(
      eb('d.id', 'in', eb.selectFrom('deal_tags').select('deal_id').where('tag', '=', filter.tag)),
    );
  const text = filter.text?.trim();
  if (text) {
    const term = likeTerm(text);
    const like = (column: 'd.external_id' | 'd.ship_name' | 'd.ship_kana' | 'd.ship_phone') =>
      sql<boolean>`${sql.ref(column)} LIKE ${term} ESCAPE '\\'`;
    conditions.push(
      eb.or([
        like('d.external_id'),
        like('d.ship_name'),
        like('d.ship_kana'),
        like('d.ship_phone'),
        eb(
          'd.customer_id',
          'in',
          eb
            .selectFrom('customers')
            .select('id')
            .where(sql<boolean>`name LIKE ${term} ESCAPE '\\'`),
        ),
        eb(
          'd.id',
          'in',
          eb
            .selectFrom('deal_items')
            .select('deal_id')
            .where(sql<boolean>`name LIKE ${term} ESCAPE '\\'`),
        ),
      ]),
    );
  }
  return eb.and(conditions);
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'deals.list'>): DealPageDto {
  const { db } = ctx;
  const filter = input.filter ?? {};
  const sort = input.sort ?? { by: 'orderedAt', dir: 'desc' };
  let query = selectDealRows(db).where((eb) => where(eb as unknown as Eb, filter, ctx));
  switch (sort.by) {
    case 'orderedAt':
      query = query.orderBy('d.ordered_at', sort.dir).orderBy('d.id', sort.dir);
      break;
    case 'total':
      query = query.orderBy('d.total', sort.dir).orderBy('d.id', sort.dir);
      break;
    case 'nextDue':
      // Deals with nothing due sort last either way.
      query = query
        .orderBy(sql`d.next_due_at IS NULL`)
        .orderBy('d.next_due_at', sort.dir)
        .orderBy('d.id', sort.dir);
      break;
  }
  const records = db.all(query.limit(input.limit ?? 100).offset(input.offset ?? 0));
  const total = db.first(
    db.qb
      .selectFrom('deals as d')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => where(eb as unknown as Eb, filter, ctx)),
  );
  return { rows: toDealRows(db, records, ctx.clock.now()), total: total?.n ?? 0 };
}
