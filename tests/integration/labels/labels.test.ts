import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelFormats, type LabelExportDto, type LabelFormat } from '../../../shared/contract';
import { YUPRI_STANDARD_HEADER } from '../../../electron/backend/labels/formats';
import { createDeal, value } from '../../support/deals';
import { useBackend } from '../../support/temp';
import { decodeCp932, goodDeals, parseRows, setUpShop } from './support';

const open = useBackend();
const goldenDir = path.resolve(__dirname, '../../fixtures/labels');
const columns: Record<LabelFormat, number> = { 'yamato-b2': 95, yupri: 117, clickpost: 8, ehiden: 74 };

async function exportLabels(
  format: LabelFormat,
  dealIds: number[],
  backend: Awaited<ReturnType<typeof open>>,
) {
  return value(backend.call('labels.export', { format, dealIds }));
}

const fileBytes = (result: LabelExportDto, i = 0) => Buffer.from(result.files[i]!.contentBase64, 'base64');

describe('label files', () => {
  it.each(labelFormats)('%s matches its golden file byte for byte', async (format) => {
    const backend = await open();
    await setUpShop(backend);
    const ids = await goodDeals(backend);
    const result = await exportLabels(format, ids, backend);
    expect(result.exported).toEqual(ids);
    expect(result.files).toHaveLength(1);
    const bytes = fileBytes(result);
    const golden = path.join(goldenDir, `${format}.csv`);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, bytes);
    expect(bytes.equals(fs.readFileSync(golden))).toBe(true);
  });

  it.each(labelFormats)(
    '%s is CP932 with CRLF, fully quoted, one row per deal, fixed columns',
    async (format) => {
      const backend = await open();
      await setUpShop(backend);
      const ids = await goodDeals(backend);
      const bytes = fileBytes(await exportLabels(format, ids, backend));
      // Not UTF-8: the multi-byte names must be Shift_JIS byte pairs.
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = decodeCp932(bytes);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = text.split('\r\n').slice(0, -1);
      expect(lines).toHaveLength(1 + ids.length);
      for (const line of lines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
      const rows = parseRows(text);
      for (const row of rows) expect(row).toHaveLength(columns[format]);
      // One label per deal even for three items: the contents say "他2点".
      expect(text).toContain('陶器のマグカップ 他2点');
      // The deal id is the reference column (not offered by Click Post).
      const refColumn = {
        'yamato-b2': 'お客様管理番号',
        yupri: 'お客様側管理番号',
        ehiden: 'お客様管理番号',
      } as const;
      if (format !== 'clickpost') {
        const at = rows[0]!.indexOf(refColumn[format]);
        expect(rows.slice(1).map((r) => Number(r[at]))).toEqual(ids);
      }
      // A quote and a comma inside a name stay inside their field.
      expect(text).toContain('"佐藤 ""さっちゃん"", 幸子"');
    },
  );

  it('writes Japanese as CP932 bytes (お = 0x82 0xa8) and 髙 as 高 with a warning', async () => {
    const backend = await open();
    await setUpShop(backend);
    const ids = await goodDeals(backend);
    const result = await exportLabels('yamato-b2', ids, backend);
    const bytes = fileBytes(result);
    expect([...bytes.subarray(0, 3)]).toEqual([0x22, 0x82, 0xa8]);
    expect(decodeCp932(bytes)).toContain('"高橋 一郎"');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ dealId: ids[1], field: 'お届け先名', code: 'replaced', severity: 'warning' }),
    );
  });

  it('splits クリックポスト files every 40 labels', async () => {
    const backend = await open();
    const ids: number[] = [];
    for (let i = 0; i < 85; i++) ids.push((await createDeal(backend, { externalId: `cp${i}` })).id);
    const result = await exportLabels('clickpost', ids, backend);
    expect(result.files.map((f) => f.rows)).toEqual([40, 40, 5]);
    expect(new Set(result.files.map((f) => f.name)).size).toBe(3);
    for (const [i, file] of result.files.entries()) {
      const rows = parseRows(decodeCp932(Buffer.from(file.contentBase64, 'base64')));
      expect(rows[0]![0]).toBe('お届け先郵便番号');
      expect(rows).toHaveLength(1 + [40, 40, 5][i]!);
    }
  });

  it('writes the ゆうプリR columns in the order of the shop profile', async () => {
    const backend = await open();
    await setUpShop(backend);
    const [id] = await goodDeals(backend);
    await value(
      backend.call('shop.update', {
        yupriColumns: ['お届け先 名称１', 'お客様側管理番号', 'お届け先 郵便番号', '品名'],
      }),
    );
    const rows = parseRows(decodeCp932(fileBytes(await exportLabels('yupri', [id!], backend))));
    expect(rows).toEqual([
      ['お届け先 名称１', 'お客様側管理番号', 'お届け先 郵便番号', '品名'],
      ['山田 花子', String(id), '154-0015', '手編みのマフラー(青)'],
    ]);
    const bad = await backend.call('shop.update', { yupriColumns: ['お届け先 名称１', '好きな列'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(YUPRI_STANDARD_HEADER).toHaveLength(117);
  });
});

describe('checks before export', () => {
  it('names the deal and field of a 200-character address, an emoji name and a missing postal code; the rest export', async () => {
    const backend = await open();
    await setUpShop(backend);
    const [good] = await goodDeals(backend);
    const long = await createDeal(backend, {
      externalId: 'long',
      shipTo: {
        name: '長井 住子',
        postalCode: '1000001',
        prefecture: '東京都',
        address1: '千代田区'.repeat(50),
      },
    });
    const emoji = await createDeal(backend, {
      externalId: 'emoji',
      shipTo: { name: 'みか🌸', postalCode: '1000001', prefecture: '東京都', address1: '千代田区1-1' },
    });
    const noPostal = await createDeal(backend, {
      externalId: 'nopostal',
      shipTo: { name: '郵便 無子', prefecture: '東京都', address1: '千代田区1-1' },
    });
    const ids = [good!, long.id, emoji.id, noPostal.id];
    for (const format of labelFormats) {
      const report = await value(backend.call('labels.check', { format, dealIds: ids }));
      expect(report.files).toEqual([]);
      expect(report.exported).toEqual([good]);
      expect(report.skipped.sort()).toEqual([long.id, emoji.id, noPostal.id].sort());
      const errors = report.issues.filter((i) => i.severity === 'error');
      const addressField = {
        'yamato-b2': 'お届け先住所',
        yupri: 'お届け先 住所１',
        clickpost: 'お届け先住所1行目',
        ehiden: 'お届け先住所１',
      }[format];
      const nameField = {
        'yamato-b2': 'お届け先名',
        yupri: 'お届け先 名称１',
        clickpost: 'お届け先氏名',
        ehiden: 'お届け先名称１',
      }[format];
      const postalField = {
        'yamato-b2': 'お届け先郵便番号',
        yupri: 'お届け先 郵便番号',
        clickpost: 'お届け先郵便番号',
        ehiden: 'お届け先郵便番号',
      }[format];
      expect(errors).toContainEqual(
        expect.objectContaining({
          dealId: long.id,
          externalId: 'long',
          field: addressField,
          code: 'too_long',
        }),
      );
      expect(errors).toContainEqual(
        expect.objectContaining({ dealId: emoji.id, field: nameField, code: 'charset', detail: '🌸' }),
      );
      expect(errors).toContainEqual(
        expect.objectContaining({ dealId: noPostal.id, field: postalField, code: 'missing' }),
      );
      const exported = await value(backend.call('labels.export', { format, dealIds: ids }));
      const rows = parseRows(decodeCp932(fileBytes(exported)));
      expect(rows).toHaveLength(2);
    }
  });

  it('a shop profile without a sender blocks every label that prints one, and says so once', async () => {
    const backend = await open();
    const ids = [(await createDeal(backend)).id];
    const report = await value(backend.call('labels.check', { format: 'yamato-b2', dealIds: ids }));
    expect(report.exported).toEqual([]);
    expect(report.issues.filter((i) => i.dealId === null).map((i) => i.field)).toEqual(
      expect.arrayContaining([
        'ご依頼主名',
        'ご依頼主電話番号',
        'ご依頼主郵便番号',
        'ご依頼主住所',
        '請求先顧客コード',
      ]),
    );
    // Click Post has no sender column: the account is the sender.
    const clickpost = await value(backend.call('labels.export', { format: 'clickpost', dealIds: ids }));
    expect(clickpost.exported).toEqual(ids);
  });

  it('reports deal ids that do not exist instead of failing the batch', async () => {
    const backend = await open();
    await setUpShop(backend);
    const [id] = await goodDeals(backend);
    const result = await value(backend.call('labels.export', { format: 'ehiden', dealIds: [id!, 999_999] }));
    expect(result.exported).toEqual([id]);
    expect(result.skipped).toEqual([999_999]);
  });

  it('fills a missing buyer phone with zeros and warns', async () => {
    const backend = await open();
    await setUpShop(backend);
    const deal = await createDeal(backend, {
      shipTo: { name: '電話 無男', postalCode: '1000001', prefecture: '東京都', address1: '千代田区1-1' },
    });
    const result = await value(backend.call('labels.export', { format: 'yamato-b2', dealIds: [deal.id] }));
    expect(result.exported).toEqual([deal.id]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ field: 'お届け先電話番号', code: 'filled' }),
    );
    expect(decodeCp932(fileBytes(result))).toContain('"000-0000-0000"');
  });
});
