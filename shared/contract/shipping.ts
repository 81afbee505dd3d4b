import { z } from 'zod';
import { carriers, type Carrier } from '../domain/steps';
import { command, query, returns } from './define';
import { id, noInput } from './fields';

/** Label file layouts Torihiki writes (marketplace-formats.md section B). */
export const labelFormats = ['yamato-b2', 'yupri', 'clickpost', 'ehiden'] as const;
export type LabelFormat = (typeof labelFormats)[number];

/** The ゆうプリR 標準 columns a seller may pick and reorder for their own 取込フィルタ. */
export const YUPRI_MAX_COLUMNS = 120;

const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'Control characters are not allowed' });

/** The sender printed on every label (ご依頼主). Kept in 設定; empty strings mean "not set yet". */
export const shopProfileInput = z
  .object({
    name: optionalLine(60),
    postalCode: optionalLine(10),
    address1: optionalLine(120),
    address2: optionalLine(120),
    phone: optionalLine(20),
    /** B2クラウド 請求先顧客コード (10–12 digits) and 運賃管理番号 (2 digits), from the Yamato contract. */
    yamatoCustomerCode: z.union([z.literal(''), z.string().regex(/^\d{10,12}$/)]),
    yamatoFreightNo: z.union([z.literal(''), z.string().regex(/^\d{2}$/)]),
    /** The ゆうプリR filter's column order; empty = the 標準 layout. */
    yupriColumns: z.array(optionalLine(40).pipe(z.string().min(1))).max(YUPRI_MAX_COLUMNS),
  })
  .strict();
export type ShopProfileDto = z.infer<typeof shopProfileInput>;

export interface LabelIssueDto {
  /** null for a problem of the shop profile (the sender), which blocks every label. */
  dealId: number | null;
  externalId: string | null;
  /** The carrier's column name, e.g. お届け先住所. */
  field: string;
  code: 'missing' | 'too_long' | 'charset' | 'replaced' | 'truncated' | 'filled';
  /** error: the deal is left out until fixed; warning: it goes out with the change described. */
  severity: 'error' | 'warning';
  /** The offending characters or the limit, for the UI to word. */
  detail: string;
}

export interface LabelFileDto {
  name: string;
  contentBase64: string;
  rows: number;
}

export interface LabelExportDto {
  format: LabelFormat;
  /** Deals with a label in the files. */
  exported: number[];
  /** Deals left out, each named in `issues` with at least one error. */
  skipped: number[];
  issues: LabelIssueDto[];
  files: LabelFileDto[];
}

export interface TrackingImportDto {
  format: 'yupri-history' | 'yamato-b2-issued' | 'ehiden-results';
  carrier: Carrier;
  rows: number;
  marked: { dealId: number; externalId: string; trackingNumber: string }[];
  /** Rows whose deal already had this tracking number (a file imported twice). */
  unchanged: number;
  unmatched: { line: number; reference: string; trackingNumber: string; reason: string }[];
}

const labelSelection = z
  .object({
    format: z.enum(labelFormats),
    dealIds: z.array(id).min(1).max(5_000),
  })
  .strict();

export const shippingMethods = {
  'shop.get': query(noInput, returns<ShopProfileDto>()),
  'shop.update': command(shopProfileInput.partial().strict(), returns<ShopProfileDto>()),
  /** Checks without writing a file: the report the seller sees before exporting. */
  'labels.check': query(labelSelection, returns<LabelExportDto>()),
  'labels.export': query(labelSelection, returns<LabelExportDto>()),
  'tracking.import': command(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.base64().max(30_000_000),
        carrier: z.enum(carriers).optional(),
      })
      .strict(),
    returns<TrackingImportDto>(),
  ),
};
