import { z } from 'zod';
import type { CaseRowDto } from './cases';
import type { CustomerRowDto, DealCardDto } from './customers';
import { query, returns } from './define';

/**
 * Why a result is where it is, best first:
 * - `exact`: an identifier equal to the query — order number, tracking number, e-mail, phone number,
 *   Yahoo! ID, or postal code together with the name;
 * - `name`: a customer whose name or reading contains the query (starting with it ranks higher), or a
 *   customer at the postal code typed;
 * - `text`: anything else containing the query (part of an e-mail or phone number, an item name, a
 *   recipient's name, part of an order number).
 */
export const searchTiers = ['exact', 'name', 'text'] as const;
export type SearchTier = (typeof searchTiers)[number];

export const matchFields = [
  'orderNumber',
  'trackingNumber',
  'email',
  'phone',
  'platformId',
  'postalCode',
  'name',
  'kana',
  'item',
  'recipient',
  'summary',
  'message',
  'other',
] as const;
export type MatchField = (typeof matchFields)[number];

/** A customer, with the newest deal, so "まだ？" can be answered from the result alone. */
export interface CustomerCardDto extends CustomerRowDto {
  /** Newest deal of any state, with its steps (shipped? carrier, tracking number). */
  lastDeal: DealCardDto | null;
}

export type SearchHitDto =
  | {
      type: 'customer';
      id: number;
      tier: SearchTier;
      matchedOn: MatchField;
      customer: CustomerCardDto;
      /** The buyer has complaint cases on record: earlier trouble, even without the 要注意 tag. */
      hasCases: boolean;
    }
  | {
      type: 'deal';
      id: number;
      tier: SearchTier;
      matchedOn: MatchField;
      deal: DealCardDto;
      /** The buyer's tags (e.g. 要注意 after earlier trouble), so a deal hit warns like a customer hit. */
      buyerTags: string[];
      /** The buyer has complaint cases on record. */
      buyerHasCases: boolean;
    }
  | {
      /** A complaint case: found by its summary, or through its buyer or deal. */
      type: 'case';
      id: number;
      tier: SearchTier;
      matchedOn: MatchField;
      case: CaseRowDto;
    };

export interface SearchResultDto {
  hits: SearchHitDto[];
  /** More matched than were returned: the seller should type more. */
  hasMore: boolean;
  /**
   * The input was too long to be a search term (a pasted message): only identifiers found in it (e-mails,
   * phone numbers, postal codes, order and tracking numbers) were looked up.
   */
  scanned: boolean;
}

export const searchMethods = {
  /**
   * Quick lookup (Ctrl+K). Any text is a valid query: SQL or search syntax is matched literally, very long
   * input is scanned for identifiers, nothing matching gives no hits.
   */
  'search.query': query(
    z
      .object({
        text: z.string().max(100_000),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    returns<SearchResultDto>(),
  ),
};
