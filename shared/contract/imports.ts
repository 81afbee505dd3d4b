import { z } from 'zod';
import { dateFormats, type DateFormat } from '../domain/import/dates';
import { textEncodings, type TextEncoding } from '../domain/import/encoding';
import type { ImportIssue } from '../domain/import/issues';
import { mappingFields, type GenericMapping, type MappingField } from '../domain/import/mapping';
import { presetIds, type PresetId } from '../domain/import/registry';
import { marketplaces, type Marketplace } from '../domain/marketplaces';
import type { StepKind } from '../domain/steps';
import { command, query, returns } from './define';
import { id, label } from './fields';

/**
 * A 30 MB export is about 40 M base64 characters; the transport's 64 MB message limit bounds the
 * sum. Files travel inside the call so the same method works over IPC, WebSocket and in the CLI.
 */
export const MAX_IMPORT_FILE_BASE64 = 48_000_000;
export const MAX_IMPORT_FILES = 10;
/** Rows and issues are paged: a 100,000-row preview is never sent to the UI at once. */
export const MAX_IMPORT_PAGE = 500;

const headerName = z.string().trim().min(1).max(200);

export const importFileInput = z
  .object({
    name: label(255),
    contentBase64: z
      .string()
      .max(MAX_IMPORT_FILE_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Not base64 text' }),
  })
  .strict();

export const mappingInput = z
  .object({
    marketplace: z.enum(marketplaces),
    columns: z.partialRecord(z.enum(mappingFields), headerName),
    dateFormat: z.enum(dateFormats),
  })
  .strict();

const previewId = z.string().regex(/^[0-9a-f-]{36}$/, { message: 'Not a preview id' });
export const importRowStatuses = ['new', 'updated', 'unchanged', 'error'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];
const page = {
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(MAX_IMPORT_PAGE).optional(),
};

export interface ImportFormatDto {
  id: PresetId;
  name: { ja: string; en: string };
  marketplace: Marketplace;
  encoding: string;
  delimiter: 'comma' | 'tab';
  groupedBy: string;
  /** The files the format consists of and the header names that identify each. */
  files: { role: string; requiredColumns: string[] }[];
}

export interface ImportFileDto {
  name: string;
  bytes: number;
  encoding: TextEncoding | null;
  delimiter: 'comma' | 'tab' | null;
  rows: number;
}

/** How the format was decided: found by the header, chosen by hand, a saved mapping, or the mapping sent. */
export type ImportFormatSource = 'header' | 'chosen' | 'saved_mapping' | 'mapping';

export interface ImportPreviewFormatDto {
  kind: 'preset' | 'mapping';
  /** Preset id, or "mapping" for the generic mapper. */
  id: string;
  name: { ja: string; en: string };
  marketplace: Marketplace;
  mappingName: string | null;
  source: ImportFormatSource;
}

export interface ImportPreviewRowDto {
  /** Position in the preview (stable while the preview lives). */
  index: number;
  status: ImportRowStatus;
  file: string | null;
  /** Lines of the file the deal was read from (first line first). */
  lines: number[];
  externalId: string | null;
  orderedAt: string | null;
  buyerName: string | null;
  itemSummary: string;
  itemCount: number;
  total: number | null;
  dealId: number | null;
  /** Fields the import sets ("shipTo.address1", "items", "steps.shipping", "customer", "cancelled"). */
  changes: string[];
  /** Fields the marketplace changed but a member edited by hand: the member's value is kept. */
  keptEdits: string[];
  stepsDone: StepKind[];
  customer: { action: 'new' | 'matched' | 'none'; id: number | null };
  issues: ImportIssue[];
}

export interface ImportCountsDto {
  new: number;
  updated: number;
  unchanged: number;
  error: number;
}

export interface ImportCustomerCountsDto {
  inserted: number;
  matched: number;
  /** Known customers given details they lacked (reading, e-mail, phone, address) from their orders. */
  filled: number;
}

export type ImportPreviewDto =
  | {
      status: 'ready';
      previewId: string;
      expiresAt: string;
      format: ImportPreviewFormatDto;
      files: ImportFileDto[];
      /** Encoding of the files (of the first when they differ). */
      encoding: TextEncoding | null;
      /** Data rows read (the header not counted). */
      rows: number;
      /** Rows that cannot be imported (they belong to an order with an error). */
      invalidRows: number;
      deals: ImportCountsDto;
      /** `filled`: known customers whose empty details the orders fill (never a field a member set or cleared). */
      customers: ImportCustomerCountsDto;
      issueCounts: { errors: number; warnings: number };
      /** The first rows of the preview; page with imports.rows for more. */
      firstRows: ImportPreviewRowDto[];
    }
  | {
      status: 'needs_mapping';
      files: ImportFileDto[];
      header: string[];
      sample: string[][];
      guess: { mapping: GenericMapping; reasons: Partial<Record<MappingField, 'header' | 'values'>> };
      requiredFields: MappingField[];
    }
  | { status: 'rejected'; files: ImportFileDto[]; issues: ImportIssue[] };

export interface ImportRowPageDto {
  rows: ImportPreviewRowDto[];
  total: number;
}

export interface ImportIssuePageDto {
  issues: ImportIssue[];
  total: number;
}

export interface ImportCommitDto {
  /** null when nothing would change (the same file again): no batch is recorded. */
  batchId: number | null;
  rows: number;
  rowsSkipped: number;
  deals: { inserted: number; updated: number; unchanged: number };
  customers: ImportCustomerCountsDto;
}

export interface ImportBatchDto {
  id: number;
  at: string;
  memberId: number | null;
  memberName: string | null;
  files: string[];
  formatId: string;
  encoding: string;
  rows: number;
  rowsSkipped: number;
  deals: { inserted: number; updated: number; unchanged: number };
  customers: { inserted: number; matched: number };
  undoneAt: string | null;
  undoneBy: number | null;
  /** A newer batch that changed the same deals must be undone first. */
  undoBlockedBy: number | null;
}

export interface ImportUndoDto {
  batchId: number;
  dealsRemoved: number;
  dealsRestored: number;
  customersRemoved: number;
  /** Customers this batch created that other deals now use; they stay. */
  customersKept: number;
  /** Values a member changed after the import; undo left them as the member set them. */
  valuesKept: number;
}

export interface SavedMappingDto {
  id: number;
  name: string;
  header: string[];
  mapping: GenericMapping;
  createdAt: string;
  updatedAt: string;
}

export const importMethods = {
  'imports.formats': query(z.object({}).strict(), returns<ImportFormatDto[]>()),
  /** Reads and plans the files without writing; the plan is kept for imports.commit for a while. */
  'imports.preview': query(
    z
      .object({
        files: z.array(importFileInput).min(1).max(MAX_IMPORT_FILES),
        presetId: z.enum(presetIds).optional(),
        mappingName: label(60).optional(),
        mapping: mappingInput.optional(),
        encoding: z.enum(textEncodings).optional(),
        /** When given, 'imports.progress' events with this token report the work as it goes. */
        progressToken: z.string().uuid().optional(),
      })
      .strict(),
    returns<ImportPreviewDto>(),
  ),
  'imports.rows': query(
    z.object({ previewId, status: z.enum(importRowStatuses).optional(), ...page }).strict(),
    returns<ImportRowPageDto>(),
  ),
  'imports.issues': query(
    z.object({ previewId, severity: z.enum(['error', 'warning']).optional(), ...page }).strict(),
    returns<ImportIssuePageDto>(),
  ),
  /** Writes every valid deal of a preview as one batch, in one transaction. */
  'imports.commit': command(
    z
      .object({ previewId, skipInvalid: z.boolean().optional(), progressToken: z.string().uuid().optional() })
      .strict(),
    returns<ImportCommitDto>(),
  ),
  /** Forgets a preview (nothing was written; nothing is logged). */
  'imports.cancel': query(z.object({ previewId }).strict(), returns<{ cancelled: boolean }>()),
  'imports.history': query(
    z.object({ limit: z.number().int().min(1).max(500).optional(), beforeId: id.optional() }).strict(),
    returns<ImportBatchDto[]>(),
  ),
  'imports.undo': command(z.object({ batchId: id }).strict(), returns<ImportUndoDto>()),
  'mappings.list': query(z.object({}).strict(), returns<SavedMappingDto[]>()),
  /** Saves (or replaces, by name) a column mapping; it is used again when the same header comes. */
  'mappings.save': command(
    z
      .object({
        name: label(60),
        header: z.array(z.string().max(200)).min(1).max(500),
        mapping: mappingInput,
      })
      .strict(),
    returns<SavedMappingDto>(),
  ),
  'mappings.delete': command(z.object({ id }).strict(), returns<{ deleted: true }>()),
};

export type { DateFormat, GenericMapping, ImportIssue, MappingField, PresetId, TextEncoding };
