import { describe, expect, it } from 'vitest';
import { encodeCp932 } from '../../../electron/backend/labels/cp932';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';
import { decodeCp932, parseRows, setUpShop } from './support';

const open = useBackend();

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\r\n') + '\r\n';
const b64 = (text: string, cp932 = true) =>
  (cp932 ? encodeCp932(text) : Buffer.from(text)).toString('base64');

describe('tracking numbers back from the carrier', () => {
  it('round trip: B2 labels for 50 deals, the 発行済データ with 伝票番号, all 50 marked shipped', async () => {
    const backend = await open();
    await setUpShop(backend);
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push((await createDeal(backend, { externalId: `rt${i}` })).id);
    const exported = await value(backend.call('labels.export', { format: 'yamato-b2', dealIds: ids }));
    expect(exported.exported).toHaveLength(50);
    const rows = parseRows(decodeCp932(Buffer.from(exported.files[0]!.contentBase64, 'base64')));
    // B2 gives the same layout back with 伝票番号 (column 4) filled in.
    const issued = rows.map((row, i) =>
      i === 0 ? row : row.map((v, c) => (c === 3 ? `4000${String(i).padStart(8, '0')}` : v)),
    );
    const result = await value(
      backend.call('tracking.import', { fileName: 'B2発行済.csv', contentBase64: b64(csv(issued)) }),
    );
    expect(result).toMatchObject({ format: 'yamato-b2-issued', carrier: 'yamato', rows: 50, unmatched: [] });
    expect(result.marked).toHaveLength(50);
    for (const [i, id] of ids.entries()) {
      const deal = await value(backend.call('deals.get', { id }));
      const shipping = deal.steps.find((s) => s.kind === 'shipping')!;
      expect(shipping).toMatchObject({
        state: 'done',
        carrier: 'yamato',
        trackingNumber: `4000${String(i + 1).padStart(8, '0')}`,
      });
    }
    // Importing the same file again changes nothing.
    const again = await value(
      backend.call('tracking.import', { fileName: 'B2発行済.csv', contentBase64: b64(csv(issued)) }),
    );
    expect(again).toMatchObject({ marked: [], unchanged: 50 });
  });

  it('reads ゆうプリR 発送履歴 and reports rows that match no deal', async () => {
    const backend = await open();
    const a = await createDeal(backend);
    const b = await createDeal(backend);
    const file = csv([
      [
        'お客様側管理番号',
        'お問い合わせ番号',
        '仮引受確定作業年月日',
        '配送完了作業年月日',
        '配達ステータス集約コード',
        '配達ステータス明細コード',
      ],
      [String(a.id), '123456789012', '20261121', '', '01', '001'],
      ['99999', '223456789012', '20261121', '', '01', '001'],
      ['', '323456789012', '20261121', '', '01', '001'],
      [String(b.id), '', '20261121', '', '01', '001'],
    ]);
    const result = await value(
      backend.call('tracking.import', { fileName: '発送履歴.csv', contentBase64: b64(file) }),
    );
    expect(result.format).toBe('yupri-history');
    expect(result.marked).toEqual([
      { dealId: a.id, externalId: a.externalId, trackingNumber: '123456789012' },
    ]);
    expect(result.unmatched.map((u) => [u.line, u.reason])).toEqual([
      [3, 'unknown_deal'],
      [4, 'no_reference'],
      [5, 'no_tracking_number'],
    ]);
    const deal = await value(backend.call('deals.get', { id: a.id }));
    expect(deal.steps.find((s) => s.kind === 'shipping')).toMatchObject({
      state: 'done',
      carrier: 'japanpost',
    });
  });

  it('reads e飛伝 出荷実績 (UTF-8 too) and leaves a cancelled deal alone', async () => {
    const backend = await open();
    const a = await createDeal(backend);
    const c = await createDeal(backend);
    await value(backend.call('deals.cancel', { id: c.id }));
    const file = csv([
      ['お問合せ送り状No', '出荷日', 'お客様管理番号', 'お届け先名称１'],
      ['5001-2345-6789', '20261121', String(a.id), '山田 花子'],
      ['5001-2345-6790', '20261121', String(c.id), '山田 花子'],
    ]);
    const result = await value(
      backend.call('tracking.import', { fileName: '出荷実績.csv', contentBase64: b64(file, false) }),
    );
    expect(result).toMatchObject({ format: 'ehiden-results', carrier: 'sagawa' });
    expect(result.marked.map((m) => m.dealId)).toEqual([a.id]);
    expect(result.unmatched).toEqual([
      expect.objectContaining({ reference: String(c.id), reason: 'cancelled' }),
    ]);
  });

  it.each([
    ['binary', Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]).toString('base64')],
    ['empty', ''],
    ['an order export', b64('注文番号,商品名\r\n1,マフラー\r\n')],
    ['garbage text', b64('🙂'.repeat(5000), false)],
  ])('refuses %s with a clear error and writes nothing', async (_name, contentBase64) => {
    const backend = await open();
    await createDeal(backend);
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('tracking.import', { fileName: 'x.csv', contentBase64 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('treats an overlong tracking value as a wrong column, not a number', async () => {
    const backend = await open();
    const a = await createDeal(backend);
    const file = csv([
      ['お客様側管理番号', 'お問い合わせ番号'],
      [String(a.id), '9'.repeat(500)],
    ]);
    const result = await value(
      backend.call('tracking.import', { fileName: 'h.csv', contentBase64: b64(file) }),
    );
    expect(result.unmatched).toEqual([expect.objectContaining({ reason: 'bad_tracking_number' })]);
    expect(result.marked).toEqual([]);
  });
});
