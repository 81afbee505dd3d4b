import { z } from 'zod';
import { query, returns } from './define';

/** Tables a seller can take out of Torihiki as CSV. */
export const exportTables = ['deals', 'items', 'customers', 'cases'] as const;
export type ExportTable = (typeof exportTables)[number];

/** UTF-8 with BOM opens correctly in Excel; CP932 is for older tools. */
export const exportEncodings = ['utf-8-bom', 'cp932'] as const;
export type ExportEncoding = (typeof exportEncodings)[number];

export interface CsvExportDto {
  fileName: string;
  contentBase64: string;
  rows: number;
  /** Characters CP932 could not hold, written as "?". */
  replaced: number;
}

export const exportMethods = {
  'exports.csv': query(
    z.object({ table: z.enum(exportTables), encoding: z.enum(exportEncodings) }).strict(),
    returns<CsvExportDto>(),
  ),
};
