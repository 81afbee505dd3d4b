import type { MergeResultDto, ParsedInputOf, SplitResultDto } from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { reindexCustomers, reindexDeals } from '../search/reindex';
import { editedColumns } from './profile-fill';
import { selectMerges, toMergeDto } from './read';
import { requireActiveCustomer, requireCustomer } from './service';

/** Contact fields an empty survivor takes over from the absorbed customer (and gives back on split). */
const FILLABLE = ['name_kana', 'email', 'phone', 'postal_code', 'prefecture', 'address'] as const;
type Fillable = (typeof FILLABLE)[number];
const NOTES_SEPARATOR = '\n\n';

type Entity = 'deal' | 'case' | 'identity' | 'wish' | 'tag';

function journal(db: Db, mergeId: number, entity: Entity, ref: number | string): void {
  db.run(
    db.qb.insertInto('customer_merge_moves').values({
      merge_id: mergeId,
      entity,
      ref_id: typeof ref === 'number' ? ref : null,
      ref_text: typeof ref === 'string' ? ref : null,
    }),
  );
}

/**
 * Merges `absorbId` into `keepId`: its deals, identities, tags and wishes move to the survivor, empty contact
 * fields (but none a member cleared) are filled from it, its notes are appended, and both customers'
 * hand-edited fields stay protected from imports on the survivor. The absorbed row stays (merged) and every move is
 * journaled, so {@link split} can undo exactly this merge.
 */
export function merge(ctx: ServiceContext, input: ParsedInputOf<'customers.merge'>): MergeResultDto {
  const { db } = ctx;
  const { keepId, absorbId } = input;
  if (keepId === absorbId) {
    throw new TorihikiError('invalid_input', 'A customer cannot be merged into itself.', [
      { path: 'absorbId', message: 'Same customer as keepId' },
    ]);
  }
  requireActiveCustomer(ctx, keepId, 'keepId');
  requireActiveCustomer(ctx, absorbId, 'absorbId');
  const now = ctx.clock.now().toISOString();
  const keep = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', keepId))!;
  const absorb = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', absorbId))!;

  // A field a member emptied on the survivor stays empty: the duplicate often carries the same wrong value.
  const keepEdited = editedColumns(keep.edited_fields);
  const filled: Partial<Record<Fillable, string>> = {};
  for (const field of FILLABLE) {
    const value = absorb[field];
    if (keep[field] === null && value !== null && !keepEdited.has(field)) filled[field] = value;
  }
  const notesAppended =
    absorb.notes.trim() === ''
      ? null
      : keep.notes === ''
        ? absorb.notes
        : `${NOTES_SEPARATOR}${absorb.notes}`;

  const { lastInsertRowid: mergeId } = db.run(
    db.qb.insertInto('customer_merges').values({
      keep_id: keepId,
      absorb_id: absorbId,
      merged_at: now,
      merged_by: ctx.actorId(),
      split_at: null,
      split_by: null,
      filled: JSON.stringify(filled),
      notes_appended: notesAppended,
    }),
  );

  const dealIds = db
    .all(db.qb.selectFrom('deals').select('id').where('customer_id', '=', absorbId))
    .map((d) => d.id);
  for (const id of dealIds) journal(db, mergeId, 'deal', id);
  db.run(db.qb.updateTable('deals').set({ customer_id: keepId }).where('customer_id', '=', absorbId));

  // Complaint cases follow the buyer like deals do, so the survivor's page shows the whole history.
  const caseIds = db
    .all(db.qb.selectFrom('cases').select('id').where('customer_id', '=', absorbId))
    .map((k) => k.id);
  for (const id of caseIds) journal(db, mergeId, 'case', id);
  db.run(
    db.qb
      .updateTable('cases')
      .set({ customer_id: keepId, customer_ref: keep.name })
      .where('customer_id', '=', absorbId),
  );

  // Identities and tags the survivor already has stay with the absorbed row: moving them would break the
  // per-customer uniqueness, and lookups skip merged customers anyway.
  const identityIds = db
    .all(
      db.qb
        .selectFrom('customer_identities as a')
        .select('a.id')
        .where('a.customer_id', '=', absorbId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('customer_identities as k')
                .select('k.id')
                .where('k.customer_id', '=', keepId)
                .whereRef('k.kind', '=', 'a.kind')
                .whereRef('k.value', '=', 'a.value')
                .whereRef('k.marketplace', '=', 'a.marketplace'),
            ),
          ),
        ),
    )
    .map((r) => r.id);
  for (const id of identityIds) {
    journal(db, mergeId, 'identity', id);
    db.run(db.qb.updateTable('customer_identities').set({ customer_id: keepId }).where('id', '=', id));
  }

  const keepTags = new Set(
    db
      .all(db.qb.selectFrom('customer_tags').select('tag').where('customer_id', '=', keepId))
      .map((t) => t.tag),
  );
  const tags = db
    .all(db.qb.selectFrom('customer_tags').select('tag').where('customer_id', '=', absorbId))
    .map((t) => t.tag)
    .filter((t) => !keepTags.has(t));
  for (const tag of tags) {
    journal(db, mergeId, 'tag', tag);
    db.run(
      db.qb
        .updateTable('customer_tags')
        .set({ customer_id: keepId })
        .where('customer_id', '=', absorbId)
        .where('tag', '=', tag),
    );
  }

  const wishIds = db
    .all(db.qb.selectFrom('customer_wishes').select('id').where('customer_id', '=', absorbId))
    .map((w) => w.id);
  for (const id of wishIds) journal(db, mergeId, 'wish', id);
  db.run(
    db.qb.updateTable('customer_wishes').set({ customer_id: keepId }).where('customer_id', '=', absorbId),
  );

  db.run(
    db.qb
      .updateTable('customers')
      .set({
        ...filled,
        notes: notesAppended === null ? keep.notes : keep.notes + notesAppended,
        edited_fields: unionOfEdits(keep.edited_fields, absorb.edited_fields),
        updated_at: now,
      })
      .where('id', '=', keepId),
  );

  reindexDeals(db, dealIds, ctx.clock.now());
  reindexCustomers(db, [keepId, absorbId], ctx.clock.now());
  const moved = {
    deals: dealIds.length,
    cases: caseIds.length,
    identities: identityIds.length,
    tags: tags.length,
    wishes: wishIds.length,
  };
  ctx.log({
    action: 'customer.merged',
    subjectType: 'customer',
    subjectId: keepId,
    detail: { mergeId, absorbedId: absorbId, absorbedName: absorb.name, moved },
  });
  ctx.log({
    action: 'customer.merged_into',
    subjectType: 'customer',
    subjectId: absorbId,
    detail: { mergeId, keepId, keepName: keep.name },
  });
  ctx.changed('customers', 'deals', 'cases', 'search');
  return { merge: readMerge(db, mergeId), customer: requireCustomer(ctx, keepId) };
}

