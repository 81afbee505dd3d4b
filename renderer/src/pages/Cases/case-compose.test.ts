import { describe, expect, it } from 'vitest';
import type { CaseDto } from '../../../../shared/contract';
import type { CaseState } from '../../../../shared/domain/cases';
import { defaultTemplates, fillTemplate, type TemplatePurpose } from '../../../../shared/domain/replies';
import { initialFreeValues, replyValues } from '../../components/Compose/compose-model';
import { composeContextFor, optionText, purposeForCase } from './case-compose';

const baseCase: CaseDto = {
  id: 7,
  category: 'damaged',
  severity: 'medium',
  summary: '割れて届いた',
  state: 'received',
  assigneeId: null,
  customerName: '高橋 美咲',
  deal: null,
  createdAt: '2026-11-20T01:00:00.000Z',
  firstResponseDueAt: '2026-11-21T01:00:00.000Z',
  firstRespondedAt: null,
  nextPromiseDueAt: null,
  overduePromises: 0,
  wish: '',
  customer: null,
  entries: [],
  promises: [],
  options: [],
  aftercare: [],
  aftercarePlanId: null,
  resolution: '',
  cost: 0,
  improvement: '',
  resolvedAt: null,
  closedAt: null,
  nextStates: [],
};
const kase = (patch: Partial<CaseDto>): CaseDto => ({ ...baseCase, ...patch });

const option = (kind: CaseDto['options'][number]['kind'], amount: number | null, note = '') => ({
  id: Math.random(),
  kind,
  amount,
  note,
  chosen: false,
  offeredAt: '2026-11-20T02:00:00.000Z',
  offeredBy: null,
});
const aftercareItem = (
  stepNo: number,
  stepKind: 'checkin' | 'message' | 'thanks',
  state: 'open' | 'done',
) => ({
  id: stepNo,
  stepNo,
  stepKind,
  title: stepKind,
  dueAt: '2026-12-01T01:00:00.000Z',
  state,
  assigneeId: null,
  doneAt: null,
});
const promise = (dueAt: string, state: 'open' | 'done') => ({
  id: Math.random(),
  title: 'お電話でご報告',
  dueAt,
  estimate: false,
  assigneeId: null,
  state,
  outcome: null,
  overdue: false,
  pastDueAtCreation: false,
  doneAt: null,
  doneBy: null,
  createdAt: '2026-11-20T01:00:00.000Z',
  createdBy: null,
});

describe('purposeForCase', () => {
  it.each<[CaseState, TemplatePurpose]>([
    ['received', 'complaint_ack'],
    ['investigating', 'complaint_update'],
    ['proposed', 'complaint_proposal'],
    ['agreed', 'complaint_resolved'],
    ['resolved', 'complaint_resolved'],
  ])('a case in %s starts with %s', (state, purpose) => {
    expect(purposeForCase(kase({ state }))).toBe(purpose);
  });

  it('in after-care, the message of the first open step', () => {
    const aftercare = [
      aftercareItem(2, 'message', 'open'),
      aftercareItem(1, 'checkin', 'done'),
      aftercareItem(3, 'thanks', 'open'),
    ];
    expect(purposeForCase(kase({ state: 'aftercare', aftercare }))).toBe('aftercare_half_year');
    const allDone = aftercare.map((a) => ({ ...a, state: 'done' as const }));
    expect(purposeForCase(kase({ state: 'closed', aftercare: allDone }))).toBe('aftercare_year');
    expect(purposeForCase(kase({ state: 'closed' }))).toBe('complaint_resolved');
  });
});

describe('composeContextFor', () => {
  it('numbers the case options in Japanese with amounts and notes, and marks them offered', () => {
    const options = [option('partial_refund', 1500, '送料分'), option('reship', null)];
    const context = composeContextFor(kase({ state: 'proposed', options }));
    expect(context.optionsOffered).toBe(true);
    expect(context.options).toEqual(['一部返金（1,500円）：送料分', '再送']);
    const body = defaultTemplates.find((t) => t.key === 'complaint_proposal')!.body;
    const filled = fillTemplate(
      body,
      replyValues(null, undefined, initialFreeValues(null, context), context),
    );
    expect(filled.text).toContain('1. 一部返金（1,500円）：送料分\n2. 再送');
    expect(filled.text.startsWith('高橋 美咲様\n')).toBe(true);
  });

  it('a case with no options has offered none (the checker then flags demands on the buyer)', () => {
    expect(composeContextFor(kase({})).optionsOffered).toBe(false);
    expect(optionText(option('gift', 0, '  '))).toBe('お詫びの品（0円）');
  });

  it('takes the earliest open promise as the promised date, ignoring kept ones', () => {
    const promises = [
      promise('2026-11-19T09:00:00.000Z', 'done'),
      promise('2026-11-25T09:00:00.000Z', 'open'),
      promise('2026-11-22T09:00:00.000Z', 'open'),
    ];
    const context = composeContextFor(kase({ promises }));
    expect(context.promisedDate).toBe('2026-11-22T09:00:00.000Z');
    expect(initialFreeValues(null, context).replyDate).toBe('2026-11-22');
  });

  it('prefers the linked customer as the buyer and fills the improvement into the thank-you', () => {
    const context = composeContextFor(
      kase({
        state: 'aftercare',
        customer: { id: 3, name: '高橋 美咲 様' },
        improvement: '  緩衝材を二重にしました  ',
        aftercare: [aftercareItem(3, 'thanks', 'open')],
      }),
    );
    expect(context.purpose).toBe('aftercare_year');
    expect(context.buyerName).toBe('高橋 美咲 様');
    const body = defaultTemplates.find((t) => t.key === 'aftercare_year')!.body;
    const filled = fillTemplate(
      body,
      replyValues(null, undefined, initialFreeValues(null, context), context),
    );
    expect(filled.text).toContain('緩衝材を二重にしました');
    expect(filled.text).not.toContain('様様');
  });
});
