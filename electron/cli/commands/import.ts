import { InvalidArgumentError, type Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportIssue, ImportPreviewDto, PresetId, TextEncoding } from '../../../shared/contract';
import { presetIds } from '../../../shared/domain/import/registry';
import { textEncodings } from '../../../shared/domain/import/encoding';
import { TorihikiError } from '../../../shared/result';
import type { Backend } from '../../backend';
import { defaultDbPath } from '../../backend/paths';
import { dbOptionHelp, positiveInt, unwrap, withBackend, type CliIo } from '../io';

/** The CLI lists at most this many errors; the count says how many there were. */
const MAX_LISTED_ERRORS = 10_000;

function choice<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return value as T;
  };
}

interface ImportOptions {
  db?: string;
  preset?: PresetId;
  mapping?: string;
  encoding?: TextEncoding;
  dryRun?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
}

interface ImportReport {
  format: string | null;
  encoding: string | null;
  rows: number;
  deals: { inserted: number; updated: number; unchanged: number; invalid: number };
  /** `filled` was added after the issue fixed `inserted` and `matched`: known customers given missing details. */
  customers: { inserted: number; matched: number; filled: number };
  errors: {
    file: string | null;
    line: number | null;
    column: string | null;
    code: string;
    message: string;
  }[];
  errorCount: number;
  warnings: number;
  dryRun: boolean;
  batchId: number | null;
}

const errorOf = (i: ImportIssue) => ({
  file: i.file,
  line: i.line,
  column: i.column,
  code: i.code,
  message: i.message,
});

function readInputs(files: string[]) {
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new TorihikiError(
        'not_found',
        code === 'ENOENT'
          ? `${file} does not exist.`
          : `Cannot read ${file} (${code ?? (e as Error).message}).`,
      );
    }
    return { name: path.basename(file), contentBase64: bytes.toString('base64') };
  });
}

async function errorsOf(backend: Backend, previewId: string): Promise<ImportIssue[]> {
  const errors: ImportIssue[] = [];
  for (;;) {
    const page = unwrap(
      await backend.call('imports.issues', {
        previewId,
        severity: 'error',
        offset: errors.length,
        limit: 500,
      }),
    );
    errors.push(...page.issues);
    if (page.issues.length === 0 || errors.length >= Math.min(page.total, MAX_LISTED_ERRORS)) return errors;
  }
}

function printText(io: CliIo, report: ImportReport, formatName: string | null): void {
  io.out(
    `format:    ${formatName ?? report.format ?? 'unknown'}${report.encoding ? `, ${report.encoding}` : ''}`,
  );
  io.out(`rows:      ${report.rows}`);
  io.out(
    `deals:     ${report.deals.inserted} new, ${report.deals.updated} updated, ${report.deals.unchanged} unchanged, ${report.deals.invalid} with errors`,
  );
  io.out(
    `customers: ${report.customers.inserted} new, ${report.customers.matched} matched, ${report.customers.filled} given missing details`,
  );
  for (const e of report.errors.slice(0, 50))
    io.err(`  ${e.file ?? ''}${e.line ? `:${e.line}` : ''}  ${e.message}`);
  if (report.errorCount > 50)
    io.err(`  … ${report.errorCount - 50} more errors (use --json to list them all)`);
}

