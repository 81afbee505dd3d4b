import { z } from 'zod';
import { marketplaces, type Marketplace } from '../domain/marketplaces';
import {
  carriers,
  dealStates,
  stepKinds,
  stepStates,
  type Carrier,
  type DealState,
  type StepKind,
  type StepState,
} from '../domain/steps';
import type { Workflow } from '../domain/workflows';
import { command, query, returns } from './define';
import { id, label } from './fields';

const yen = z.number().int().min(0).max(1_000_000_000);
const isoTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().max(max).optional();
/** Accepts 1234567, 123-4567, full-width digits and 〒; stored as seven digits. */
const postalCode = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/[〒\s\-‐‑‒–—―−ー]/g, ''))
  .pipe(z.string().regex(/^\d{7}$/, { message: 'A postal code has 7 digits' }));
const phone = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー()（）]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, { message: 'A phone number has 6 to 15 digits' }));
const tag = label(30);

export const itemInput = z
  .object({
    name: label(200),
    sku: optionalText(100),
    quantity: z.number().int().min(1).max(100_000),
    unitPrice: yen,
  })
  .strict();

export const shipToInput = z
  .object({
    name: optionalText(100),
    kana: optionalText(100),
    postalCode: postalCode.optional(),
    prefecture: optionalText(10),
    address1: optionalText(200),
    address2: optionalText(200),
    phone: phone.optional(),
  })
  .strict();

export const buyerInput = z
  .object({
    name: label(100),
    kana: optionalText(100),
    email: z.email().max(254).optional(),
    phone: phone.optional(),
    handle: optionalText(100),
  })
  .strict();

const dealFields = {
  marketplace: z.enum(marketplaces),
  externalId: label(100),
  orderedAt: isoTime,
  items: z.array(itemInput).min(1).max(200),
  shippingFee: yen,
  fee: yen,
  customerId: id.optional(),
  buyer: buyerInput.optional(),
  shipTo: shipToInput,
  deliveryMethod: optionalText(100),
  notes: z.string().max(10_000).optional(),
  tags: z.array(tag).max(20).optional(),
};

export const dealCreateInput = z
  .object({
    ...dealFields,
    /** Steps already done when the deal is entered (e.g. 取引ナビ says 支払い完了). */
    completed: z
      .array(z.object({ kind: z.enum(stepKinds), at: isoTime }).strict())
      .max(5)
      .optional(),
  })
  .strict();

export const dealPatchInput = z
  .object({
    orderedAt: dealFields.orderedAt.optional(),
    items: dealFields.items.optional(),
    shippingFee: yen.optional(),
    fee: yen.optional(),
    customerId: id.nullable().optional(),
    shipTo: shipToInput.optional(),
    deliveryMethod: z.string().trim().max(100).optional(),
    notes: z.string().max(10_000).optional(),
    tags: dealFields.tags,
  })
  .strict();

export const savedViews = ['awaiting_payment', 'awaiting_shipping', 'mine', 'overdue'] as const;
export type SavedView = (typeof savedViews)[number];

export const dealFilterInput = z
  .object({
    view: z.enum(savedViews).optional(),
    marketplaces: z.array(z.enum(marketplaces)).max(marketplaces.length).optional(),
    dealStates: z.array(z.enum(dealStates)).max(dealStates.length).optional(),
    step: z
      .object({ kind: z.enum(stepKinds), state: z.enum(stepStates) })
      .strict()
      .optional(),
    overdue: z.boolean().optional(),
    /** A member's open steps, or 'unassigned': open steps nobody has taken. */
    assigneeId: z.union([id, z.literal('unassigned')]).optional(),
    orderedFrom: isoTime.optional(),
    orderedTo: isoTime.optional(),
    text: z.string().max(200).optional(),
    tag: tag.optional(),
  })
  .strict();
export type DealFilter = z.infer<typeof dealFilterInput>;

export const dealSorts = ['orderedAt', 'total', 'nextDue'] as const;

export interface StepDto {
  kind: StepKind;
  state: StepState;
  assigneeId: number | null;
  dueAt: string | null;
  overdue: boolean;
  doneAt: string | null;
  doneBy: number | null;
  carrier: Carrier | null;
  trackingNumber: string | null;
}

export interface DealRowDto {
  id: number;
  marketplace: Marketplace;
  externalId: string;
  orderedAt: string;
  state: DealState;
  total: number;
  buyerName: string | null;
  /** The first item line's name; the UI words "and N more" from itemCount in its own language. */
  firstItemName: string | null;
  /** The same in Japanese ("名前 他N点"), for the CLI and search cards. */
  itemSummary: string;
  itemCount: number;
  nextDueAt: string | null;
  overdue: boolean;
  steps: StepDto[];
  tags: string[];
}

export interface DealItemDto {
  id: number;
  lineNo: number;
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
}

