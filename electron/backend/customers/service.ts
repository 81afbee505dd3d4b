import type { ExpressionBuilder } from 'kysely';
import type {
  CustomerDto,
  CustomerFilter,
  CustomerPageDto,
  CustomerRowDto,
  ParsedInputOf,
  WishDto,
} from '../../../shared/contract';
import { identityKeys } from '../../../shared/domain/customers/identity';
import { codePointLength, searchKey } from '../../../shared/domain/search/key';
import { stripHonorifics } from '../../../shared/domain/text/name';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import type { Schema } from '../db/schema';
import { reindexCustomers } from '../search/reindex';
import { customerIdMatches } from '../search/sqlite-fts';
import { addIdentities } from './identities';
import { editedColumns, PROFILE_COLUMNS } from './profile-fill';
import { customerRows, DEFAULT_DEALS_LIMIT, mergedInto, readCustomer, toWish } from './read';

export function requireCustomer(ctx: ServiceContext, id: number, dealsLimit?: number): CustomerDto {
  const customer = readCustomer(ctx.db, id, ctx.clock.now(), dealsLimit ?? DEFAULT_DEALS_LIMIT);
  if (!customer) throw new TorihikiError('not_found', `Customer ${id} does not exist.`);
  return customer;
}

/** A customer that can be changed: it exists and has not been merged into another. */
export function requireActiveCustomer(ctx: ServiceContext, id: number, path = 'id'): void {
  if (!ctx.db.first(ctx.db.qb.selectFrom('customers').select('id').where('id', '=', id))) {
    throw new TorihikiError('not_found', `Customer ${id} does not exist.`, [
      { path, message: 'Unknown customer' },
    ]);
  }
  const into = mergedInto(ctx.db, id);
  if (into !== null) {
    throw new TorihikiError('conflict', `Customer ${id} was merged into customer ${into}; change that one.`, [
      { path, message: 'Merged into another customer' },
    ]);
  }
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'customers.get'>): CustomerDto {
  return requireCustomer(ctx, input.id, input.dealsLimit);
}

/**
 * Upper bound of a prefix range: every key starting with `prefix` sorts below it. Keys compare as UTF-8 bytes
 * (SQLite's BINARY collation; a PostgreSQL port uses COLLATE "C" on these columns).
 */
const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

type SummaryEb = ExpressionBuilder<Schema & { s: Schema['customer_summaries'] }, 's'>;

function textCondition(eb: SummaryEb, text: string) {
  const key = searchKey(stripHonorifics(text.normalize('NFKC').trim()));
  if (key === '') return null;
  if (codePointLength(key) >= 3) return customerIdMatches('s.customer_id', [key]);
  // Too short for the trigram index: names and readings that start with it.
  return eb.or([
    eb.and([eb('s.name_key', '>=', key), eb('s.name_key', '<', prefixEnd(key))]),
    eb.and([eb('s.reading_key', '>=', key), eb('s.reading_key', '<', prefixEnd(key))]),
  ]);
}

/**
 * The filtered set of active customers. `page` shapes tag and marketplace filters as EXISTS, so a sorted page
 * walks the sort index and probes each customer until the page is full; the count shapes them as IN, which
 * SQLite drives from the (smaller) tag or marketplace list instead of probing every customer.
 */
function filtered(db: Db, filter: CustomerFilter, shape: 'page' | 'count') {
  let q = db.qb.selectFrom('customer_summaries as s');
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where((eb) =>
      shape === 'page'
        ? eb.exists(
            eb
              .selectFrom('customer_tags as t')
              .select('t.customer_id')
              .whereRef('t.customer_id', '=', 's.customer_id')
              .where('t.tag', '=', tag),
          )
        : eb(
            's.customer_id',
            'in',
            eb.selectFrom('customer_tags').select('customer_id').where('tag', '=', tag),
          ),
    );
  }
  if (filter.marketplace !== undefined) {
    const marketplace = filter.marketplace;
    q = q.where((eb) =>
      shape === 'page'
        ? eb.exists(
            eb
              .selectFrom('customer_marketplaces as m')
              .select('m.customer_id')
              .whereRef('m.customer_id', '=', 's.customer_id')
              .where('m.marketplace', '=', marketplace),
          )
        : eb(
            's.customer_id',
            'in',
            eb
              .selectFrom('customer_marketplaces')
              .select('customer_id')
              .where('marketplace', '=', marketplace),
          ),
    );
  }
  if (filter.repeatOnly) q = q.where('s.purchase_count', '>=', 2);
  if (filter.text !== undefined) {
    const text = filter.text;
    q = q.where((eb) => textCondition(eb, text) ?? eb.lit(true));
  }
  return q;
}

