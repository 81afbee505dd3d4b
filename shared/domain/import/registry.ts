import type { CsvTable } from './csv';
import { issue, type ImportIssue } from './issues';
import type { FormatPreset, HeaderName } from './preset';
import { amazonOrders, amazonUnshipped } from './presets/amazon';
import { base } from './presets/base';
import { creema } from './presets/creema';
import { mercariSales } from './presets/mercari-sales';
import { mercariShops } from './presets/mercari-shops';
import { minne } from './presets/minne';
import { rakutenLegacy } from './presets/rakuten-legacy';
import { rakutenPay } from './presets/rakuten-pay';
import { yahooAuctionStore } from './presets/yahoo-auction-store';
import { yahooShopping } from './presets/yahoo-shopping';
import { headerIndex } from './reader';
import { headerKey } from './values';

/** Every supported export, in the order the format list shows them. */
export const presets: readonly FormatPreset[] = [
  rakutenPay,
  rakutenLegacy,
  amazonOrders,
  amazonUnshipped,
  yahooShopping,
  yahooAuctionStore,
  mercariShops,
  mercariSales,
  base,
  minne,
  creema,
];

export const presetIds = [
  'rakuten_pay',
  'rakuten_legacy',
  'amazon_orders',
  'amazon_unshipped',
  'yahoo_shopping',
  'yahoo_auction_store',
  'mercari_shops',
  'mercari_sales',
  'base',
  'minne',
  'creema',
] as const;
export type PresetId = (typeof presetIds)[number];

export function presetById(id: string): FormatPreset | undefined {
  return presets.find((p) => p.id === id);
}

const names = (h: HeaderName): readonly string[] => (typeof h === 'string' ? [h] : h);

/** Fingerprint entries missing from a header (each entry may have several spellings). */
export function missingHeaders(header: string[], fingerprint: readonly HeaderName[]): string[] {
  const index = headerIndex(header);
  return fingerprint.filter((h) => !names(h).some((n) => index.has(headerKey(n)))).map((h) => names(h)[0]!);
}

interface Match {
  preset: FormatPreset;
  role: number;
  score: number;
}

/** The most specific preset file role whose whole fingerprint is in the header. */
function bestMatch(header: string[], candidates: readonly FormatPreset[]): Match | undefined {
  let best: Match | undefined;
  for (const preset of candidates) {
    preset.files.forEach((file, role) => {
      if (missingHeaders(header, file.fingerprint).length > 0) return;
      const score = file.fingerprint.length;
      if (!best || score > best.score) best = { preset, role, score };
    });
  }
  return best;
}

export type Identified =
  | { kind: 'preset'; preset: FormatPreset; tables: CsvTable[][] }
  | { kind: 'unknown' }
  | { kind: 'rejected'; issues: ImportIssue[] };

/**
 * Finds the format of the files by their header rows (or checks them against the preset the user
 * chose). All files must belong to one format; a two-file format needs both kinds of file.
 */
export function identify(tables: CsvTable[], presetId?: string): Identified {
  const chosen = presetId ? presetById(presetId) : undefined;
  if (presetId && !chosen) {
    return {
      kind: 'rejected',
      issues: [issue('format_unknown', `There is no import format "${presetId}".`)],
    };
  }
  const matches = tables.map((t) => bestMatch(t.header, chosen ? [chosen] : presets));

  if (chosen) {
    const issues: ImportIssue[] = [];
    tables.forEach((t, i) => {
      if (matches[i]) return;
      const closest = chosen.files
        .map((f) => missingHeaders(t.header, f.fingerprint))
        .sort((a, b) => a.length - b.length)[0]!;
      issues.push(
        issue(
          'columns_missing',
          `${t.file} is not a ${chosen.name.en} file: the column(s) ${closest.map((c) => `"${c}"`).join(', ')} are missing.`,
          { file: t.file },
          { columns: closest.join(', '), format: chosen.id },
        ),
      );
    });
    if (issues.length) return { kind: 'rejected', issues };
  }

  if (matches.every((m) => m === undefined)) return { kind: 'unknown' };
  const unknown = tables.filter((_, i) => !matches[i]);
  if (unknown.length) {
    return {
      kind: 'rejected',
      issues: unknown.map((t) =>
        issue(
          'format_unknown',
          `${t.file} is not in a known export format; import it on its own with a column mapping.`,
          {
            file: t.file,
          },
        ),
      ),
    };
  }
  const preset = matches[0]!.preset;
  if (matches.some((m) => m!.preset !== preset)) {
    const found = [...new Set(matches.map((m) => m!.preset.name.en))];
    return {
      kind: 'rejected',
      issues: [
        issue(
          'formats_mixed',
          `These files are of different formats (${found.join(', ')}); import them one format at a time.`,
          {},
          {
            formats: found.join(', '),
          },
        ),
      ],
    };
  }
  const byRole: CsvTable[][] = preset.files.map(() => []);
  tables.forEach((t, i) => byRole[matches[i]!.role]!.push(t));
  const absent = preset.files.filter((_, role) => byRole[role]!.length === 0);
  if (absent.length) {
    return {
      kind: 'rejected',
      issues: [
        issue(
          'files_incomplete',
          `${preset.name.en} needs its ${preset.files.map((f) => f.role).join(' and ')} files together; the ${absent.map((f) => f.role).join(' and ')} file is missing.`,
          {},
          { missing: absent.map((f) => f.role).join(', '), format: preset.id },
        ),
      ],
    };
  }
  return { kind: 'preset', preset, tables: byRole };
}
