import { postalField } from './common';
import { CLICKPOST_HEADER } from './headers';
import type { LabelLayout } from './layout';
import { contentsSummary } from '../source';

/**
 * クリックポスト まとめ申込: 8 columns, at most 40 labels per file, address lines of 全角20 (40 bytes),
 * 内容品 at most 15 characters. The sender is the Click Post account itself, so there is no sender column,
 * and no reference column either: tracking comes back from the site, not a file.
 */
export const clickpost: LabelLayout = {
  format: 'clickpost',
  carrier: 'japanpost',
  fileStem: 'clickpost',
  header: () => CLICKPOST_HEADER,
  maxRowsPerFile: 40,
  deal(row, deal) {
    postalField(row, 'お届け先郵便番号', deal.postalCode);
    row.text('お届け先氏名', deal.name, { max: 40, unit: 'bytes', required: true });
    row.set('お届け先敬称', '様');
    row.lines(
      [
        ['お届け先住所1行目', 40],
        ['お届け先住所2行目', 40],
        ['お届け先住所3行目', 40],
        ['お届け先住所4行目', 40],
      ],
      [`${deal.prefecture ?? ''}${deal.address1 ?? ''}`, deal.address2],
      { unit: 'bytes', required: true },
    );
    row.text('内容品', contentsSummary(deal.items), {
      max: 15,
      unit: 'chars',
      required: true,
      overflow: 'truncate',
    });
  },
};
