import { phoneField, postalField } from './common';
import { EHIDEN3_HEADER } from './headers';
import { referenceOf, tokyoDate, type LabelLayout } from './layout';
import { contentsSummary } from '../source';

/**
 * 佐川急便 e飛伝Ⅲ (74 columns). Address 16 全角 × 3 lines, 名称 16 全角, phone 14 characters.
 * Our deal id goes into お客様管理番号 so the 出荷実績 file can be matched back.
 */
export const ehiden: LabelLayout = {
  format: 'ehiden',
  carrier: 'sagawa',
  fileStem: 'ehiden3',
  header: () => EHIDEN3_HEADER,
  sender(row, shop) {
    phoneField(row, 'ご依頼主電話番号', shop.phone, { required: true, max: 14 });
    postalField(row, 'ご依頼主郵便番号', shop.postalCode);
    row.lines(
      [
        ['ご依頼主住所１', 32],
        ['ご依頼主住所２', 32],
      ],
      [shop.address1, shop.address2],
      { unit: 'bytes', required: true },
    );
    row.text('ご依頼主名称１', shop.name, { max: 32, unit: 'bytes', required: true });
  },
  deal(row, deal, { now }) {
    phoneField(row, 'お届け先電話番号', deal.phone, { max: 14 });
    postalField(row, 'お届け先郵便番号', deal.postalCode);
    row.lines(
      [
        ['お届け先住所１', 32],
        ['お届け先住所２', 32],
        ['お届け先住所３', 32],
      ],
      [`${deal.prefecture ?? ''}${deal.address1 ?? ''}`, deal.address2],
      { unit: 'bytes', required: true },
    );
    row.text('お届け先名称１', deal.name, { max: 32, unit: 'bytes', required: true });
    row.set('お客様管理番号', referenceOf(deal));
    row.text('品名１', contentsSummary(deal.items), {
      max: 32,
      unit: 'bytes',
      required: true,
      overflow: 'truncate',
    });
    row.set('出荷個数', '1');
    row.set('元着区分', '1');
    row.set('出荷日', tokyoDate(now, 'yyyyMMdd'));
  },
};
