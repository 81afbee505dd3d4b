import { z } from 'zod';
import {
  aftercareStepKinds,
  aftercareUnits,
  type AftercareStep,
  type AftercareStepKind,
} from '../domain/aftercare';
import {
  caseCategories,
  caseEntryKinds,
  caseOptionKinds,
  caseSeverities,
  caseStates,
  MAX_FIRST_RESPONSE_HOURS,
  type CaseCategory,
  type CaseEntryKind,
  type CaseOptionKind,
  type CaseSeverity,
  type CaseState,
} from '../domain/cases';
import type { Marketplace } from '../domain/marketplaces';
import { command, query, returns } from './define';
import { id, label, noInput } from './fields';

const isoTime = z.iso.datetime({ offset: true });
const yen = z.number().int().min(0).max(1_000_000_000);
const longText = (max: number) => z.string().trim().max(max);

/** The deal a case is about, as it is now: a removed deal is still named, and said to be gone. */
export interface CaseDealDto {
  id: number | null;
  /** "marketplace:order number" when the case was linked. */
  ref: string | null;
  marketplace: Marketplace | null;
  externalId: string | null;
  /** open | closed | cancelled from the deal, or deleted when the deal no longer exists. */
  state: 'open' | 'closed' | 'cancelled' | 'deleted';
}

export interface CaseRowDto {
  id: number;
  category: CaseCategory;
  severity: CaseSeverity;
  summary: string;
  state: CaseState;
  assigneeId: number | null;
  customerName: string | null;
  deal: CaseDealDto | null;
  createdAt: string;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  /** The earliest open promise's due time, and how many open promises are already overdue. */
  nextPromiseDueAt: string | null;
  overduePromises: number;
}

export interface CaseEntryDto {
  id: number;
  at: string;
  kind: CaseEntryKind;
  text: string;
  memberId: number | null;
}

export interface PromiseDto {
  id: number;
  title: string;
  dueAt: string;
  estimate: boolean;
  assigneeId: number | null;
  state: 'open' | 'done' | 'cancelled';
  outcome: 'kept' | 'broken' | null;
  overdue: boolean;
  /** The due time was already past when the promise was recorded. */
  pastDueAtCreation: boolean;
  doneAt: string | null;
  doneBy: number | null;
  createdAt: string;
  createdBy: number | null;
}

export interface CaseOptionDto {
  id: number;
  kind: CaseOptionKind;
  amount: number | null;
  note: string;
  chosen: boolean;
  offeredAt: string;
  offeredBy: number | null;
}

export interface AftercareItemDto {
  id: number;
  stepNo: number;
  stepKind: AftercareStepKind;
  title: string;
  dueAt: string;
  state: 'open' | 'done' | 'cancelled';
  assigneeId: number | null;
  doneAt: string | null;
}

export interface CaseDto extends CaseRowDto {
  wish: string;
  customer: { id: number; name: string } | null;
  entries: CaseEntryDto[];
  promises: PromiseDto[];
  options: CaseOptionDto[];
  aftercare: AftercareItemDto[];
  aftercarePlanId: number | null;
  resolution: string;
  cost: number;
  improvement: string;
  resolvedAt: string | null;
  closedAt: string | null;
  /** States a member may move the case to now. */
  nextStates: CaseState[];
}

export interface CasePageDto {
  rows: CaseRowDto[];
  total: number;
}

export interface AftercarePlanDto {
  id: number;
  name: string;
  steps: AftercareStep[];
  isDefault: boolean;
}

export interface CaseSettingsDto {
  firstResponseHours: number;
}

/** Service figures for the dashboard ("measure it" in the field practice). Minutes and hours are numbers. */
export interface ServiceStatsDto {
  cases: number;
  openCases: number;
  firstResponse: { answered: number; medianMinutes: number | null; worstMinutes: number | null };
  /** Unanswered cases already past their first-response deadline. */
  firstResponseLate: number;
  promises: { settled: number; kept: number; keptPercent: number | null; overdue: number };
  resolution: { resolved: number; medianHours: number | null };
  /** Complainants (with a customer) who ordered again after their first case. */
  fanRate: { complainants: number; boughtAgain: number; percent: number | null };
}

