import { randomUUID } from 'node:crypto';
import type {
  ImportCommitDto,
  ImportFormatDto,
  ImportIssuePageDto,
  ImportPreviewDto,
  ImportRowPageDto,
  ParsedInputOf,
} from '../../../shared/contract';
import {
  draftHasErrors,
  presets,
  readTables,
  requiredMappingFields,
  type ImportIssue,
} from '../../../shared/domain/import';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { changeStamp } from '../db/sqlite-meta';
import { refreshCustomers, reindexCustomers, reindexDeals } from '../search/reindex';
import { applyPlans } from './apply';
import { countPlans, fileDto, formatDto, formatId, orphanRowDtos, previewFormatDto, rowDto } from './dto';
import { countRows, readFiles, watchRows } from './files';
import { mappingByName, savedMappingFor } from './mappings';
import { Planner, writesNothing } from './plan';
import { countProfileFills } from './profiles';
import { phase } from './phases';
import { progressFor } from './progress';
import { releaseImportMemory } from './memory';
import { PREVIEW_TTL_MS, previewStore, type PreviewEntry } from './store';

/** Rows sent with the preview itself; the UI pages through the rest. */
const FIRST_ROWS = 100;

export function formats(): ImportFormatDto[] {
  return presets.map(formatDto);
}

export function preview(ctx: ServiceContext, input: ParsedInputOf<'imports.preview'>): ImportPreviewDto {
  const progress = progressFor(ctx, input.progressToken);
  const read = phase('decode + parse header', () => readFiles(input.files, input.encoding));
  if (!read.ok) return { status: 'rejected', files: read.files.map(fileDto), issues: read.issues };
  // Decoding a file takes a fraction of reading its rows; progress starts once the line count is known.
  const lines = read.files.reduce((n, f) => n + f.lines, 0);
  progress.report('read', 0, lines);
  watchRows(read.tables, read.files, (done, total) => progress.report('read', done, total));

  let mapping = input.mapping;
  if (input.mappingName && !mapping) {
    const saved = mappingByName(ctx.db, input.mappingName);
    if (!saved) {
      throw new TorihikiError('not_found', `There is no saved column mapping named "${input.mappingName}".`, [
        { path: 'mappingName', message: 'Unknown mapping' },
      ]);
    }
    mapping = saved.mapping;
  }
  const outcome = phase('parse + map + validate', () =>
    readTables(read.tables, {
      presetId: input.presetId,
      mapping,
      mappingName: input.mappingName ?? null,
      savedMapping: (header) => savedMappingFor(ctx.db, header),
    }),
  );
  countRows(read.files, read.tables);
  progress.report('read', lines, lines);
  const files = read.files.map(fileDto);
  if (outcome.status === 'rejected') return { status: 'rejected', files, issues: outcome.issues };
  if (outcome.status === 'needs_mapping') {
    return {
      status: 'needs_mapping',
      files,
      header: outcome.header,
      sample: outcome.sample,
      guess: outcome.guess,
      requiredFields: [...requiredMappingFields],
    };
  }

  const now = ctx.clock.now();
  const planner = new Planner(ctx.db, now.toISOString());
  const plans = phase('plan', () =>
    planner.planAll(outcome.deals, (done, total) => progress.report('plan', done, total)),
  );
  const entry: PreviewEntry = {
    id: randomUUID(),
    expiresAt: now.getTime() + PREVIEW_TTL_MS,
    files: read.files,
    format: outcome.format,
    rows: outcome.rows,
    deals: outcome.deals,
    issues: [...read.warnings, ...outcome.issues],
    plans,
    matcher: planner.matcher,
    stamp: changeStamp(ctx.db.raw),
  };
  previewStore(ctx.db).put(entry, now.getTime());

  const orphans = orphanRowDtos(entry.issues, plans.length);
  const issues = allIssues(entry);
  const source = input.presetId
    ? 'chosen'
    : outcome.format.kind === 'preset'
      ? 'header'
      : input.mapping
        ? 'mapping'
        : 'saved_mapping';
  return {
    status: 'ready',
    previewId: entry.id,
    expiresAt: new Date(entry.expiresAt).toISOString(),
    format: previewFormatDto(outcome.format, source),
    files,
    encoding: read.files[0]?.encoding ?? null,
    rows: entry.rows,
    invalidRows: invalidRows(entry),
    deals: countPlans(plans, orphans.length),
    customers: {
      inserted: planner.matcher.created.size,
      matched: planner.matcher.matched.size,
      filled: countProfileFills(ctx.db, plans),
    },
    issueCounts: {
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    },
    firstRows: [...plans.slice(0, FIRST_ROWS).map(rowDto), ...orphans].slice(0, FIRST_ROWS),
  };
}

