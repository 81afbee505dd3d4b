import type { Prefecture } from '../text/prefecture';

/** Deal states read from 取引の状況, in the order a deal moves through them; 'cancelled' ends it at any point. */
export const NAVI_STATUSES = ['address_sent', 'paid', 'shipped', 'received', 'cancelled'] as const;
export type NaviStatus = (typeof NAVI_STATUSES)[number];

export interface NaviEvent {
  kind: NaviStatus;
  /** UTC ISO-8601 instant; the year was inferred when the page showed none. */
  at: string;
}

export interface NaviPasteFields {
  /** Honorific removed, spaces collapsed. */
  buyerName?: string;
  /** Full-width katakana. */
  buyerKana?: string;
  /** Seven digits, no hyphen. */
  postalCode?: string;
  prefecture?: Prefecture;
  /** The address after the prefecture: city, town, block and house number (and the building when inseparable). */
  address1?: string;
  /** Building and room, when they could be told apart from the street address. */
  address2?: string;
  /** Digits only, a plausible Japanese number. */
  phone?: string;
  deliveryMethod?: string;
  /** Integer yen; 0 for 送料無料 / 送料込み / 出品者負担. */
  shippingFee?: number;
  /** Lower-case, e.g. "x123456789". */
  auctionId?: string;
  title?: string;
  /** Integer yen. */
  price?: number;
  buyerId?: string;
  /** UTC ISO-8601 instant. */
  endedAt?: string;
  status?: NaviStatus;
  /** Dated lines of the status history, oldest first. */
  events?: NaviEvent[];
}

export type NaviPasteField = keyof NaviPasteFields;

export interface NaviPasteResult {
  fields: NaviPasteFields;
  /** Names of the fields that were filled, in a fixed order. */
  recognised: NaviPasteField[];
  /** Fields a deal needs that were not found: see {@link NAVI_PASTE_EXPECTED_FIELDS}. */
  missing: NaviPasteField[];
  /** Sentences in Japanese for the seller: what was guessed, cut or could not be read. */
  warnings: string[];
  /** The same warnings as codes with their values, so a screen in another language can word them. */
  notes: NaviPasteNote[];
}

/** Why a paste needs a second look; `warningText` (parse.ts) words each in Japanese. */
export type NaviPasteNote =
  | { code: 'too_long'; maxChars: number }
  | { code: 'empty' }
  | { code: 'nothing_found' }
  | { code: 'clock_invalid' }
  | { code: 'date_unreadable'; text: string }
  | { code: 'leap_day'; month: number; day: number; year: number }
  | { code: 'year_inferred'; years: number[] }
  | { code: 'name_guessed'; name: string }
  | { code: 'no_prefecture' }
  | { code: 'postal_code_invalid'; text: string }
  | { code: 'phone_invalid'; text: string }
  | { code: 'status_unreadable'; text: string };
export type NaviPasteNoteCode = NaviPasteNote['code'];

/** A deal can be shipped once these are known; each one not found is listed in `missing`. */
export const NAVI_PASTE_EXPECTED_FIELDS = [
  'buyerName',
  'postalCode',
  'address1',
  'phone',
  'deliveryMethod',
  'status',
] as const satisfies readonly NaviPasteField[];

/** Order of `recognised`, matching the order of the fields on a deal form. */
export const NAVI_PASTE_FIELD_ORDER = [
  'buyerName',
  'buyerKana',
  'postalCode',
  'prefecture',
  'address1',
  'address2',
  'phone',
  'deliveryMethod',
  'shippingFee',
  'auctionId',
  'title',
  'price',
  'buyerId',
  'endedAt',
  'status',
  'events',
] as const satisfies readonly NaviPasteField[];

/**
 * Only the first 20,000 characters of a paste are read. A select-all copy of a 取引ナビ page, menus, footer and a
 * long message thread included, is well under 10,000 characters, and the buyer's details sit near the top; the
 * cap keeps a mistaken paste (a whole log file, a novel) from freezing the form. Longer pastes are cut at the
 * last line break before the limit and a warning says so.
 */
export const NAVI_PASTE_MAX_CHARS = 20_000;
