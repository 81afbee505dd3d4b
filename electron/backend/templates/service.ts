import type { ParsedInputOf, TemplateDto } from '../../../shared/contract';
import { defaultTemplates, templatePurposes, unknownTokens } from '../../../shared/domain/replies';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { allRows, defaultDto, defaultEdit, ownDto, ownRow, parseTemplateId } from './store';

const NAME_MAX = 60;

function find(ctx: ServiceContext, id: string): TemplateDto {
  const ref = parseTemplateId(id);
  const dto =
    ref.kind === 'default'
      ? defaultDto(ref.key, defaultEdit(ctx.db, ref.key))
      : (() => {
          const row = ownRow(ctx.db, ref.id);
          return row ? ownDto(row) : undefined;
        })();
  if (!dto) throw new TorihikiError('not_found', `Template ${id} does not exist.`);
  return dto;
}

/** Defaults first within a purpose, a marketplace's own variant before the general one, then by name. */
function order(a: TemplateDto, b: TemplateDto): number {
  return (
    templatePurposes.indexOf(a.purpose) - templatePurposes.indexOf(b.purpose) ||
    Number(a.marketplace === null) - Number(b.marketplace === null) ||
    Number(b.isDefault) - Number(a.isDefault) ||
    a.name.localeCompare(b.name, 'ja')
  );
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'templates.list'>): TemplateDto[] {
  const rows = allRows(ctx.db);
  const edits = new Map(rows.filter((r) => r.default_key !== null).map((r) => [r.default_key!, r]));
  const all = [
    ...defaultTemplates.map((d) => defaultDto(d.key, edits.get(d.key))!),
    ...rows.filter((r) => r.default_key === null).map(ownDto),
  ];
  return all
    .filter((t) => !input.purpose || t.purpose === input.purpose)
    .filter((t) => !input.marketplace || t.marketplace === null || t.marketplace === input.marketplace)
    .sort(order);
}

export const get = (ctx: ServiceContext, input: ParsedInputOf<'templates.get'>): TemplateDto =>
  find(ctx, input.id);

/** A `{{typo}}` would never be filled and would reach a buyer; refuse it where it is written. */
function assertKnownTokens(body: string): void {
  const unknown = unknownTokens(body);
  if (unknown.length === 0) return;
  const list = unknown.slice(0, 5).map((u) => `{{${u.slice(0, 40)}}}`);
  throw new TorihikiError('invalid_input', `Unknown placeholder ${list.join(', ')} in the template text.`, [
    { path: 'body', message: `Unknown placeholder ${list.join(', ')}` },
  ]);
}

export function save(ctx: ServiceContext, input: ParsedInputOf<'templates.save'>): TemplateDto {
  const { db } = ctx;
  assertKnownTokens(input.body);
  const now = ctx.clock.now().toISOString();
  const actor = ctx.actorId();
  const ref = input.id ? parseTemplateId(input.id) : null;
  let id: string;
  if (ref?.kind === 'default') {
    const current = find(ctx, input.id!);
    if (current.purpose !== input.purpose || current.marketplace !== input.marketplace)
      throw new TorihikiError(
        'invalid_input',
        'A shipped template keeps its purpose and marketplace; copy it to make a variant.',
        [{ path: 'purpose', message: 'Fixed for a shipped template' }],
      );
    const values = { name: input.name, body: input.body, updated_by: actor, updated_at: now };
    db.run(
      db.qb
        .insertInto('reply_templates')
        .values({
          default_key: ref.key,
          purpose: current.purpose,
          marketplace: current.marketplace,
          created_by: actor,
          created_at: now,
          ...values,
        })
        .onConflict((oc) => oc.column('default_key').doUpdateSet(values)),
    );
    id = input.id!;
  } else {
    const values = {
      purpose: input.purpose,
      marketplace: input.marketplace,
      name: input.name,
      body: input.body,
      updated_by: actor,
      updated_at: now,
    };
    if (ref?.kind === 'own') {
      find(ctx, input.id!);
      db.run(db.qb.updateTable('reply_templates').set(values).where('id', '=', ref.id));
      id = input.id!;
    } else {
      const { lastInsertRowid } = db.run(
        db.qb.insertInto('reply_templates').values({ ...values, created_by: actor, created_at: now }),
      );
      id = `m:${lastInsertRowid}`;
    }
  }
  const saved = find(ctx, id);
  ctx.log({ action: 'template.saved', subjectType: 'template', detail: { id, name: saved.name } });
  ctx.changed('templates');
  return saved;
}

export function copy(ctx: ServiceContext, input: ParsedInputOf<'templates.copy'>): TemplateDto {
  const source = find(ctx, input.id);
  const suffix = '（コピー）';
  const name = input.name ?? `${source.name.slice(0, NAME_MAX - suffix.length)}${suffix}`;
  return save(ctx, { name, body: source.body, purpose: source.purpose, marketplace: source.marketplace });
}

export function remove(ctx: ServiceContext, input: ParsedInputOf<'templates.remove'>): { removed: true } {
  const ref = parseTemplateId(input.id);
  if (ref.kind === 'default')
    throw new TorihikiError(
      'invalid_input',
      'Shipped templates cannot be deleted; reset brings back the shipped text.',
      [{ path: 'id', message: 'A shipped template' }],
    );
  const dto = find(ctx, input.id);
  ctx.db.run(ctx.db.qb.deleteFrom('reply_templates').where('id', '=', ref.id));
  ctx.log({
    action: 'template.removed',
    subjectType: 'template',
    subjectId: ref.id,
    detail: { name: dto.name },
  });
  ctx.changed('templates');
  return { removed: true };
}

export function reset(ctx: ServiceContext, input: ParsedInputOf<'templates.reset'>): TemplateDto {
  const ref = parseTemplateId(input.id);
  if (ref.kind === 'own')
    throw new TorihikiError('invalid_input', 'Only shipped templates can be reset.', [
      { path: 'id', message: "A member's own template" },
    ]);
  const before = find(ctx, input.id);
  if (before.edited) {
    ctx.db.run(ctx.db.qb.deleteFrom('reply_templates').where('default_key', '=', ref.key));
    ctx.log({
      action: 'template.reset',
      subjectType: 'template',
      detail: { id: input.id, name: before.name },
    });
    ctx.changed('templates');
  }
  return find(ctx, input.id);
}
