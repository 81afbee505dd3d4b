import { phoneField, postalField } from './common';
import { YUPRI_STANDARD_HEADER } from './headers';
import { referenceOf, tokyoDate, type LabelLayout } from './layout';
import { contentsSummary } from '../source';

/**
 * 日本郵便 ゆうプリR, 郵便・ゆうパック標準取込. Sellers often register their own フィルタ; the shop
 * profile's column order (any subset of the standard names, in any order) is written instead when set.
 * 住所 fields are 50 bytes each (速販 layout).
 */
export const yupri: LabelLayout = {
  format: 'yupri',
  carrier: 'japanpost',
  fileStem: 'yupri',
  header: (shop) => (shop.yupriColumns.length > 0 ? shop.yupriColumns : YUPRI_STANDARD_HEADER),
  sender(row, shop) {
    postalField(row, 'ご依頼主 郵便番号', shop.postalCode);
    row.lines(
      [
        ['ご依頼主 住所１', 50],
        ['ご依頼主 住所２', 50],
        ['ご依頼主 住所３', 50],
      ],
      [shop.address1, shop.address2],
      { unit: 'bytes', required: true },
    );
    row.text('ご依頼主 名称１', shop.name, { max: 50, unit: 'bytes', required: true });
    phoneField(row, 'ご依頼主 電話番号', shop.phone, { required: true });
  },
  deal(row, deal, { now }) {
    row.set('お客様側管理番号', referenceOf(deal));
    row.set('発送予定日', tokyoDate(now, 'yyyyMMdd'));
    row.set('郵便種別', /ゆうパケット/.test(deal.deliveryMethod ?? '') ? '9' : '0');
    row.set('保冷種別', '0');
    row.set('元／着払／代引', '0');
    postalField(row, 'お届け先 郵便番号', deal.postalCode);
    row.lines(
      [
        ['お届け先 住所１', 50],
        ['お届け先 住所２', 50],
        ['お届け先 住所３', 50],
      ],
      [`${deal.prefecture ?? ''}${deal.address1 ?? ''}`, deal.address2],
      { unit: 'bytes', required: true },
    );
    row.text('お届け先 名称１', deal.name, { max: 50, unit: 'bytes', required: true });
    phoneField(row, 'お届け先 電話番号', deal.phone);
    row.text('品名', contentsSummary(deal.items), {
      max: 50,
      unit: 'bytes',
      required: true,
      overflow: 'truncate',
    });
    row.set('個数', '1');
  },
};
