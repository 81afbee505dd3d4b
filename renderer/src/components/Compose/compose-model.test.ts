import { describe, expect, it } from 'vitest';
import type { DealDto, TemplateDto } from '../../../../shared/contract';
import { fillTemplate } from '../../../../shared/domain/replies';
import {
  channelFor,
  checkContext,
  initialFreeValues,
  replyValues,
  suggestedTemplate,
  templatesFor,
  usedFreeKeys,
} from './compose-model';

const step = (kind: string, state: string, extra: object = {}) => ({
  kind,
  state,
  assigneeId: null,
  dueAt: null,
  overdue: false,
  doneAt: null,
  doneBy: null,
  carrier: null,
  trackingNumber: null,
  ...extra,
});

const deal = {
  id: 1,
  marketplace: 'yahoo_auction',
  externalId: 'x123',
  total: 3030,
  itemsTotal: 2800,
  shippingFee: 230,
  buyerName: '山田 花子',
  customer: { id: 1, name: '山田 花子 様', kana: null, email: null, phone: null },
  shipTo: { name: '山田 花子' },
  items: [{ id: 1, lineNo: 1, name: 'コースター', sku: null, quantity: 2, unitPrice: 1400 }],
  steps: [
    step('contact', 'done'),
    step('payment', 'done', { dueAt: '2026-11-24T14:59:00Z' }),
    step('shipping', 'todo', {
      dueAt: '2026-11-26T15:00:00Z',
      carrier: 'yamato',
      trackingNumber: '1234-5678-9012',
    }),
  ],
} as unknown as DealDto;

const tpl = (id: string, purpose: string): TemplateDto =>
  ({
    id,
    purpose,
    marketplace: null,
    name: id,
    body: '',
    isDefault: true,
    edited: false,
    defaultKey: id,
    updatedAt: null,
  }) as TemplateDto;

describe('compose model', () => {
  it('fills a shipping notice from the deal with one 様 and the Tokyo shipping date', () => {
    const free = initialFreeValues(deal);
    expect(free).toMatchObject({
      shipDate: '2026-11-27',
      trackingNumber: '1234-5678-9012',
      paymentDeadline: '2026-11-24',
    });
    const values = replyValues(deal, { shopName: 'はなまる', signature: '' }, free);
    const { text, missing } = fillTemplate(
      '{{お客様名}}\n{{商品名}} {{お支払い金額}} {{配送業者}} {{追跡番号}} {{署名}}',
      values,
    );
    expect(text).toBe('山田 花子様\nコースター ×2 3,030円 ヤマト運輸 1234-5678-9012 【署名】');
    expect(missing.map((m) => m.key)).toEqual(['signature']);
  });

  it('takes the case facts: options, improvement and the promised date', () => {
    const free = initialFreeValues(null, {
      complaint: true,
      options: ['交換', '返金'],
      improvement: '検品を二人で行うようにいたしました。',
      promisedDate: '2026-11-26',
    });
    expect(free).toEqual({
      options: '交換\n返金',
      improvement: '検品を二人で行うようにいたしました。',
      replyDate: '2026-11-26',
    });
    expect(fillTemplate('{{ご提案内容}}', replyValues(null, undefined, free)).text).toBe('1. 交換\n2. 返金');
  });

  it('asks only for the free values a template uses', () => {
    expect(usedFreeKeys('{{お客様名}} {{お届け予定日}} {{追跡案内}} {{お届け予定日}}')).toEqual([
      'deliveryDate',
      'trackingNumber',
    ]);
  });

  it('picks the channel, the templates and the suggested one', () => {
    expect(channelFor('yahoo_auction')).toBe('navi');
    expect(channelFor('mercari')).toBe('mercari');
    expect(channelFor('rakuten')).toBe('email');
    const all = [
      tpl('d:won_payment', 'won_payment'),
      tpl('d:shipped', 'shipped'),
      tpl('d:complaint_ack', 'complaint_ack'),
    ];
    expect(templatesFor(all, undefined, false).map((t) => t.id)).toEqual([
      'd:won_payment',
      'd:shipped',
      'd:complaint_ack',
    ]);
    expect(templatesFor(all, undefined, true).map((t) => t.id)).toEqual(['d:complaint_ack']);
    expect(templatesFor(all, ['complaint_ack', 'shipped'], false).map((t) => t.id)).toEqual([
      'd:shipped',
      'd:complaint_ack',
    ]);
    expect(suggestedTemplate(all, deal)?.id).toBe('d:shipped');
  });

  it('builds the checker context from the case, or from the template purpose', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(checkContext(undefined, 'navi', 'complaint_ack', now)).toMatchObject({
      complaint: true,
      channel: 'navi',
    });
    expect(checkContext(undefined, 'email', 'shipped', now)).toMatchObject({ complaint: false });
    expect(
      checkContext(
        { complaint: true, optionsOffered: true, loggedAt: '2026-11-20T00:00:00Z' },
        'email',
        null,
        now,
      ),
    ).toMatchObject({ complaint: true, optionsOffered: true, caseLoggedAt: '2026-11-20T00:00:00Z' });
  });
});
