import { describe, expect, it } from 'vitest';
import { parseNaviPaste } from '../../../../shared/domain/navi-paste';
import {
  applyPaste,
  checkLocally,
  emptyDealForm,
  toCreateInput,
  type DealFormValues,
} from './deal-form-model';

const now = new Date('2024-11-20T03:00:00.000Z');

const page = `取引ナビ
本革 キーケース ブラウン
オークションID：z100200300
落札価格：3,800円
終了日時：11月17日 21時 5分
取引の状況
・出品者から発送の連絡がありました。
11月19日 10時 0分
・落札者から支払い完了の連絡がありました。
11月18日 9時 30分
お届け情報
氏名
佐藤\u3000花子 様
住所
〒150-0001
東京都渋谷区神宮前1-2-3
お届け方法
ゆうパケット 送料：230円`;

function filled(): DealFormValues {
  const form = emptyDealForm('mercari', now);
  form.externalId = 'm123';
  form.items[0]!.name = 'スツール';
  form.items[0]!.unitPrice = '１，５００円';
  return form;
}

describe('the new-deal form', () => {
  it('a pasted 取引ナビ page fills the form for review, steps done with their times', () => {
    const { values, filled: paths } = applyPaste(
      emptyDealForm('mercari', now),
      parseNaviPaste(page, now),
      now,
    );
    expect(values.marketplace).toBe('yahoo_auction');
    expect(values.externalId).toBe('z100200300');
    expect(values.orderedAt).toBe('2024-11-17T21:05');
    expect(values.items).toMatchObject([
      { name: '本革 キーケース ブラウン', unitPrice: '3800', quantity: '1' },
    ]);
    expect(values.shippingFee).toBe('230');
    expect(values.buyer.name).toBe('佐藤 花子');
    expect(values.shipTo).toMatchObject({ postalCode: '150-0001', prefecture: '東京都' });
    // 発送の連絡 implies contact and payment were done before it; each keeps its own time when shown.
    expect(values.completed.payment).toEqual({ done: true, at: '2024-11-18T09:30' });
    expect(values.completed.shipping).toEqual({ done: true, at: '2024-11-19T10:00' });
    expect(values.completed.contact.done).toBe(true);
    expect(values.completed.receipt.done).toBe(false);
    expect(paths).toContain('externalId');
    expect(paths).not.toContain('buyer.phone');
  });

  it('what was not recognised keeps what the user typed', () => {
    const typed = filled();
    typed.buyer.phone = '090-1111-2222';
    const { values } = applyPaste(typed, parseNaviPaste(page, now), now);
    expect(values.buyer.phone).toBe('090-1111-2222');
  });

  it('full-width yen, an empty fee and "same as buyer" become the contract input', () => {
    const form = filled();
    form.buyer.name = '高橋 実';
    form.buyer.phone = '090-1111-2222';
    form.fee = '';
    const input = toCreateInput(form);
    expect(input.items[0]).toEqual({ name: 'スツール', quantity: 1, unitPrice: 1500 });
    expect(input.fee).toBe(0);
    expect(input.shipTo).toEqual({ name: '高橋 実', phone: '090-1111-2222' });
    expect(checkLocally(input)).toEqual([]);
  });

  it('mistakes are named by their contract paths before anything is sent', () => {
    const form = filled();
    form.externalId = ' ';
    form.items[0]!.unitPrice = '12O0';
    form.items[0]!.quantity = '0';
    form.shipTo.postalCode = '150-001';
    form.buyer.email = 'takahashi@';
    form.buyer.name = 'x';
    const paths = checkLocally(toCreateInput(form)).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'externalId',
        'items.0.unitPrice',
        'items.0.quantity',
        'shipTo.postalCode',
        'buyer.email',
      ]),
    );
  });

  it('a step cannot be done before the order', () => {
    const form = filled();
    form.completed.payment = { done: true, at: '2024-11-01T00:00' };
    expect(checkLocally(toCreateInput(form)).map((i) => i.path)).toEqual(['completed.0.at']);
  });
});
