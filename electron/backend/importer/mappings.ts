import type { ParsedInputOf, SavedMappingDto } from '../../../shared/contract';
import { headerSignature, mappingProblems, type GenericMapping } from '../../../shared/domain/import';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';

type MappingRow = {
  id: number;
  name: string;
  header: string;
  mapping: string;
  created_at: string;
  updated_at: string;
};

function toDto(row: MappingRow): SavedMappingDto {
  return {
    id: row.id,
    name: row.name,
    header: safeJson<string[]>(row.header, []),
    mapping: safeJson<GenericMapping>(row.mapping, { marketplace: 'other', columns: {}, dateFormat: 'auto' }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function safeJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function mappingByName(db: Db, name: string): SavedMappingDto | undefined {
  const row = db.first(db.qb.selectFrom('import_mappings').selectAll().where('name', '=', name));
  return row ? toDto(row) : undefined;
}

/** The mapping saved for exactly this header (most recently saved first), used without asking again. */
export function savedMappingFor(
  db: Db,
  header: string[],
): { name: string; mapping: GenericMapping } | undefined {
  const row = db.first(
    db.qb
      .selectFrom('import_mappings')
      .selectAll()
      .where('header_signature', '=', headerSignature(header))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  return row ? { name: row.name, mapping: toDto(row).mapping } : undefined;
}

export function list(ctx: ServiceContext): SavedMappingDto[] {
  return ctx.db.all(ctx.db.qb.selectFrom('import_mappings').selectAll().orderBy('name')).map(toDto);
}

export function save(ctx: ServiceContext, input: ParsedInputOf<'mappings.save'>): SavedMappingDto {
  const { db } = ctx;
  const mapping: GenericMapping = {
    marketplace: input.mapping.marketplace,
    columns: input.mapping.columns,
    dateFormat: input.mapping.dateFormat,
  };
  const problems = mappingProblems(mapping, input.header);
  if (problems.unmapped.length || problems.absent.length) {
    throw new TorihikiError(
      'invalid_input',
      `The mapping is incomplete: ${[
        problems.unmapped.length ? `choose columns for ${problems.unmapped.join(', ')}` : '',
        problems.absent.length ? `the header has no ${problems.absent.map((c) => `"${c}"`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
      [{ path: 'mapping.columns', message: 'Incomplete mapping' }],
    );
  }
  const now = ctx.clock.now().toISOString();
  const values = {
    header_signature: headerSignature(input.header),
    header: JSON.stringify(input.header),
    mapping: JSON.stringify(mapping),
    updated_at: now,
  };
  db.run(
    db.qb
      .insertInto('import_mappings')
      .values({ name: input.name, created_at: now, ...values })
      .onConflict((oc) => oc.column('name').doUpdateSet(values)),
  );
  const saved = mappingByName(db, input.name)!;
  ctx.log({
    action: 'mapping.saved',
    subjectType: 'import_mapping',
    subjectId: saved.id,
    detail: { name: input.name },
  });
  ctx.changed('mappings');
  return saved;
}

export function remove(ctx: ServiceContext, input: ParsedInputOf<'mappings.delete'>): { deleted: true } {
  const { db } = ctx;
  const row = db.first(db.qb.selectFrom('import_mappings').select(['id', 'name']).where('id', '=', input.id));
  if (!row) throw new TorihikiError('not_found', `Column mapping ${input.id} does not exist.`);
  db.run(db.qb.deleteFrom('import_mappings').where('id', '=', input.id));
  ctx.log({
    action: 'mapping.deleted',
    subjectType: 'import_mapping',
    subjectId: row.id,
    detail: { name: row.name },
  });
  ctx.changed('mappings');
  return { deleted: true };
}
