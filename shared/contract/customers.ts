import { z } from 'zod';
import type { IdentityKind } from '../domain/customers/identity';
import { marketplaces, type Marketplace } from '../domain/marketplaces';
import type { DealRowDto } from './deals';
import { command, query, returns } from './define';
import { id, label } from './fields';

/** Tags every shop uses; members may add their own (e.g. "リピーター候補", "ギフト多め"). */
export const customerTagPresets = ['VIP', '要注意'] as const;

const tag = label(30);
const optionalText = (max: number) => z.string().trim().max(max);
/** Accepts 1234567, 123-4567, full-width digits and 〒; stored as seven digits ('' clears it). */
const postalCode = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/[〒\s\-‐‑‒–—―−ー]/g, ''))
  .pipe(z.string().regex(/^(\d{7})?$/, { message: 'A postal code has 7 digits' }));
/** Any format ("090-1234-5678", "+81 90 …", full width); stored as digits ('' clears it). */
const phone = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー()（）]/g, ''))
  .pipe(z.string().regex(/^(\+?\d{6,15})?$/, { message: 'A phone number has 6 to 15 digits' }));

/**
 * Purchase figures. A purchase is a deal that was not cancelled: lifetime value is the sum of their totals
 * (what the buyer paid, shipping included, in yen); repeat count is purchases − 1, i.e. how many times the
 * buyer came back; a repeat customer has at least two purchases. First/last purchase are order times.
 */
export interface CustomerStatsDto {
  purchaseCount: number;
  repeatCount: number;
  isRepeat: boolean;
  /** Every deal, cancelled ones included. */
  dealCount: number;
  cancelledCount: number;
  lifetimeValue: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  /** Marketplaces the customer has bought on, in the shop's usual order. */
  marketplaces: Marketplace[];
}

/** One line of the customers list, and the head of a quick-lookup card. */
export interface CustomerRowDto extends CustomerStatsDto {
  id: number;
  name: string;
  kana: string | null;
  prefecture: string | null;
  tags: string[];
  /** Wishes not yet done (e.g. "tell me when the blue one is back"). */
  openWishCount: number;
}

/** A deal as a search result or a line of a customer's history: the list row plus who bought it. */
export interface DealCardDto extends DealRowDto {
  customerId: number | null;
}

export interface WishDto {
  id: number;
  customerId: number;
  text: string;
  /** The buyer asked to be told (e.g. when the item is back in stock). */
  wantsNotice: boolean;
  dealId: number | null;
  createdAt: string;
  createdBy: number | null;
  doneAt: string | null;
  doneBy: number | null;
}

export interface IdentityDto {
  id: number;
  kind: IdentityKind;
  /** For platform ids only; null otherwise. */
  marketplace: Marketplace | null;
  /** As stored: digits for phones, "1540015:やまだはなこ" for name + postal code. */
  value: string;
  /** Readable form: "090-1234-5678", "〒154-0015 やまだはなこ". */
  display: string;
  createdAt: string;
}

export interface MergeDto {
  id: number;
  keepId: number;
  absorbedId: number;
  absorbedName: string;
  mergedAt: string;
  mergedBy: number | null;
  splitAt: string | null;
  /** False once split, or while the kept customer has itself been merged into another. */
  canSplit: boolean;
  /** What moved with the merge. */
  moved: { deals: number; identities: number; tags: number; wishes: number };
}

/** Everything the customer page shows. Complaint cases join this when the cases feature lands. */
export interface CustomerDto extends CustomerRowDto {
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  address: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Set when this customer was merged into another: the page should show that one instead. */
  mergedIntoId: number | null;
  identities: IdentityDto[];
  wishes: WishDto[];
  /** Newest first, every marketplace and year; at most `dealsLimit` of `dealCount`. */
  deals: DealCardDto[];
  dealsLimit: number;
  /** Merges into this customer (newest first), for "split again". */
  merges: MergeDto[];
}

