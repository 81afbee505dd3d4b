import type { ImportBatchDto, ParsedInputOf } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';

/**
 * A newer batch that wrote the source snapshot of a deal this batch created or changed. Undoing this
 * batch first would restore values under that batch's changes, so it has to be undone first.
 */
export function undoBlocker(db: Db, batchId: number): number | null {
  const row = db.first(
    db.qb
      .selectFrom('import_sources as s')
      .select((eb) => eb.fn.max('s.batch_id').as('blocker'))
      .where('s.batch_id', '<>', batchId)
      .where((eb) =>
        eb.or([
          eb('s.created_batch_id', '=', batchId),
          eb(
            's.deal_id',
            'in',
            eb
              .selectFrom('import_journal as j')
              .select('j.entity_id')
              .where('j.batch_id', '=', batchId)
              .where('j.entity', '=', 'import_source'),
          ),
        ]),
      ),
  );
  return row?.blocker ?? null;
}

function fileList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export function history(ctx: ServiceContext, input: ParsedInputOf<'imports.history'>): ImportBatchDto[] {
  const { db } = ctx;
  let q = db.qb
    .selectFrom('import_batches as b')
    .leftJoin('members as m', 'm.id', 'b.member_id')
    .selectAll('b')
    .select('m.name as member_name')
    .orderBy('b.id', 'desc')
    .limit(input.limit ?? 50);
  if (input.beforeId !== undefined) q = q.where('b.id', '<', input.beforeId);
  return db.all(q).map((b) => ({
    id: b.id,
    at: b.at,
    memberId: b.member_id,
    memberName: b.member_name,
    files: fileList(b.file_names),
    formatId: b.format_id,
    encoding: b.encoding,
    rows: b.rows,
    rowsSkipped: b.rows_skipped,
    deals: { inserted: b.deals_inserted, updated: b.deals_updated, unchanged: b.deals_unchanged },
    customers: { inserted: b.customers_inserted, matched: b.customers_matched },
    undoneAt: b.undone_at,
    undoneBy: b.undone_by,
    undoBlockedBy: b.undone_at === null ? undoBlocker(db, b.id) : null,
  }));
}
