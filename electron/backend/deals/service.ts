import type { DealDto, ParsedInputOf } from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { namesAgree } from '../../../shared/domain/customers/identity';
import { findOrCreateCustomer } from '../customers/match';
import { reindexDeals } from '../search/reindex';
import { workflowFor } from '../workflows/service';
import { syncStepsWithDeal } from './open-steps';
import { planSteps, refreshProgress } from './progress';
import { parseList, readDeal } from './read';
import { insertSteps, replaceItems, replaceTags } from './write';

export function requireDeal(ctx: ServiceContext, id: number): DealDto {
  const deal = readDeal(ctx.db, id, ctx.clock.now());
  if (!deal) throw new TorihikiError('not_found', `Deal ${id} does not exist.`);
  return deal;
}

function requireCustomer(ctx: ServiceContext, id: number): void {
  if (!ctx.db.first(ctx.db.qb.selectFrom('customers').select('id').where('id', '=', id))) {
    throw new TorihikiError('not_found', `Customer ${id} does not exist.`, [
      { path: 'customerId', message: 'Unknown customer' },
    ]);
  }
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'deals.get'>): DealDto {
  return requireDeal(ctx, input.id);
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'deals.create'>): DealDto {
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  const duplicate = db.first(
    db.qb
      .selectFrom('deals')
      .select('id')
      .where('marketplace', '=', input.marketplace)
      .where('external_id', '=', input.externalId),
  );
  if (duplicate) {
    throw new TorihikiError(
      'conflict',
      `Deal ${input.externalId} already exists for this marketplace (deal ${duplicate.id}).`,
      [{ path: 'externalId', message: 'This order number is already in the ledger' }],
    );
  }
  for (const c of input.completed ?? []) {
    if (c.at < input.orderedAt) {
      throw new TorihikiError('invalid_input', `The ${c.kind} step cannot be done before the order.`, [
        { path: 'completed', message: 'Done before the order time' },
      ]);
    }
  }

  let customerId: number | null = null;
  if (input.customerId !== undefined) {
    requireCustomer(ctx, input.customerId);
    customerId = input.customerId;
  } else {
    const buyerName = input.buyer?.name ?? input.shipTo.name;
    if (buyerName) {
      // The ship-to's phone and address describe the buyer only when the buyer is the recipient; a gift's
      // recipient must not become an identity of the person who paid.
      const recipient =
        !input.buyer ||
        !input.shipTo.name ||
        namesAgree(input.buyer, { name: input.shipTo.name, kana: input.shipTo.kana });
      customerId = findOrCreateCustomer(
        db,
        {
          name: buyerName,
          kana: input.buyer?.kana ?? (recipient ? input.shipTo.kana : undefined),
          email: input.buyer?.email,
          phone: input.buyer?.phone ?? (recipient ? input.shipTo.phone : undefined),
          postalCode: recipient ? input.shipTo.postalCode : undefined,
          prefecture: recipient ? input.shipTo.prefecture : undefined,
          address: recipient
            ? [input.shipTo.address1, input.shipTo.address2].filter(Boolean).join(' ') || null
            : null,
          marketplace: input.marketplace,
          platformId: input.buyer?.handle,
        },
        now,
      );
    }
  }

  const { lastInsertRowid: dealId } = db.run(
    db.qb.insertInto('deals').values({
      marketplace: input.marketplace,
      external_id: input.externalId,
      ordered_at: input.orderedAt,
      customer_id: customerId,
      state: 'open',
      items_total: 0,
      total: 0,
      shipping_fee: input.shippingFee,
      fee: input.fee,
      ship_name: input.shipTo.name ?? null,
      ship_kana: input.shipTo.kana ?? null,
      ship_postal_code: input.shipTo.postalCode ?? null,
      ship_prefecture: input.shipTo.prefecture ?? null,
      ship_address1: input.shipTo.address1 ?? null,
      ship_address2: input.shipTo.address2 ?? null,
      ship_phone: input.shipTo.phone ?? null,
      delivery_method: input.deliveryMethod ?? null,
      buyer_handle: input.buyer?.handle ?? null,
      notes: input.notes ?? '',
      next_due_at: null,
      created_at: now,
      updated_at: now,
    }),
  );
  setAmounts(ctx, dealId, replaceItems(db, dealId, input.items), input.shippingFee);
  insertSteps(
    db,
    dealId,
    planSteps(workflowFor(db, input.marketplace), input.orderedAt, input.completed ?? [], ctx.actorId()),
  );
  replaceTags(db, dealId, input.tags ?? []);
  refreshProgress(db, dealId);
  reindexDeals(db, [dealId], ctx.clock.now());
  ctx.log({
    action: 'deal.created',
    subjectType: 'deal',
    subjectId: dealId,
    detail: { externalId: input.externalId, marketplace: input.marketplace },
  });
  ctx.changed('deals', 'customers', 'today');
  return requireDeal(ctx, dealId);
}