export interface CustomerPageDto {
  rows: CustomerRowDto[];
  total: number;
}

export const duplicateReasons = ['platform', 'email', 'phone', 'name_postal', 'same_name'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** Two customers that may be one person, with why: shared identifiers first, then the same name. */
export interface DuplicatePairDto {
  a: CustomerRowDto;
  b: CustomerRowDto;
  reasons: DuplicateReason[];
  /** The shared values, readable ("090-1234-5678"). */
  shared: string[];
}

export interface MergeResultDto {
  merge: MergeDto;
  customer: CustomerDto;
}

export interface SplitResultDto {
  kept: CustomerDto;
  restored: CustomerDto;
}

export const customerSorts = ['lastPurchase', 'lifetimeValue', 'repeatCount', 'name'] as const;
export type CustomerSort = (typeof customerSorts)[number];

export const customerFilterInput = z
  .object({
    tag: tag.optional(),
    marketplace: z.enum(marketplaces).optional(),
    /** Only customers with two or more purchases. */
    repeatOnly: z.boolean().optional(),
    /** Name (kanji or kana), e-mail, phone…: the quick-lookup matching, applied to the list. */
    text: z.string().max(200).optional(),
  })
  .strict();
export type CustomerFilter = z.infer<typeof customerFilterInput>;

const customerPatch = z
  .object({
    name: label(100).optional(),
    kana: optionalText(100).optional(),
    email: z.union([z.literal(''), z.email().max(254)]).optional(),
    phone: phone.optional(),
    postalCode: postalCode.optional(),
    prefecture: optionalText(10).optional(),
    address: optionalText(300).optional(),
    notes: z.string().max(10_000).optional(),
    /** Replaces the customer's tags. */
    tags: z.array(tag).max(30).optional(),
  })
  .strict();

const wishText = label(500);

export const customerMethods = {
  'customers.list': query(
    z
      .object({
        filter: customerFilterInput.optional(),
        sort: z
          .object({ by: z.enum(customerSorts), dir: z.enum(['asc', 'desc']) })
          .strict()
          .optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    returns<CustomerPageDto>(),
  ),
  'customers.get': query(
    z.object({ id, dealsLimit: z.number().int().min(1).max(5_000).optional() }).strict(),
    returns<CustomerDto>(),
  ),
  /** Profile edits; an e-mail or phone number entered here also becomes an identity for matching. */
  'customers.update': command(z.object({ id, patch: customerPatch }).strict(), returns<CustomerDto>()),
  /** Detaches an identifier that does not belong to this buyer (e.g. a shared family phone). */
  'customers.removeIdentity': command(
    z.object({ customerId: id, identityId: id }).strict(),
    returns<CustomerDto>(),
  ),
  'customers.duplicates': query(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    returns<DuplicatePairDto[]>(),
  ),
  /** "Not the same person": the pair leaves the duplicates list for good. */
  'customers.dismissDuplicate': command(z.object({ aId: id, bId: id }).strict(), returns<{ ok: true }>()),
  /** Moves everything of `absorbId` (deals, identities, tags, wishes) to `keepId`; split undoes it exactly. */
  'customers.merge': command(z.object({ keepId: id, absorbId: id }).strict(), returns<MergeResultDto>()),
  'customers.split': command(z.object({ mergeId: id }).strict(), returns<SplitResultDto>()),
  'wishes.add': command(
    z
      .object({
        customerId: id,
        text: wishText,
        wantsNotice: z.boolean().optional(),
        dealId: id.optional(),
      })
      .strict(),
    returns<WishDto>(),
  ),
  'wishes.update': command(
    z
      .object({
        id,
        text: wishText.optional(),
        wantsNotice: z.boolean().optional(),
        /** true marks it done now (e.g. the buyer was told); false reopens it. */
        done: z.boolean().optional(),
      })
      .strict(),
    returns<WishDto>(),
  ),
  'wishes.remove': command(z.object({ id }).strict(), returns<{ id: number }>()),
};
