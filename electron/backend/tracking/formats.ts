import type { TrackingImportDto } from '../../../shared/contract/shipping';
import type { Carrier } from '../../../shared/domain/steps';

/** A carrier result file: how to recognise its header and which columns carry our key and the tracking number. */
export interface TrackingFormat {
  id: TrackingImportDto['format'];
  carrier: Carrier;
  /** Accepted spellings of the reference column (our deal id, written by the label export). */
  reference: readonly string[];
  tracking: readonly string[];
  /** Column positions for a file saved without its header row (B2 writes the 基本レイアウト by position). */
  positional?: { width: number; reference: number; tracking: number };
}

export const trackingFormats: readonly TrackingFormat[] = [
  {
    id: 'yupri-history',
    carrier: 'japanpost',
    reference: ['お客様側管理番号'],
    tracking: ['お問い合わせ番号', 'お問合せ番号'],
  },
  {
    id: 'yamato-b2-issued',
    carrier: 'yamato',
    reference: ['お客様管理番号'],
    tracking: ['伝票番号'],
    positional: { width: 95, reference: 0, tracking: 3 },
  },
  {
    id: 'ehiden-results',
    carrier: 'sagawa',
    reference: ['お客様管理番号', 'お客様管理ナンバー'],
    tracking: ['お問合せ送り状No', 'お問い合せ送り状No.', 'お問合せ送り状No.', 'お問い合わせ送り状No'],
  },
];

/** The format whose reference and tracking columns both appear in the header, with their positions. */
export function detectTrackingFormat(
  header: readonly string[],
): { format: TrackingFormat; reference: number; tracking: number; headerless: boolean } | null {
  const names = header.map((h) => h.trim());
  for (const format of trackingFormats) {
    const reference = names.findIndex((h) => format.reference.includes(h));
    const tracking = names.findIndex((h) => format.tracking.includes(h));
    if (reference >= 0 && tracking >= 0) return { format, reference, tracking, headerless: false };
  }
  for (const format of trackingFormats) {
    const p = format.positional;
    if (p && names.length === p.width && /^\d+$/.test(names[p.reference] ?? ''))
      return { format, reference: p.reference, tracking: p.tracking, headerless: true };
  }
  return null;
}
