import { phoneField, postalField } from './common';
import { YAMATO_B2_HEADER } from './headers';
import { referenceOf, tokyoDate, type LabelLayout } from './layout';
import { contentsSummary } from '../source';

/**
 * ヤマト B2クラウド 基本レイアウト. Limits from the carrier definition: 住所 64 半角 (32 全角), アパート
 * マンション名 32 半角, 名前 全角16, 品名 全角25. 取込開始行 = 2 in B2 (our header is row 1).
 */
export const yamatoB2: LabelLayout = {
  format: 'yamato-b2',
  carrier: 'yamato',
  fileStem: 'yamato-b2',
  header: () => YAMATO_B2_HEADER,
  sender(row, shop) {
    phoneField(row, 'ご依頼主電話番号', shop.phone, { required: true });
    postalField(row, 'ご依頼主郵便番号', shop.postalCode);
    row.lines(
      [
        ['ご依頼主住所', 64],
        ['ご依頼主アパートマンション', 32],
      ],
      [shop.address1, shop.address2],
      { unit: 'bytes', required: true },
    );
    row.text('ご依頼主名', shop.name, { max: 32, unit: 'bytes', required: true });
    row.set('請求先顧客コード', shop.yamatoCustomerCode);
    if (shop.yamatoCustomerCode === '') row.issue('請求先顧客コード', 'missing', 'error');
    row.set('運賃管理番号', shop.yamatoFreightNo || '01');
  },
  deal(row, deal, { now }) {
    row.set('お客様管理番号', referenceOf(deal));
    row.set('送り状種類', /コンパクト/.test(deal.deliveryMethod ?? '') ? '8' : '0');
    row.set('クール区分', '0');
    row.set('出荷予定日', tokyoDate(now, 'yyyy/MM/dd'));
    phoneField(row, 'お届け先電話番号', deal.phone);
    postalField(row, 'お届け先郵便番号', deal.postalCode);
    row.lines(
      [
        ['お届け先住所', 64],
        ['お届け先アパートマンション名', 32],
      ],
      [`${deal.prefecture ?? ''}${deal.address1 ?? ''}`, deal.address2],
      { unit: 'bytes', required: true },
    );
    row.text('お届け先名', deal.name, { max: 32, unit: 'bytes', required: true });
    row.set('敬称', '様');
    row.text('品名１', contentsSummary(deal.items), {
      max: 50,
      unit: 'bytes',
      required: true,
      overflow: 'truncate',
    });
    row.set('発行枚数', '1');
  },
};