/**
 * The survivor's hand-edited profile fields: both customers' (what a member cleared on either stays theirs to
 * fill). Split leaves the list as it is: a field kept out of imports too many costs a blank a member can
 * fill, one given back too few would let an import undo a member's choice.
 */
function unionOfEdits(keep: string, absorb: string): string {
  return JSON.stringify([...new Set([...editedColumns(keep), ...editedColumns(absorb)])].sort());
}

function readMerge(db: Db, mergeId: number) {
  const m = db.first(selectMerges(db).where('m.id', '=', mergeId));
  if (!m)
    throw new TorihikiError('not_found', `Merge ${mergeId} does not exist.`, [
      { path: 'mergeId', message: 'Unknown merge' },
    ]);
  return toMergeDto(db, m);
}

/**
 * Undoes one merge: what it moved goes back to the restored customer (if still on the survivor — a deal a
 * member has since moved elsewhere stays where it is), filled fields are emptied again unless edited since,
 * appended notes are taken back out. What the survivor gained after the merge (new deals, tags, wishes)
 * stays with it. The two are then remembered as different people. A survivor that was itself merged later
 * must be split from that merge first.
 */
export function split(ctx: ServiceContext, input: ParsedInputOf<'customers.split'>): SplitResultDto {
  const { db } = ctx;
  const merge = db.first(db.qb.selectFrom('customer_merges').selectAll().where('id', '=', input.mergeId));
  if (!merge) {
    throw new TorihikiError('not_found', `Merge ${input.mergeId} does not exist.`, [
      { path: 'mergeId', message: 'Unknown merge' },
    ]);
  }
  if (merge.split_at !== null) throw new TorihikiError('conflict', `Merge ${merge.id} was already split.`);
  const survivorMergedInto = db.first(
    db.qb
      .selectFrom('customer_merges')
      .select('id')
      .where('absorb_id', '=', merge.keep_id)
      .where('split_at', 'is', null),
  );
  if (survivorMergedInto) {
    throw new TorihikiError(
      'conflict',
      `Customer ${merge.keep_id} was merged again later (merge ${survivorMergedInto.id}); split that merge first.`,
    );
  }
  const { keep_id: keepId, absorb_id: absorbId } = merge;
  const now = ctx.clock.now().toISOString();
  const moves = db.all(db.qb.selectFrom('customer_merge_moves').selectAll().where('merge_id', '=', merge.id));
  const refs = (entity: Entity) =>
    moves.filter((m) => m.entity === entity && m.ref_id !== null).map((m) => m.ref_id as number);

  const absorbName = db.first(db.qb.selectFrom('customers').select('name').where('id', '=', absorbId))!.name;
  const dealIds = refs('deal');
  const dealsBack: number[] = [];
  for (const id of dealIds) {
    const { changes } = db.run(
      db.qb
        .updateTable('deals')
        .set({ customer_id: absorbId })
        .where('id', '=', id)
        .where('customer_id', '=', keepId),
    );
    if (changes > 0) dealsBack.push(id);
  }
  const casesBack: number[] = [];
  for (const id of refs('case')) {
    const { changes } = db.run(
      db.qb
        .updateTable('cases')
        .set({ customer_id: absorbId, customer_ref: absorbName })
        .where('id', '=', id)
        .where('customer_id', '=', keepId),
    );
    if (changes > 0) casesBack.push(id);
  }
  for (const id of refs('identity')) {
    db.run(
      db.qb
        .updateTable('customer_identities')
        .set({ customer_id: absorbId })
        .where('id', '=', id)
        .where('customer_id', '=', keepId),
    );
  }
  for (const id of refs('wish')) {
    db.run(
      db.qb
        .updateTable('customer_wishes')
        .set({ customer_id: absorbId })
        .where('id', '=', id)
        .where('customer_id', '=', keepId),
    );
  }
  for (const m of moves) {
    if (m.entity !== 'tag' || m.ref_text === null) continue;
    db.run(
      db.qb
        .updateTable('customer_tags')
        .set({ customer_id: absorbId })
        .where('customer_id', '=', keepId)
        .where('tag', '=', m.ref_text),
    );
  }

  const keep = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', keepId))!;
  const set: Record<string, string | null> = {};
  let filled: Partial<Record<Fillable, string>>;
  try {
    filled = JSON.parse(merge.filled) as Partial<Record<Fillable, string>>;
  } catch {
    filled = {};
  }
  for (const field of FILLABLE) {
    if (filled[field] !== undefined && keep[field] === filled[field]) set[field] = null;
  }
  if (merge.notes_appended !== null && keep.notes.endsWith(merge.notes_appended)) {
    set.notes = keep.notes.slice(0, keep.notes.length - merge.notes_appended.length);
  }
  db.run(
    db.qb
      .updateTable('customers')
      .set({ ...set, updated_at: now })
      .where('id', '=', keepId),
  );
  db.run(
    db.qb
      .updateTable('customer_merges')
      .set({ split_at: now, split_by: ctx.actorId() })
      .where('id', '=', merge.id),
  );
  const [low, high] = keepId < absorbId ? [keepId, absorbId] : [absorbId, keepId];
  db.run(
    db.qb
      .insertInto('customer_distinct')
      .values({ low_id: low, high_id: high, created_at: now, created_by: ctx.actorId() })
      .onConflict((oc) => oc.doNothing()),
  );

  reindexDeals(db, dealsBack, ctx.clock.now());
  reindexCustomers(db, [keepId, absorbId], ctx.clock.now());
  const detail = {
    mergeId: merge.id,
    keepId,
    restoredId: absorbId,
    dealsBack: dealsBack.length,
    dealsStayed: dealIds.length - dealsBack.length,
    casesBack: casesBack.length,
  };
  ctx.log({ action: 'customer.split', subjectType: 'customer', subjectId: keepId, detail });
  ctx.log({ action: 'customer.split', subjectType: 'customer', subjectId: absorbId, detail });
  ctx.changed('customers', 'deals', 'cases', 'search');
  return { kept: requireCustomer(ctx, keepId), restored: requireCustomer(ctx, absorbId) };
}