/** The number of customers a filter keeps; a marketplace or tag alone is counted from its own index. */
function count(db: Db, filter: CustomerFilter): number {
  const only = Object.entries(filter).filter(([, v]) => v !== undefined && v !== false);
  if (only.length === 1 && filter.marketplace !== undefined) {
    return (
      db.first(
        db.qb
          .selectFrom('customer_marketplaces')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('marketplace', '=', filter.marketplace),
      )?.n ?? 0
    );
  }
  return db.first(filtered(db, filter, 'count').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

/**
 * The customers list: active customers only (merged ones live on in the survivor), sorted on indexed
 * figures so a page of 300,000 customers costs one index walk. Sorting by name uses the reading (あいうえお).
 */
export function list(ctx: ServiceContext, input: ParsedInputOf<'customers.list'>): CustomerPageDto {
  const { db } = ctx;
  const filter = input.filter ?? {};
  const sort = input.sort ?? { by: 'lastPurchase', dir: 'desc' };
  let q = filtered(db, filter, 'page').select('s.customer_id');
  switch (sort.by) {
    case 'lastPurchase':
      q = q.orderBy('s.last_purchase_at', sort.dir);
      break;
    case 'lifetimeValue':
      q = q.orderBy('s.lifetime_value', sort.dir);
      break;
    case 'repeatCount':
      q = q.orderBy('s.purchase_count', sort.dir);
      break;
    case 'name':
      q = q.orderBy('s.reading_key', sort.dir);
      break;
  }
  q = q.orderBy('s.customer_id', sort.dir);
  const ids = db.all(q.limit(input.limit ?? 100).offset(input.offset ?? 0)).map((r) => r.customer_id);
  const rows = customerRows(db, ids);
  const total = count(db, filter);
  return {
    rows: ids
      .map((id) => rows.get(id))
      .filter((r) => r !== undefined)
      .map(({ lastDealId: _l, ...r }): CustomerRowDto => r),
    total,
  };
}

/** Profile edits. New contact details also become identities, so the buyer's next order finds this customer. */
export function update(ctx: ServiceContext, input: ParsedInputOf<'customers.update'>): CustomerDto {
  const { db } = ctx;
  requireActiveCustomer(ctx, input.id);
  const { patch } = input;
  const now = ctx.clock.now().toISOString();
  const columns = {
    name: 'name',
    kana: 'name_kana',
    email: 'email',
    phone: 'phone',
    postalCode: 'postal_code',
    prefecture: 'prefecture',
    address: 'address',
    notes: 'notes',
  } as const;
  const set: Record<string, string | null> = {};
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    // Empty clears an optional field; notes are never null.
    set[column] = field === 'notes' || field === 'name' ? value : value === '' ? null : value;
  }
  if (typeof set.email === 'string') set.email = set.email.toLowerCase();
  const edited = editedProfileFields(db, input.id, set);
  if (edited !== null) set.edited_fields = edited;
  if (Object.keys(set).length > 0) {
    db.run(
      db.qb
        .updateTable('customers')
        .set({ ...set, updated_at: now })
        .where('id', '=', input.id),
    );
  }
  let tagChange: { added: string[]; removed: string[] } | undefined;
  if (patch.tags) tagChange = replaceTags(db, input.id, patch.tags, now);

  const c = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', input.id))!;
  addIdentities(
    db,
    input.id,
    identityKeys({
      name: c.name,
      kana: c.name_kana,
      email: c.email,
      phone: c.phone,
      postalCode: c.postal_code,
    }),
    now,
  );
  reindexCustomers(db, [input.id], ctx.clock.now());
  ctx.log({
    action: 'customer.updated',
    subjectType: 'customer',
    subjectId: input.id,
    detail: { fields: Object.keys(patch).filter((f) => f !== 'tags'), ...(tagChange ?? {}) },
  });
  ctx.changed('customers', 'deals', 'search');
  return requireCustomer(ctx, input.id);
}

/**
 * customers.edited_fields after this edit, or null when it stays as it is. The form sends every field, so
 * only the profile columns whose value actually changes count as a member's choice; an import never fills
 * them again, not even one the member emptied.
 */
function editedProfileFields(db: Db, id: number, set: Record<string, string | null>): string | null {
  const current = db.first(
    db.qb
      .selectFrom('customers')
      .select(['edited_fields', ...PROFILE_COLUMNS])
      .where('id', '=', id),
  )!;
  const edited = editedColumns(current.edited_fields);
  const before = edited.size;
  for (const column of PROFILE_COLUMNS) {
    if (column in set && set[column] !== current[column]) edited.add(column);
  }
  return edited.size === before ? null : JSON.stringify([...edited].sort());
}

function replaceTags(db: Db, customerId: number, tags: string[], now: string) {
  const before = new Set(
    db
      .all(db.qb.selectFrom('customer_tags').select('tag').where('customer_id', '=', customerId))
      .map((t) => t.tag),
  );
  const after = new Set(tags);
  const added = [...after].filter((t) => !before.has(t));
  const removed = [...before].filter((t) => !after.has(t));
  if (removed.length > 0) {
    db.run(
      db.qb.deleteFrom('customer_tags').where('customer_id', '=', customerId).where('tag', 'in', removed),
    );
  }
  for (const tag of added) {
    db.run(db.qb.insertInto('customer_tags').values({ customer_id: customerId, tag, created_at: now }));
  }
  return { added, removed };
}

export function removeIdentity(
  ctx: ServiceContext,
  input: ParsedInputOf<'customers.removeIdentity'>,
): CustomerDto {
  const { db } = ctx;
  requireActiveCustomer(ctx, input.customerId, 'customerId');
  const identity = db.first(
    db.qb
      .selectFrom('customer_identities')
      .selectAll()
      .where('id', '=', input.identityId)
      .where('customer_id', '=', input.customerId),
  );
  if (!identity) {
    throw new TorihikiError(
      'not_found',
      `Customer ${input.customerId} has no identity ${input.identityId}.`,
      [{ path: 'identityId', message: 'Unknown identity' }],
    );
  }
  db.run(db.qb.deleteFrom('customer_identities').where('id', '=', identity.id));
  reindexCustomers(db, [input.customerId], ctx.clock.now());
  ctx.log({
    action: 'customer.identity_removed',
    subjectType: 'customer',
    subjectId: input.customerId,
    detail: { kind: identity.kind, value: identity.value },
  });
  ctx.changed('customers', 'search');
  return requireCustomer(ctx, input.customerId);
}

function requireWish(ctx: ServiceContext, id: number) {
  const wish = ctx.db.first(ctx.db.qb.selectFrom('customer_wishes').selectAll().where('id', '=', id));
  if (!wish) throw new TorihikiError('not_found', `Wish ${id} does not exist.`);
  return wish;
}

export function addWish(ctx: ServiceContext, input: ParsedInputOf<'wishes.add'>): WishDto {
  const { db } = ctx;
  requireActiveCustomer(ctx, input.customerId, 'customerId');
  if (input.dealId !== undefined) {
    if (!db.first(db.qb.selectFrom('deals').select('id').where('id', '=', input.dealId))) {
      throw new TorihikiError('not_found', `Deal ${input.dealId} does not exist.`, [
        { path: 'dealId', message: 'Unknown deal' },
      ]);
    }
  }
  const { lastInsertRowid: id } = db.run(
    db.qb.insertInto('customer_wishes').values({
      customer_id: input.customerId,
      text: input.text,
      wants_notice: input.wantsNotice ? 1 : 0,
      deal_id: input.dealId ?? null,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.actorId(),
      done_at: null,
      done_by: null,
    }),
  );
  ctx.log({
    action: 'customer.wish_added',
    subjectType: 'customer',
    subjectId: input.customerId,
    detail: { wishId: id, text: input.text, wantsNotice: input.wantsNotice ?? false },
  });
  ctx.changed('customers');
  return toWish(requireWish(ctx, id));
}

export function updateWish(ctx: ServiceContext, input: ParsedInputOf<'wishes.update'>): WishDto {
  const { db } = ctx;
  const wish = requireWish(ctx, input.id);
  requireActiveCustomer(ctx, wish.customer_id, 'id');
  const set: Record<string, unknown> = {};
  if (input.text !== undefined) set.text = input.text;
  if (input.wantsNotice !== undefined) set.wants_notice = input.wantsNotice ? 1 : 0;
  if (input.done !== undefined && input.done !== (wish.done_at !== null)) {
    set.done_at = input.done ? ctx.clock.now().toISOString() : null;
    set.done_by = input.done ? ctx.actorId() : null;
  }
  if (Object.keys(set).length > 0) {
    db.run(db.qb.updateTable('customer_wishes').set(set).where('id', '=', input.id));
    ctx.log({
      action: 'customer.wish_updated',
      subjectType: 'customer',
      subjectId: wish.customer_id,
      detail: { wishId: wish.id, fields: Object.keys(input).filter((k) => k !== 'id'), done: input.done },
    });
    ctx.changed('customers');
  }
  return toWish(requireWish(ctx, input.id));
}

export function removeWish(ctx: ServiceContext, input: ParsedInputOf<'wishes.remove'>): { id: number } {
  const wish = requireWish(ctx, input.id);
  requireActiveCustomer(ctx, wish.customer_id, 'id');
  ctx.db.run(ctx.db.qb.deleteFrom('customer_wishes').where('id', '=', input.id));
  ctx.log({
    action: 'customer.wish_removed',
    subjectType: 'customer',
    subjectId: wish.customer_id,
    detail: { wishId: wish.id, text: wish.text },
  });
  ctx.changed('customers');
  return { id: input.id };
}
