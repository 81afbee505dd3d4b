import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import type { LabelFormat, ShopProfileDto } from '../../../../shared/contract/shipping';
import type { Carrier } from '../../../../shared/domain/steps';
import { SHOP_TIME_ZONE } from '../../../../shared/domain/time';
import type { LabelRow } from '../row';
import type { LabelDeal } from '../source';

export interface LayoutContext {
  shop: ShopProfileDto;
  now: Date;
}

/** One carrier's label file: its columns, how a deal and the sender fill them, and its file limits. */
export interface LabelLayout {
  format: LabelFormat;
  carrier: Carrier;
  fileStem: string;
  header(shop: ShopProfileDto): readonly string[];
  /** クリックポスト takes at most 40 labels per file. */
  maxRowsPerFile?: number;
  /** Sender (ご依頼主) columns, checked once for the whole export; absent when the carrier account is the sender. */
  sender?(row: LabelRow, shop: ShopProfileDto): void;
  deal(row: LabelRow, deal: LabelDeal, ctx: LayoutContext): void;
}

/** A Tokyo calendar date in the carrier's pattern (the shipping day is the shop's day, not UTC's). */
export const tokyoDate = (now: Date, pattern: string): string =>
  formatDate(new TZDate(now.getTime(), SHOP_TIME_ZONE), pattern);

/** Deal ids are the round-trip key: the carriers echo this column back with the tracking number. */
export const referenceOf = (deal: LabelDeal): string => String(deal.id);
