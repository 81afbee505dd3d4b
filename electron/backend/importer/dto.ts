import type {
  ImportCountsDto,
  ImportFileDto,
  ImportFormatDto,
  ImportPreviewFormatDto,
  ImportPreviewRowDto,
  ImportFormatSource,
  PresetId,
} from '../../../shared/contract';
import type { DraftDeal, FormatPreset, ImportFormat, ImportIssue } from '../../../shared/domain/import';
import { marketplaceNames } from '../../../shared/domain/marketplaces';
import type { FileSummary } from './files';
import type { DealPlan } from './plan';

export const formatDto = (p: FormatPreset): ImportFormatDto => ({
  id: p.id as PresetId,
  name: p.name,
  marketplace: p.marketplace,
  encoding: p.encoding,
  delimiter: p.delimiter === '\t' ? 'tab' : 'comma',
  groupedBy: p.groupedBy,
  files: p.files.map((f) => ({
    role: f.role,
    requiredColumns: f.fingerprint.map((h) => (typeof h === 'string' ? h : h.join(' / '))),
  })),
});

export const fileDto = (f: FileSummary): ImportFileDto => ({
  name: f.name,
  bytes: f.bytes,
  encoding: f.encoding,
  delimiter: f.delimiter === null ? null : f.delimiter === '\t' ? 'tab' : 'comma',
  rows: f.rows,
});

export function previewFormatDto(format: ImportFormat, source: ImportFormatSource): ImportPreviewFormatDto {
  if (format.kind === 'preset') {
    const p = format.preset;
    return { kind: 'preset', id: p.id, name: p.name, marketplace: p.marketplace, mappingName: null, source };
  }
  const m = format.mapping.marketplace;
  return {
    kind: 'mapping',
    id: 'mapping',
    name: { ja: `列の対応付け（${marketplaceNames[m]}）`, en: `Column mapping (${marketplaceNames[m]})` },
    marketplace: m,
    mappingName: format.name,
    source,
  };
}

/** The id a batch records: the preset, or "mapping:<name>" for the generic mapper. */
export const formatId = (format: ImportFormat): string =>
  format.kind === 'preset' ? format.preset.id : `mapping${format.name ? `:${format.name}` : ''}`;

function itemSummary(d: DraftDeal): string {
  const items = d.items ?? [];
  const first = items[0]?.name ?? '';
  return items.length > 1 ? `${first} 他${items.length - 1}点` : first;
}

function total(d: DraftDeal): number | null {
  if (!d.items?.length) return null;
  const sum = d.items.reduce((s, i) => s + i.quantity * (i.unitPrice ?? 0), 0);
  return sum + (d.shippingFee ?? 0);
}

export function rowDto(plan: DealPlan, index: number): ImportPreviewRowDto {
  const d = plan.draft;
  const customer = plan.customer;
  return {
    index,
    status: plan.status,
    file: d.file,
    lines: d.lines,
    externalId: d.externalId,
    orderedAt: d.orderedAt ?? null,
    buyerName: d.buyer.name ?? d.shipTo.name ?? null,
    itemSummary: itemSummary(d),
    itemCount: d.items?.length ?? 0,
    total: total(d),
    dealId: plan.dealId,
    changes: plan.changes,
    keptEdits: plan.keptEdits,
    stepsDone: plan.steps.map((s) => s.kind),
    customer: {
      action: customer.kind === 'existing' ? 'matched' : customer.kind,
      id: customer.kind === 'existing' ? customer.id : null,
    },
    issues: d.issues,
  };
}

/** Rows that could not be tied to an order (no order number): listed as error rows of their own. */
export function orphanRowDtos(issues: ImportIssue[], startIndex: number): ImportPreviewRowDto[] {
  const byLine = new Map<string, ImportIssue[]>();
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    const key = `${i.file}\u0000${i.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), i]);
  }
  return [...byLine.values()].map((list, n) => ({
    index: startIndex + n,
    status: 'error',
    file: list[0]!.file,
    lines: list[0]!.line === null ? [] : [list[0]!.line],
    externalId: null,
    orderedAt: null,
    buyerName: null,
    itemSummary: '',
    itemCount: 0,
    total: null,
    dealId: null,
    changes: [],
    keptEdits: [],
    stepsDone: [],
    customer: { action: 'none', id: null },
    issues: list,
  }));
}

export function countPlans(plans: DealPlan[], orphans: number): ImportCountsDto {
  const counts: ImportCountsDto = { new: 0, updated: 0, unchanged: 0, error: orphans };
  for (const p of plans) counts[p.status]++;
  return counts;
}