export interface DealDto extends DealRowDto {
  itemsTotal: number;
  shippingFee: number;
  fee: number;
  customer: {
    id: number;
    name: string;
    kana: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  shipTo: {
    name: string | null;
    kana: string | null;
    postalCode: string | null;
    prefecture: string | null;
    address1: string | null;
    address2: string | null;
    phone: string | null;
  };
  deliveryMethod: string | null;
  notes: string;
  items: DealItemDto[];
  editedFields: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DealPageDto {
  rows: DealRowDto[];
  /** Matching deals, counted up to 1,000 (a million cannot be counted within a page's time). */
  total: number;
  /** True when more than `total` deals match: the list says "1,000件以上" and grows as it is scrolled. */
  totalCapped: boolean;
}

export interface DealIdsDto {
  ids: number[];
  /** True when more deals match than were returned. */
  more: boolean;
}

export interface BulkResultDto {
  updated: number;
  /** Deals left alone, with the reason (already done, cancelled...). */
  skipped: { dealId: number; reason: string }[];
}

export interface TaskDto {
  dealId: number;
  marketplace: Marketplace;
  externalId: string;
  buyerName: string | null;
  itemSummary: string;
  /** As on DealRowDto: the UI words "and N more" in its own language. */
  firstItemName: string | null;
  itemCount: number;
  kind: StepKind;
  dueAt: string | null;
  overdue: boolean;
  assigneeId: number | null;
}

export interface TodayDto {
  memberId: number | null;
  overdue: TaskDto[];
  dueToday: TaskDto[];
  counts: Record<StepKind, { overdue: number; today: number }>;
  family: { memberId: number | null; overdue: number; today: number; open: number }[];
}

const dealSortInput = z
  .object({ by: z.enum(dealSorts), dir: z.enum(['asc', 'desc']) })
  .strict()
  .optional();

const bulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('markPaid') }).strict(),
  z
    .object({
      type: z.literal('markShipped'),
      carrier: z.enum(carriers).optional(),
      /** Tracking number per deal id (as a string key, since it crosses JSON). */
      tracking: z.record(z.string().regex(/^\d+$/), z.string().trim().min(1).max(40)).optional(),
    })
    .strict(),
  z.object({ type: z.literal('assign'), kind: z.enum(stepKinds), assigneeId: id.nullable() }).strict(),
  z.object({ type: z.literal('addTag'), tag }).strict(),
  z.object({ type: z.literal('removeTag'), tag }).strict(),
]);

export const workflowStepInput = z
  .object({
    kind: z.enum(stepKinds),
    enabled: z.boolean(),
    dueHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .nullable(),
    anchor: z.enum(['ordered', ...stepKinds]),
    assigneeId: id.nullable(),
  })
  .strict();

export const dealMethods = {
  'deals.list': query(
    z
      .object({
        filter: dealFilterInput.optional(),
        sort: dealSortInput,
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    returns<DealPageDto>(),
  ),
  /** "Select all matching": ids in list order, at most `limit` (the bulk actions' maximum). */
  'deals.ids': query(
    z
      .object({
        filter: dealFilterInput.optional(),
        sort: dealSortInput,
        limit: z.number().int().min(1).max(5_000),
      })
      .strict(),
    returns<DealIdsDto>(),
  ),
  'deals.get': query(z.object({ id }).strict(), returns<DealDto>()),
  'deals.create': command(dealCreateInput, returns<DealDto>()),
  'deals.update': command(z.object({ id, patch: dealPatchInput }).strict(), returns<DealDto>()),
  'deals.cancel': command(
    z.object({ id, reason: z.string().trim().max(500).optional() }).strict(),
    returns<DealDto>(),
  ),
  'deals.reopen': command(z.object({ id }).strict(), returns<DealDto>()),
  'steps.update': command(
    z
      .object({
        dealId: id,
        kind: z.enum(stepKinds),
        state: z.enum(stepStates).optional(),
        assigneeId: id.nullable().optional(),
        dueAt: isoTime.nullable().optional(),
        carrier: z.enum(carriers).nullable().optional(),
        trackingNumber: z.string().trim().max(40).nullable().optional(),
      })
      .strict(),
    returns<DealDto>(),
  ),
  'deals.bulk': command(
    z.object({ dealIds: z.array(id).min(1).max(5_000), action: bulkAction }).strict(),
    returns<BulkResultDto>(),
  ),
  'workflows.list': query(z.object({}).strict(), returns<Record<Marketplace, Workflow>>()),
  'workflows.update': command(
    z
      .object({
        marketplace: z.enum(marketplaces),
        steps: z.array(workflowStepInput).length(stepKinds.length),
      })
      .strict(),
    returns<Workflow>(),
  ),
  'today.get': query(z.object({ memberId: id.optional() }).strict(), returns<TodayDto>()),
};