export const aftercareStepInput = z
  .object({
    kind: z.enum(aftercareStepKinds),
    title: label(200),
    unit: z.enum(aftercareUnits),
    amount: z.number().int().min(1).max(3650),
  })
  .strict();

const casePatch = z
  .object({
    category: z.enum(caseCategories).optional(),
    severity: z.enum(caseSeverities).optional(),
    summary: label(500).optional(),
    wish: longText(2000).optional(),
    assigneeId: id.nullable().optional(),
    dealId: id.nullable().optional(),
    customerId: id.nullable().optional(),
    resolution: longText(5000).optional(),
    cost: yen.optional(),
    improvement: longText(5000).optional(),
    aftercarePlanId: id.nullable().optional(),
  })
  .strict();

export const caseMethods = {
  'cases.list': query(
    z
      .object({
        states: z.array(z.enum(caseStates)).max(caseStates.length).optional(),
        open: z.boolean().optional(),
        assigneeId: id.optional(),
        customerId: id.optional(),
        dealId: id.optional(),
        text: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    returns<CasePageDto>(),
  ),
  'cases.get': query(z.object({ id }).strict(), returns<CaseDto>()),
  'cases.create': command(
    z
      .object({
        dealId: id.optional(),
        customerId: id.optional(),
        category: z.enum(caseCategories),
        severity: z.enum(caseSeverities),
        summary: label(500),
        wish: longText(2000).optional(),
        assigneeId: id.nullable().optional(),
        /** The buyer's words that started it (a message or a call), the first line of the timeline. */
        firstEntry: z
          .object({ kind: z.enum(['message_in', 'call_in']), text: z.string().trim().min(1).max(20_000) })
          .strict()
          .optional(),
        aftercarePlanId: id.optional(),
      })
      .strict(),
    returns<CaseDto>(),
  ),
  'cases.update': command(z.object({ id, patch: casePatch }).strict(), returns<CaseDto>()),
  'cases.addEntry': command(
    z
      .object({
        caseId: id,
        kind: z.enum(caseEntryKinds),
        text: z.string().trim().min(1).max(20_000),
        /** When it happened, if not now (a call logged afterwards); never in the future. */
        at: isoTime.optional(),
      })
      .strict(),
    returns<CaseDto>(),
  ),
  'cases.move': command(z.object({ id, to: z.enum(caseStates) }).strict(), returns<CaseDto>()),
  'cases.addOption': command(
    z
      .object({
        caseId: id,
        kind: z.enum(caseOptionKinds),
        amount: yen.optional(),
        note: longText(500).optional(),
      })
      .strict(),
    returns<CaseDto>(),
  ),
  /** The buyer's choice among the options offered; null clears it. */
  'cases.chooseOption': command(
    z.object({ caseId: id, optionId: id.nullable() }).strict(),
    returns<CaseDto>(),
  ),
  'cases.removeOption': command(z.object({ caseId: id, optionId: id }).strict(), returns<CaseDto>()),
  'promises.create': command(
    z
      .object({
        caseId: id,
        title: label(300),
        dueAt: isoTime,
        /** Depends on someone else (supplier, carrier): say so, never state it as a fact. */
        estimate: z.boolean().optional(),
        assigneeId: id.nullable().optional(),
      })
      .strict(),
    returns<CaseDto>(),
  ),
  'promises.settle': command(
    z.object({ id, outcome: z.enum(['kept', 'broken']) }).strict(),
    returns<CaseDto>(),
  ),
  'cases.stats': query(noInput, returns<ServiceStatsDto>()),
  'cases.settings': query(noInput, returns<CaseSettingsDto>()),
  'cases.updateSettings': command(
    z.object({ firstResponseHours: z.number().int().min(1).max(MAX_FIRST_RESPONSE_HOURS) }).strict(),
    returns<CaseSettingsDto>(),
  ),
  'aftercare.plans': query(noInput, returns<AftercarePlanDto[]>()),
  'aftercare.savePlan': command(
    z
      .object({
        id: id.optional(),
        name: label(100),
        steps: z.array(aftercareStepInput).min(1).max(20),
        isDefault: z.boolean().optional(),
      })
      .strict(),
    returns<AftercarePlanDto>(),
  ),
  'aftercare.archivePlan': command(z.object({ id }).strict(), returns<{ id: number }>()),
};
