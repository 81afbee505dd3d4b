import { describe, expect, it } from 'vitest';
import { classifyStatusLine } from '../../../shared/domain/navi-paste/status';

describe('classifyStatusLine', () => {
  it.each([
    ['・落札者からお届け情報が送信されました。', 'address_sent'],
    ['お届け情報', 'address_sent'],
    ['・落札者から支払い完了の連絡がありました。', 'paid'],
    ['支払い完了', 'paid'],
    ['支払完了', 'paid'],
    ['落札者が支払いを完了しました', 'paid'],
    ['支払い済み', 'paid'],
    ['・出品者から発送の連絡がありました。', 'shipped'],
    ['発送連絡済み', 'shipped'],
    ['発送済み', 'shipped'],
    ['商品を発送しました', 'shipped'],
    ['・落札者から受け取り連絡がありました。', 'received'],
    ['受取連絡', 'received'],
    ['受け取り済み', 'received'],
    ['・出品者により取引を中止しました。', 'cancelled'],
    ['この取引はキャンセルされました', 'cancelled'],
    ['取引がキャンセルされました', 'cancelled'],
  ])('%j → %s', (line, expected) => {
    expect(classifyStatusLine(line, false)).toBe(expected);
  });

  it.each([
    ['取引中止', 'cancelled'],
    ['削除済み', 'cancelled'],
    ['出品者により削除されました', 'cancelled'],
    ['取引キャンセル', 'cancelled'],
  ])('inside the 取引の状況 block only: %j → %s', (line, expected) => {
    expect(classifyStatusLine(line, true)).toBe(expected);
    expect(classifyStatusLine(line, false)).toBeNull();
  });

  it.each([
    // Steps not yet done, the seller's next action, help links and buttons.
    '支払い待ち',
    'お届け情報の入力待ちです',
    '発送連絡',
    '発送連絡をしてください',
    '受け取り連絡をお待ちください',
    '未発送',
    '発送の連絡について',
    '受け取り連絡とは',
    '支払い期限: 12月30日',
    'メッセージを削除',
    '取引を中止する',
    'ヘルプ',
    '',
  ])('%j is no state', (line) => {
    expect(classifyStatusLine(line, true)).toBeNull();
  });
});
