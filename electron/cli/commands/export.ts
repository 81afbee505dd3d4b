import { InvalidArgumentError, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import {
  exportEncodings,
  labelFormats,
  type DealFilter,
  type ExportEncoding,
  type LabelFormat,
  type LabelIssueDto,
} from '../../../shared/contract';
import type { Backend } from '../../backend';
import { exportToFile } from '../../backend/export/writer';
import { dbOptionHelp, unwrap, withBackend, type CliIo } from '../io';
import { ExitError } from './import';

/** `--state` for labels: the ledger's 発送待ち view (in Japanese or English) or every open deal. */
const labelStates: Record<string, DealFilter> = {
  発送待ち: { view: 'awaiting_shipping' },
  'awaiting-shipping': { view: 'awaiting_shipping' },
  open: { dealStates: ['open'] },
};

const choice =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return value as T;
  };

function checkOut(out: string): string {
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target)))
    throw new InvalidArgumentError(`the folder ${path.dirname(target)} does not exist`);
  return target;
}

async function selectDeals(backend: Backend, filter: DealFilter): Promise<number[]> {
  const ids: number[] = [];
  for (;;) {
    const page = unwrap(await backend.call('deals.list', { filter, offset: ids.length, limit: 500 }));
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length === 0 || ids.length >= page.total || ids.length >= 5_000) return ids.slice(0, 5_000);
  }
}

const describeIssue = (i: LabelIssueDto) =>
  `${i.dealId === null ? 'shop profile' : `deal ${i.dealId} (${i.externalId ?? '?'})`}: ${i.field || 'deal'} ${i.code}${i.detail ? ` [${i.detail}]` : ''}`;

export function registerExport(program: Command, io: CliIo): void {
  const exportCmd = program.command('export').description('write data or carrier label files as CSV');

  for (const table of ['deals', 'items', 'customers', 'cases'] as const) {
    exportCmd
      .command(table)
      .description(`all ${table} as CSV (Excel-safe: formulas neutralised)`)
      .option('--db <path>', dbOptionHelp)
      .requiredOption('--out <file>', 'the CSV file to write')
      .option('--encoding <enc>', exportEncodings.join(' | '), choice(exportEncodings), 'utf-8-bom')
      .action(async (opts: { db?: string; out: string; encoding: ExportEncoding }) => {
        const out = checkOut(opts.out);
        await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
          const summary = exportToFile(backend.db, table, opts.encoding, out);
          io.out(
            `${summary.rows} ${table} written to ${out}` +
              (summary.replaced > 0
                ? ` (${summary.replaced} characters CP932 cannot hold written as "?")`
                : ''),
          );
        });
      });
  }

  exportCmd
    .command('labels')
    .description('carrier label CSV (CP932) for the deals awaiting shipping')
    .requiredOption('--carrier <format>', labelFormats.join(' | '), choice(labelFormats))
    .option('--db <path>', dbOptionHelp)
    .requiredOption('--out <file>', 'the CSV file (クリックポスト: FILE-1.csv, FILE-2.csv … per 40 labels)')
    .option(
      '--state <state>',
      Object.keys(labelStates).join(' | '),
      choice(Object.keys(labelStates)),
      '発送待ち',
    )
    .action(async (opts: { db?: string; out: string; carrier: LabelFormat; state: string }) => {
      const out = checkOut(opts.out);
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const dealIds = await selectDeals(backend, labelStates[opts.state]!);
        if (dealIds.length === 0) {
          io.out('no deals to label');
          return;
        }
        const result = unwrap(await backend.call('labels.export', { format: opts.carrier, dealIds }));
        for (const issue of result.issues) io.err(`${issue.severity}: ${describeIssue(issue)}`);
        const ext = path.extname(out);
        const written = result.files.map((file, i) => {
          const name =
            result.files.length > 1 ? `${out.slice(0, out.length - ext.length)}-${i + 1}${ext}` : out;
          fs.writeFileSync(name, Buffer.from(file.contentBase64, 'base64'));
          return name;
        });
        io.out(
          `${result.exported.length} labels written to ${written.join(', ') || '(no file)'}; ${result.skipped.length} deals left out`,
        );
        // Left-out deals are a partial success: scripts can tell by the exit code.
        if (result.skipped.length > 0) throw new ExitError(2);
      });
    });
}