export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import marketplace order CSVs (preview with --dry-run); one batch that can be undone')
    .argument('<files...>', 'CSV/TXT exports (Yahoo!ショッピング: the Orders and Items files together)')
    .option('--db <path>', dbOptionHelp)
    .option('--preset <id>', `read as this format (see \`torihiki formats\`)`, choice(presetIds))
    .option('--mapping <name>', 'read with a column mapping saved in the app')
    .option(
      '--encoding <name>',
      `force the text encoding: ${textEncodings.join(', ')}`,
      choice(textEncodings),
    )
    .option('--dry-run', 'show what would happen; write nothing')
    .option('--skip-invalid', 'import the valid rows and skip rows with errors')
    .option('--json', 'print one JSON object')
    .action(async (files: string[], opts: ImportOptions) => {
      const inputs = readInputs(files);
      await withImportBackend(opts, async (backend) => {
        const preview: ImportPreviewDto = unwrap(
          await backend.call('imports.preview', {
            files: inputs,
            ...(opts.preset ? { presetId: opts.preset } : {}),
            ...(opts.mapping ? { mappingName: opts.mapping } : {}),
            ...(opts.encoding ? { encoding: opts.encoding } : {}),
          }),
        );
        const report: ImportReport = {
          format: null,
          encoding: null,
          rows: 0,
          deals: { inserted: 0, updated: 0, unchanged: 0, invalid: 0 },
          customers: { inserted: 0, matched: 0, filled: 0 },
          errors: [],
          errorCount: 0,
          warnings: 0,
          dryRun: !!opts.dryRun,
          batchId: null,
        };
        const print = (formatName: string | null = null) => {
          if (opts.json) io.out(JSON.stringify(report));
          else printText(io, report, formatName);
        };

        if (preview.status === 'rejected') {
          report.errors = preview.issues.map(errorOf);
          report.errorCount = preview.issues.length;
          report.encoding = preview.files[0]?.encoding ?? null;
          print();
          throw new ExitError(1);
        }
        if (preview.status === 'needs_mapping') {
          const message = `No import format matches the header of ${files.map((f) => path.basename(f)).join(', ')}. Choose one with --preset (see \`torihiki formats\`) or map the columns in the app and use --mapping NAME.`;
          report.errors = [{ file: null, line: 1, column: null, code: 'format_unknown', message }];
          report.errorCount = 1;
          print();
          throw new ExitError(1);
        }

        report.format =
          preview.format.kind === 'preset'
            ? preview.format.id
            : `mapping:${preview.format.mappingName ?? ''}`;
        report.encoding = preview.encoding;
        report.rows = preview.rows;
        report.deals = {
          inserted: preview.deals.new,
          updated: preview.deals.updated,
          unchanged: preview.deals.unchanged,
          invalid: preview.deals.error,
        };
        report.customers = preview.customers;
        report.errorCount = preview.issueCounts.errors;
        report.warnings = preview.issueCounts.warnings;
        report.errors = (await errorsOf(backend, preview.previewId)).map(errorOf);
        const formatName = `${preview.format.name.ja} (${report.format})`;

        const blocked = preview.invalidRows > 0 && !opts.skipInvalid;
        if (opts.dryRun || blocked) {
          await backend.call('imports.cancel', { previewId: preview.previewId });
          if (blocked && !opts.json)
            io.err(
              `${preview.invalidRows} row(s) have errors; nothing was imported. Fix them or add --skip-invalid.`,
            );
          print(formatName);
          if (blocked) throw new ExitError(1);
          return;
        }
        const committed = unwrap(
          await backend.call('imports.commit', {
            previewId: preview.previewId,
            skipInvalid: !!opts.skipInvalid,
          }),
        );
        report.batchId = committed.batchId;
        report.deals = { ...committed.deals, invalid: preview.deals.error };
        report.customers = committed.customers;
        print(formatName);
        if (!opts.json) {
          io.out(
            committed.batchId === null
              ? 'nothing changed: every order is already in the ledger as the file says'
              : `imported as batch ${committed.batchId} (undo: torihiki import-undo ${committed.batchId})`,
          );
        }
      });
    });

  program
    .command('import-undo')
    .description('take an import batch back out (deals it added are removed, values it changed restored)')
    .argument(
      '<batch-id>',
      'batch number (see `torihiki import-history`)',
      positiveInt(Number.MAX_SAFE_INTEGER),
    )
    .option('--db <path>', dbOptionHelp)
    .option('--json', 'print one JSON object')
    .action(async (batchId: number, opts: { db?: string; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const result = unwrap(await backend.call('imports.undo', { batchId }));
        io.out(
          opts.json
            ? JSON.stringify(result)
            : `undid batch ${result.batchId}: ${result.dealsRemoved} deals removed, ${result.dealsRestored} restored, ${result.customersRemoved} customers removed${result.valuesKept ? `, ${result.valuesKept} values changed since were kept` : ''}`,
        );
      });
    });

  program
    .command('import-history')
    .description('list import batches, newest first')
    .option('--db <path>', dbOptionHelp)
    .option('--limit <n>', 'at most this many batches (default 50)', positiveInt(500), 50)
    .option('--json', 'print one JSON object: {"batches": [...]}')
    .action(async (opts: { db?: string; limit: number; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const batches = unwrap(await backend.call('imports.history', { limit: opts.limit }));
        if (opts.json) {
          io.out(JSON.stringify({ batches }));
          return;
        }
        for (const b of batches) {
          io.out(
            [
              String(b.id).padStart(5),
              b.at,
              b.formatId.padEnd(20),
              `+${b.deals.inserted} ~${b.deals.updated} =${b.deals.unchanged}`,
              b.undoneAt ? `undone ${b.undoneAt}` : '',
              b.files.join(', '),
            ].join('  '),
          );
        }
      });
    });
}

/**
 * The backend an import runs against. A dry run never creates the database: when the file does not exist
 * yet, the preview runs against an empty ledger in a temporary folder (everything is new), removed after.
 */
async function withImportBackend(
  opts: ImportOptions,
  fn: (backend: Backend) => Promise<void>,
): Promise<void> {
  const dbPath = path.resolve(opts.db ?? defaultDbPath());
  if (!opts.dryRun || fs.existsSync(dbPath)) {
    await withBackend(dbPath, { createIfMissing: !opts.dryRun }, fn);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-dry-run-'));
  try {
    await withBackend(path.join(dir, 'empty.sqlite'), { createIfMissing: true }, fn);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Ends the command with an exit code after its own output (no extra error line). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
