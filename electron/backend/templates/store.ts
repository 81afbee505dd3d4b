import type { TemplateDto } from '../../../shared/contract';
import { marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import { defaultTemplate, templatePurposes, type TemplatePurpose } from '../../../shared/domain/replies';
import type { Db } from '../db/executor';
import type { ReplyTemplatesTable } from '../db/schema';
import type { Selectable } from 'kysely';

export type TemplateRow = Selectable<ReplyTemplatesTable>;

/** Where a template id points: a shipped default or a member's own row. */
export type TemplateRef = { kind: 'default'; key: string } | { kind: 'own'; id: number };

export function parseTemplateId(id: string): TemplateRef {
  return id.startsWith('d:')
    ? { kind: 'default', key: id.slice(2) }
    : { kind: 'own', id: Number(id.slice(2)) };
}

// Rows are written only through the contract, but a hand-edited file must not crash the list.
const asPurpose = (v: string): TemplatePurpose =>
  (templatePurposes as readonly string[]).includes(v) ? (v as TemplatePurpose) : 'complaint_update';
const asMarketplace = (v: string | null): Marketplace | null =>
  v !== null && (marketplaces as readonly string[]).includes(v) ? (v as Marketplace) : null;

export function ownDto(row: TemplateRow): TemplateDto {
  return {
    id: `m:${row.id}`,
    defaultKey: null,
    purpose: asPurpose(row.purpose),
    marketplace: asMarketplace(row.marketplace),
    name: row.name,
    body: row.body,
    isDefault: false,
    edited: false,
    updatedAt: row.updated_at,
  };
}

/** A shipped default as the family sees it: their edit when there is one, the shipped text otherwise. */
export function defaultDto(key: string, edit: TemplateRow | undefined): TemplateDto | undefined {
  const shipped = defaultTemplate(key);
  if (!shipped) return undefined;
  return {
    id: `d:${key}`,
    defaultKey: key,
    purpose: shipped.purpose,
    marketplace: shipped.marketplace,
    name: edit?.name ?? shipped.name,
    body: edit?.body ?? shipped.body,
    isDefault: true,
    edited: edit !== undefined,
    updatedAt: edit?.updated_at ?? null,
  };
}

export const defaultEdit = (db: Db, key: string): TemplateRow | undefined =>
  db.first(db.qb.selectFrom('reply_templates').selectAll().where('default_key', '=', key));

export const ownRow = (db: Db, id: number): TemplateRow | undefined =>
  db.first(
    db.qb.selectFrom('reply_templates').selectAll().where('id', '=', id).where('default_key', 'is', null),
  );

export const allRows = (db: Db): TemplateRow[] =>
  db.all(db.qb.selectFrom('reply_templates').selectAll().orderBy('id'));