function requireEntry(ctx: ServiceContext, previewId: string): PreviewEntry {
  const entry = previewStore(ctx.db).get(previewId, ctx.clock.now().getTime());
  if (!entry) {
    throw new TorihikiError(
      'not_found',
      'This import preview is no longer available (it expired, was cancelled or committed). Preview the file again.',
      [{ path: 'previewId', message: 'Unknown or expired preview' }],
    );
  }
  return entry;
}

/** Every problem of a preview, in file and line order (sorted once, then paged). */
function allIssues(entry: PreviewEntry): ImportIssue[] {
  entry.sortedIssues ??= [...entry.issues, ...entry.deals.flatMap((d) => d.issues)].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
  );
  return entry.sortedIssues;
}

/** Rows that will not be imported: every row of an order with an error, and rows with no order. */
function invalidRows(entry: PreviewEntry): number {
  let n = 0;
  for (const d of entry.deals) if (draftHasErrors(d)) n += d.lines.length;
  const orphanLines = new Set(
    entry.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}\u0000${i.line}`),
  );
  return n + orphanLines.size;
}

export function rows(ctx: ServiceContext, input: ParsedInputOf<'imports.rows'>): ImportRowPageDto {
  const entry = requireEntry(ctx, input.previewId);
  const plans = entry.plans ?? [];
  // DTOs are built for the requested page only: a preview can hold 100,000 deals.
  const indexes: number[] = [];
  plans.forEach((p, i) => {
    if (!input.status || p.status === input.status) indexes.push(i);
  });
  const orphans = !input.status || input.status === 'error' ? orphanRowDtos(entry.issues, plans.length) : [];
  const offset = input.offset ?? 0;
  const end = offset + (input.limit ?? 100);
  const page = indexes.slice(offset, end).map((i) => rowDto(plans[i]!, i));
  const orphanPage = orphans.slice(Math.max(0, offset - indexes.length), Math.max(0, end - indexes.length));
  return { rows: [...page, ...orphanPage], total: indexes.length + orphans.length };
}

export function issues(ctx: ServiceContext, input: ParsedInputOf<'imports.issues'>): ImportIssuePageDto {
  const entry = requireEntry(ctx, input.previewId);
  const list = allIssues(entry).filter((i) => !input.severity || i.severity === input.severity);
  const offset = input.offset ?? 0;
  return { issues: list.slice(offset, offset + (input.limit ?? 100)), total: list.length };
}

export function cancel(ctx: ServiceContext, input: ParsedInputOf<'imports.cancel'>): { cancelled: boolean } {
  const store = previewStore(ctx.db);
  const rows = store.get(input.previewId, ctx.clock.now().getTime())?.rows ?? 0;
  const cancelled = store.delete(input.previewId);
  releaseImportMemory(rows);
  return { cancelled };
}

/**
 * Writes the preview as one batch. Runs inside the dispatcher's transaction: any failure rolls the
 * whole batch back. The preview's plan is reused when nothing was written since; otherwise the deals
 * are planned again against the ledger as it is now.
 */
export function commit(ctx: ServiceContext, input: ParsedInputOf<'imports.commit'>): ImportCommitDto {
  const { db } = ctx;
  const entry = requireEntry(ctx, input.previewId);
  const progress = progressFor(ctx, input.progressToken);
  const invalid = invalidRows(entry);
  if (invalid > 0 && !input.skipInvalid) {
    throw new TorihikiError(
      'invalid_input',
      `${invalid} row(s) cannot be imported (see the preview's errors). Fix the file, or import the other rows and skip these.`,
      [{ path: 'skipInvalid', message: 'Invalid rows present' }],
    );
  }
  const now = ctx.clock.now().toISOString();
  let plans = entry.plans;
  let matcher = entry.matcher;
  if (!plans || !matcher || changeStamp(db.raw) !== entry.stamp) {
    const planner = new Planner(db, now);
    plans = planner.planAll(entry.deals);
    matcher = planner.matcher;
  }
  const result: ImportCommitDto = {
    batchId: null,
    rows: entry.rows,
    rowsSkipped: invalid,
    deals: { inserted: 0, updated: 0, unchanged: 0 },
    customers: { inserted: 0, matched: 0, filled: 0 },
  };
  const idle = writesNothing(plans);
  if (idle) {
    // The same file again: nothing to write, so no batch and no log entry (the ledger stays byte-identical).
    result.deals.unchanged = plans.filter((p) => p.status === 'unchanged').length;
    previewStore(db).delete(entry.id);
    releaseImportMemory(entry.rows);
    return result;
  }

  const format = formatId(entry.format);
  const fileNames = entry.files.map((f) => f.name);
  const encoding = entry.files[0]?.encoding ?? 'utf-8';
  try {
    const batchId = db.run(
      db.qb.insertInto('import_batches').values({
        at: now,
        member_id: ctx.actorId(),
        file_names: JSON.stringify(fileNames),
        format_id: format,
        encoding,
        rows: entry.rows,
        rows_skipped: invalid,
        deals_inserted: 0,
        deals_updated: 0,
        deals_unchanged: 0,
        customers_inserted: 0,
        customers_matched: 0,
      }),
    ).lastInsertRowid;
    // Progress in deals: each plan written (new deals are indexed as they are written), then each updated
    // deal re-indexed.
    const updated = plans.filter((p) => p.status === 'updated').map((p) => p.dealId!);
    const toIndex = updated.length;
    const total = plans.length + toIndex;
    progress.report('commit', 0, total);
    const counts = phase('write', () =>
      applyPlans(db, batchId, format, plans, matcher!, now, (done) => progress.report('commit', done, total)),
    );
    db.run(
      db.qb
        .updateTable('import_batches')
        .set({
          deals_inserted: counts.inserted,
          deals_updated: counts.updated,
          deals_unchanged: counts.unchanged,
          customers_inserted: counts.customersInserted,
          customers_matched: counts.customersMatched,
        })
        .where('id', '=', batchId),
    );
    // Imported deals and their customers must be findable at once (Ctrl+K, customer pages). New deals and
    // customers were indexed as they were written; updated deals and customers who existed before are here.
    phase('search index + customer figures', () => {
      const at = ctx.clock.now();
      reindexDeals(db, updated, at, (done) =>
        progress.report('commit', plans.length + Math.min(done, toIndex), total),
      );
      const learned = matcher!.learned;
      refreshCustomers(
        db,
        [...matcher!.matched, ...counts.bareCustomers].filter((id) => !learned.has(id)),
        at,
      );
      // Known buyers with new contacts: their search entry lists identities, so it is written again.
      if (learned.size > 0) reindexCustomers(db, learned.keys(), at);
    });
    progress.report('commit', total, total);
    result.batchId = batchId;
    result.deals = { inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged };
    result.customers = {
      inserted: counts.customersInserted,
      matched: counts.customersMatched,
      filled: counts.customersFilled,
    };
  } catch (e) {
    // The transaction rolls back; ids handed out while applying no longer exist, so plan afresh next time.
    entry.plans = null;
    entry.matcher = null;
    throw e;
  }
  ctx.log({
    action: 'import.committed',
    subjectType: 'import_batch',
    subjectId: result.batchId!,
    detail: {
      files: fileNames,
      format,
      encoding,
      rows: result.rows,
      rowsSkipped: invalid,
      deals: result.deals,
      customers: result.customers,
    },
  });
  previewStore(db).delete(entry.id);
  ctx.changed('deals', 'customers', 'today', 'imports');
  releaseImportMemory(entry.rows);
  return result;
}

/** Deals a batch created or changed: the ones whose search entries and customer figures need refreshing. */
export function batchDealIds(db: Db, batchId: number): number[] {
  const created = db.all(
    db.qb.selectFrom('import_sources').select('deal_id').where('created_batch_id', '=', batchId),
  );
  const changed = db.all(
    db.qb
      .selectFrom('import_journal')
      .select('entity_id')
      .where('batch_id', '=', batchId)
      .where('entity', '=', 'deal'),
  );
  return [...new Set([...created.map((r) => r.deal_id), ...changed.map((r) => r.entity_id)])];
}
