import { sampleRows, type CsvTable } from './csv';
import type { DraftDeal } from './draft';
import { issue, type ImportIssue } from './issues';
import {
  guessMapping,
  mappingProblems,
  readWithMapping,
  type GenericMapping,
  type MappingGuess,
} from './mapping';
import type { FormatPreset, ReadContext } from './preset';
import { identify } from './registry';
import { validateDraft } from './validate';

export type ImportFormat =
  | { kind: 'preset'; preset: FormatPreset }
  | { kind: 'mapping'; mapping: GenericMapping; name: string | null };

export type ReadOutcome =
  | { status: 'ready'; format: ImportFormat; deals: DraftDeal[]; issues: ImportIssue[]; rows: number }
  | { status: 'needs_mapping'; header: string[]; sample: string[][]; guess: MappingGuess }
  | { status: 'rejected'; issues: ImportIssue[] };

export const SAMPLE_ROWS = 20;

const countRows = (tables: CsvTable[]) => tables.reduce((n, t) => n + t.rowCount, 0);

function headerOnly(tables: CsvTable[]): ImportIssue[] {
  return tables
    .filter((t) => t.rowCount === 0)
    .map((t) => issue('header_only', `${t.file} has a header row but no orders.`, { file: t.file }));
}

/**
 * From parsed tables to deals: a preset chosen by hand or found by header, else the mapping given
 * (or a saved one for this header), else a request for a mapping with guesses.
 */
export function readTables(
  tables: CsvTable[],
  options: {
    presetId?: string;
    mapping?: GenericMapping;
    mappingName?: string | null;
    savedMapping?: (header: string[]) => { name: string; mapping: GenericMapping } | undefined;
  },
): ReadOutcome {
  const ctx: ReadContext = { dateFormat: 'auto', issues: [] };

  let format: ImportFormat;
  let deals: DraftDeal[];
  const identified = options.mapping ? ({ kind: 'unknown' } as const) : identify(tables, options.presetId);
  if (identified.kind === 'rejected') return { status: 'rejected', issues: identified.issues };
  if (identified.kind === 'preset') {
    format = { kind: 'preset', preset: identified.preset };
    deals = identified.preset.read(identified.tables, ctx);
  } else {
    const first = tables[0]!;
    if (tables.some((t) => t.header.join('\u001f') !== first.header.join('\u001f'))) {
      return {
        status: 'rejected',
        issues: [
          issue('formats_mixed', 'Files read with a column mapping must all have the same header row.'),
        ],
      };
    }
    const saved = options.mapping ? undefined : options.savedMapping?.(first.header);
    const mapping = options.mapping ?? saved?.mapping;
    if (!mapping) {
      const sample = sampleRows(first, SAMPLE_ROWS).map((r) => r.fields);
      if (sample.length === 0) return { status: 'rejected', issues: headerOnly(tables) };
      return {
        status: 'needs_mapping',
        header: first.header,
        sample,
        guess: guessMapping(first.header, sample),
      };
    }
    const problems = mappingProblems(mapping, first.header);
    if (problems.unmapped.length || problems.absent.length) {
      const parts = [
        problems.unmapped.length ? `no column is chosen for ${problems.unmapped.join(', ')}` : '',
        problems.absent.length
          ? `the file has no column ${problems.absent.map((c) => `"${c}"`).join(', ')}`
          : '',
      ].filter(Boolean);
      return {
        status: 'rejected',
        issues: [
          issue(
            'columns_missing',
            `The column mapping does not fit this file: ${parts.join('; ')}.`,
            { file: first.file },
            {
              unmapped: problems.unmapped.join(', '),
              columns: problems.absent.join(', '),
            },
          ),
        ],
      };
    }
    ctx.dateFormat = mapping.dateFormat;
    format = { kind: 'mapping', mapping, name: options.mappingName ?? saved?.name ?? null };
    deals = readWithMapping(tables, mapping, ctx);
  }
  // Rows are read by now: a file with a header and nothing under it is not an import.
  const empty = headerOnly(tables);
  if (empty.length) return { status: 'rejected', issues: empty };
  const structural = tables.flatMap((t) => t.issues);
  const tooLong = structural.filter((i) => i.code === 'too_many_rows');
  if (tooLong.length) return { status: 'rejected', issues: tooLong };
  for (const d of deals) validateDraft(d);
  return {
    status: 'ready',
    format,
    deals,
    issues: [...attach(structural, deals), ...ctx.issues],
    rows: countRows(tables),
  };
}

/** A broken quote belongs to the order whose row it broke; that order is then not importable. */
function attach(structural: ImportIssue[], deals: DraftDeal[]): ImportIssue[] {
  if (structural.length === 0) return [];
  const byLine = new Map<string, DraftDeal>();
  for (const d of deals) for (const line of d.lines) byLine.set(`${d.file}\u0000${line}`, d);
  return structural.filter((i) => {
    const deal = i.line === null ? undefined : byLine.get(`${i.file}\u0000${i.line}`);
    if (deal) deal.issues.push(i);
    return !deal;
  });
}
