import type { ImportUndoDto, ParsedInputOf } from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { PROFILE_COLUMNS } from '../customers/profile-fill';
import { refreshProgress, workflowCache } from '../deals/progress';
import { currentItems, recomputeAmounts, writeItems } from './apply';
import type { ItemLine } from './plan';
import { undoBlocker } from './history';
import { reindexCustomers, reindexDeals } from '../search/reindex';
import { batchDealIds } from './service';
import { sameValue } from './snapshot';

type Columns = Record<string, unknown>;

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/**
 * Takes a batch back out: deals it created are deleted, values it changed are restored, and customers
 * it created go too unless another deal now uses them. A value a member changed after the import is
 * left as the member set it. Blocked while a newer batch has changed the same deals.
 */
export function undo(ctx: ServiceContext, input: ParsedInputOf<'imports.undo'>): ImportUndoDto {
  const { db } = ctx;
  const batchId = input.batchId;
  const batch = db.first(db.qb.selectFrom('import_batches').selectAll().where('id', '=', batchId));
  if (!batch) throw new TorihikiError('not_found', `Import batch ${batchId} does not exist.`);
  if (batch.undone_at !== null)
    throw new TorihikiError('conflict', `Import batch ${batchId} was already undone.`);
  const blocker = undoBlocker(db, batchId);
  if (blocker !== null) {
    throw new TorihikiError(
      'conflict',
      `Import batch ${blocker} changed the same deals after this one; undo batch ${blocker} first.`,
    );
  }

  const journal = db.all(
    db.qb.selectFrom('import_journal').selectAll().where('batch_id', '=', batchId).orderBy('id', 'desc'),
  );
  const restored = new Set<number>();
  const customers: number[] = [];
  /**
   * Existing customers that lose identities the batch recorded for them, or details it filled in: their
   * search entry changes.
   */
  const learnedFrom = new Set<number>();
  const shared: { kind: string; value: string; marketplace: string }[] = [];
  let valuesKept = 0;
  for (const entry of journal) {
    const before = parse<Columns>(entry.before);
    const after = parse<Columns>(entry.after);
    switch (entry.entity) {
      case 'customer':
        customers.push(entry.entity_id);
        break;
      case 'customer_identity':
        if (db.run(db.qb.deleteFrom('customer_identities').where('id', '=', entry.entity_id)).changes)
          learnedFrom.add(Number(after?.customer_id));
        break;
      case 'customer_profile': {
        const { restored: back, kept } = restoreProfile(db, entry.entity_id, before, after);
        if (back) learnedFrom.add(entry.entity_id);
        valuesKept += kept;
        break;
      }
      case 'shared_identity':
        if (after) shared.push(after as (typeof shared)[number]);
        break;
      case 'import_source':
        if (before === null)
          db.run(db.qb.deleteFrom('import_sources').where('deal_id', '=', entry.entity_id));
        else
          db.run(
            db.qb
              .updateTable('import_sources')
              .set(
                before as {
                  format_id: string;
                  batch_id: number;
                  created_batch_id: number | null;
                  snapshot: string;
                },
              )
              .where('deal_id', '=', entry.entity_id),
          );
        break;
      case 'deal': {
        const current = db.first(db.qb.selectFrom('deals').selectAll().where('id', '=', entry.entity_id)) as
          Columns | undefined;
        if (!current || !before || !after) break;
        const set: Columns = {};
        for (const [column, value] of Object.entries(after)) {
          if (sameValue(current[column], value)) set[column] = before[column];
          else valuesKept++;
        }
        if (Object.keys(set).length) {
          db.run(db.qb.updateTable('deals').set(set).where('id', '=', entry.entity_id));
          restored.add(entry.entity_id);
        }
        break;
      }
      case 'deal_items': {
        const was = before as unknown as ItemLine[] | null;
        if (was && sameValue(currentItems(db, entry.entity_id), after)) {
          writeItems(db, entry.entity_id, was);
          restored.add(entry.entity_id);
        } else valuesKept++;
        break;
      }
      case 'deal_step': {
        const step = db.first(
          db.qb
            .selectFrom('deal_steps')
            .select(['deal_id', 'state', 'done_at', 'done_by', 'carrier', 'tracking_number'])
            .where('id', '=', entry.entity_id),
        );
        if (!step || !before || !after) break;
        const { deal_id: dealId, ...now } = step;
        if (sameValue(now, after)) {
          db.run(db.qb.updateTable('deal_steps').set(before).where('id', '=', entry.entity_id));
          restored.add(dealId);
        } else valuesKept++;
        break;
      }
    }
  }
  const cache = workflowCache();
  for (const dealId of restored) {
    recomputeAmounts(db, dealId);
    refreshProgress(db, dealId, cache);
  }

  // Captured before the delete: the search index must forget removed deals and refresh restored ones.
  const touched = batchDealIds(db, batchId);
  const removed = db.run(
    db.qb
      .deleteFrom('deals')
      .where(
        'id',
        'in',
        db.qb.selectFrom('import_sources').select('deal_id').where('created_batch_id', '=', batchId),
      ),
  ).changes;

  let customersRemoved = 0;
  for (const customerId of customers) {
    const used = db.first(
      db.qb.selectFrom('deals').select('id').where('customer_id', '=', customerId).limit(1),
    );
    if (used) continue;
    try {
      // A savepoint: a customer something else still refers to (a merge record, a complaint case) stays.
      customersRemoved += db.tx(
        () => db.run(db.qb.deleteFrom('customers').where('id', '=', customerId)).changes,
      );
    } catch (e) {
      if (!String((e as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw e;
    }
  }

  // A value the batch made shared stays noted only while two customers still hold it.
  for (const k of shared) {
    const holders = db.first(
      db.qb
        .selectFrom('customer_identities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', k.kind)
        .where('value', '=', k.value)
        .where('marketplace', '=', k.marketplace),
    )!.n;
    if (holders < 2)
      db.run(
        db.qb
          .deleteFrom('shared_identities')
          .where('kind', '=', k.kind)
          .where('value', '=', k.value)
          .where('marketplace', '=', k.marketplace),
      );
  }

  reindexDeals(db, touched, ctx.clock.now());
  if (learnedFrom.size > 0) reindexCustomers(db, learnedFrom, ctx.clock.now());
  const now = ctx.clock.now().toISOString();
  db.run(
    db.qb
      .updateTable('import_batches')
      .set({ undone_at: now, undone_by: ctx.actorId() })
      .where('id', '=', batchId),
  );
  const result: ImportUndoDto = {
    batchId,
    dealsRemoved: removed,
    dealsRestored: restored.size,
    customersRemoved,
    customersKept: customers.length - customersRemoved,
    valuesKept,
  };
  ctx.log({
    action: 'import.undone',
    subjectType: 'import_batch',
    subjectId: batchId,
    detail: { ...result },
  });
  ctx.changed('deals', 'customers', 'today', 'imports');
  return result;
}

/**
 * Empties again the profile fields a batch filled (see importer/profiles.ts), each only while it still
 * holds the imported value: a member who changed it since keeps the change. The customer's updated_at goes
 * back too when nothing else touched the row since, so the undone batch leaves it as it was.
 */
function restoreProfile(
  db: ServiceContext['db'],
  customerId: number,
  before: Columns | null,
  after: Columns | null,
): { restored: boolean; kept: number } {
  const current = db.first(db.qb.selectFrom('customers').selectAll().where('id', '=', customerId)) as
    Columns | undefined;
  if (!current || !before || !after) return { restored: false, kept: 0 };
  const set: Columns = {};
  let kept = 0;
  // Only the columns a fill may write, whatever else the journal entry holds.
  for (const column of PROFILE_COLUMNS) {
    if (!(column in after)) continue;
    if (sameValue(current[column], after[column])) set[column] = before[column] ?? null;
    else kept++;
  }
  if (Object.keys(set).length === 0) return { restored: false, kept };
  if (current.updated_at === after.updated_at) set.updated_at = before.updated_at;
  db.run(db.qb.updateTable('customers').set(set).where('id', '=', customerId));
  return { restored: true, kept };
}