function setAmounts(ctx: ServiceContext, dealId: number, itemsTotal: number, shippingFee: number): void {
  // Total is what the buyer pays; marketplace fees are the shop's cost and not part of it.
  ctx.db.run(
    ctx.db.qb
      .updateTable('deals')
      .set({ items_total: itemsTotal, total: itemsTotal + shippingFee })
      .where('id', '=', dealId),
  );
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'deals.update'>): DealDto {
  const before = requireDeal(ctx, input.id);
  const { db } = ctx;
  const { patch } = input;
  const set: Record<string, unknown> = {};
  const edited = new Set(before.editedFields);
  const mark = (field: string, column: string, value: unknown) => {
    set[column] = value;
    edited.add(field);
  };
  if (patch.orderedAt !== undefined) mark('orderedAt', 'ordered_at', patch.orderedAt);
  if (patch.shippingFee !== undefined) mark('shippingFee', 'shipping_fee', patch.shippingFee);
  if (patch.fee !== undefined) mark('fee', 'fee', patch.fee);
  if (patch.deliveryMethod !== undefined)
    mark('deliveryMethod', 'delivery_method', patch.deliveryMethod || null);
  if (patch.notes !== undefined) mark('notes', 'notes', patch.notes);
  if (patch.customerId !== undefined) {
    if (patch.customerId !== null) requireCustomer(ctx, patch.customerId);
    mark('customerId', 'customer_id', patch.customerId);
  }
  if (patch.shipTo) {
    const columns = {
      name: 'ship_name',
      kana: 'ship_kana',
      postalCode: 'ship_postal_code',
      prefecture: 'ship_prefecture',
      address1: 'ship_address1',
      address2: 'ship_address2',
      phone: 'ship_phone',
    } as const;
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      if (field in patch.shipTo) mark(`shipTo.${field}`, column, patch.shipTo[field] || null);
    }
  }
  set.edited_fields = JSON.stringify([...edited].sort());
  set.updated_at = ctx.clock.now().toISOString();
  db.run(db.qb.updateTable('deals').set(set).where('id', '=', input.id));
  if (patch.items) {
    edited.add('items');
    db.run(
      db.qb
        .updateTable('deals')
        .set({ edited_fields: JSON.stringify([...edited].sort()) })
        .where('id', '=', input.id),
    );
    setAmounts(
      ctx,
      input.id,
      replaceItems(db, input.id, patch.items),
      patch.shippingFee ?? before.shippingFee,
    );
  } else if (patch.shippingFee !== undefined) {
    setAmounts(ctx, input.id, before.itemsTotal, patch.shippingFee);
  }
  if (patch.tags) replaceTags(db, input.id, patch.tags);
  if (patch.orderedAt !== undefined) refreshProgress(db, input.id);
  reindexDeals(db, [input.id], ctx.clock.now());
  ctx.log({
    action: 'deal.updated',
    subjectType: 'deal',
    subjectId: input.id,
    detail: { fields: Object.keys(patch) },
  });
  ctx.changed('deals', 'customers', 'today');
  return requireDeal(ctx, input.id);
}

export function cancel(ctx: ServiceContext, input: ParsedInputOf<'deals.cancel'>): DealDto {
  const deal = requireDeal(ctx, input.id);
  if (deal.state === 'cancelled')
    throw new TorihikiError('conflict', `Deal ${deal.externalId} is already cancelled.`);
  ctx.db.run(
    ctx.db.qb
      .updateTable('deals')
      .set({ state: 'cancelled', next_due_at: null, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', input.id),
  );
  syncStepsWithDeal(ctx.db, input.id, true);
  reindexDeals(ctx.db, [input.id], ctx.clock.now());
  ctx.log({
    action: 'deal.cancelled',
    subjectType: 'deal',
    subjectId: input.id,
    detail: { reason: input.reason ?? '' },
  });
  ctx.changed('deals', 'customers', 'today');
  return requireDeal(ctx, input.id);
}

export function reopen(ctx: ServiceContext, input: ParsedInputOf<'deals.reopen'>): DealDto {
  const deal = requireDeal(ctx, input.id);
  if (deal.state !== 'cancelled')
    throw new TorihikiError('conflict', `Deal ${deal.externalId} is not cancelled.`);
  ctx.db.run(
    ctx.db.qb
      .updateTable('deals')
      .set({ state: 'open', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', input.id),
  );
  refreshProgress(ctx.db, input.id);
  reindexDeals(ctx.db, [input.id], ctx.clock.now());
  ctx.log({ action: 'deal.reopened', subjectType: 'deal', subjectId: input.id });
  ctx.changed('deals', 'customers', 'today');
  return requireDeal(ctx, input.id);
}

export { parseList };
