import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDto } from '../../../../shared/contract';
import { i18n, initI18n } from '../../i18n';
import { describeCustomerActivity, readableIdentity } from './customer-activity';

const entry = (action: string, detail: Record<string, unknown>): ActivityDto => ({
  id: 1,
  at: '2026-11-22T00:00:00Z',
  memberId: null,
  memberName: null,
  action,
  subjectType: 'customer',
  subjectId: 1,
  detail,
});

const say = (action: string, detail: Record<string, unknown>) =>
  describeCustomerActivity(entry(action, detail), i18n.t, () => undefined);

describe("a customer's history in words", () => {
  beforeAll(() => {
    initI18n();
  });

  it('merge and split say who moved and how many deals, in Japanese and English', async () => {
    await i18n.changeLanguage('ja');
    const merged = { mergeId: 3, absorbedName: 'Misaki Sato', moved: { deals: 4, identities: 2 } };
    expect(say('customer.merged', merged)).toBe('「Misaki Sato」さんを統合しました（取引 4 件が移動）');
    expect(say('customer.merged_into', { keepName: '佐藤 美咲' })).toBe('「佐藤 美咲」さんに統合されました');
    expect(say('customer.split', { dealsBack: 4, dealsStayed: 1 })).toBe(
      '統合を取り消して分割しました（取引 4 件が戻りました）',
    );
    await i18n.changeLanguage('en');
    expect(say('customer.merged', merged)).toBe('Merged "Misaki Sato" (4 deals moved)');
    await i18n.changeLanguage('ja');
  });

  it('tags added and removed are listed with the separator of the language', async () => {
    await i18n.changeLanguage('ja');
    expect(say('customer.updated', { fields: [], added: ['VIP', 'ギフト多め'], removed: ['要注意'] })).toBe(
      'タグ「VIP」「ギフト多め」を付けました / タグ「要注意」を外しました',
    );
    await i18n.changeLanguage('en');
    expect(say('customer.updated', { fields: ['notes'], added: ['VIP', 'ギフト多め'] })).toBe(
      'Changed contact details or notes / Tagged "VIP", "ギフト多め"',
    );
    await i18n.changeLanguage('ja');
  });

  it('wishes: done, reopened, edited', async () => {
    await i18n.changeLanguage('ja');
    expect(say('customer.wish_updated', { wishId: 1, done: true })).toBe('お願いを対応済みにしました');
    expect(say('customer.wish_updated', { wishId: 1, done: false })).toBe('お願いを未対応に戻しました');
    expect(say('customer.wish_updated', { wishId: 1, fields: ['text'] })).toBe('お願いを変更しました');
  });

  it('survives malformed details (an entry from another version) without throwing', async () => {
    await i18n.changeLanguage('ja');
    expect(say('customer.merged', { moved: 'x', absorbedName: 42 })).toBe(
      '「」さんを統合しました（取引 0 件が移動）',
    );
    expect(say('customer.updated', { added: 'VIP' })).toBe('連絡先・メモを変更しました');
    // Not a customer action: the shared wording, which still names the code.
    expect(say('something.new', {})).toContain('something.new');
  });

  it.each([
    ['phone', '0312345678', '03-1234-5678'],
    ['phone', '09012345678', '090-1234-5678'],
    ['name_postal', '1540015:やまだはなこ', '〒154-0015 やまだはなこ'],
    ['email', 'hanako@example.jp', 'hanako@example.jp'],
    ['name_postal', 'broken', 'broken'],
  ])('identifier %s %s reads as %s', (kind, value, text) => {
    expect(readableIdentity(kind, value)).toBe(text);
  });
});
