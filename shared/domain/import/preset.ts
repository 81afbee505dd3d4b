import type { Marketplace } from '../marketplaces';
import type { CsvTable, Delimiter } from './csv';
import type { DateFormat } from './dates';
import type { DraftDeal } from './draft';
import type { ImportIssue } from './issues';

/** A header name, or several spellings of it (any one present counts). */
export type HeaderName = string | readonly string[];

export interface PresetFileRole {
  /** 'orders', 'items' (Yahoo!ショッピング) or 'main' for one-file formats. */
  role: string;
  /** Header names that identify this file; all must be present. */
  fingerprint: readonly HeaderName[];
}

export interface ReadContext {
  dateFormat: DateFormat;
  /** Problems not tied to one deal (a row without an order number). */
  issues: ImportIssue[];
}

/** One real export format: how to recognise it and how its rows become deals. */
export interface FormatPreset {
  id: string;
  name: { ja: string; en: string };
  marketplace: Marketplace;
  /** What the marketplace writes; detection does not depend on it, the UI shows it. */
  encoding: 'cp932' | 'utf-8' | 'utf-8-bom' | 'cp932 or utf-8';
  delimiter: Delimiter;
  files: readonly PresetFileRole[];
  /** How rows group into one deal, in the seller's words (shown in the format list). */
  groupedBy: string;
  /** Reads the files (one list of tables per role, in `files` order) into deals. */
  read(tables: CsvTable[][], ctx: ReadContext): DraftDeal[];
}