/** "Not the same person": the pair is never proposed as duplicates again. */
export function dismissDuplicate(
  ctx: ServiceContext,
  input: ParsedInputOf<'customers.dismissDuplicate'>,
): { ok: true } {
  if (input.aId === input.bId) {
    throw new TorihikiError('invalid_input', 'Give two different customers.', [
      { path: 'bId', message: 'Same customer as aId' },
    ]);
  }
  for (const [id, path] of [
    [input.aId, 'aId'],
    [input.bId, 'bId'],
  ] as const) {
    if (!ctx.db.first(ctx.db.qb.selectFrom('customers').select('id').where('id', '=', id))) {
      throw new TorihikiError('not_found', `Customer ${id} does not exist.`, [
        { path, message: 'Unknown customer' },
      ]);
    }
  }
  const [low, high] = input.aId < input.bId ? [input.aId, input.bId] : [input.bId, input.aId];
  ctx.db.run(
    ctx.db.qb
      .insertInto('customer_distinct')
      .values({
        low_id: low,
        high_id: high,
        created_at: ctx.clock.now().toISOString(),
        created_by: ctx.actorId(),
      })
      .onConflict((oc) => oc.doNothing()),
  );
  ctx.log({
    action: 'customer.duplicate_dismissed',
    subjectType: 'customer',
    subjectId: low,
    detail: { otherId: high },
  });
  ctx.changed('customers');
  return { ok: true };
}
