import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { bigExport } from '../../support/big-export';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, value } from '../../support/deals';
import {
  csvFile,
  fixtureFile,
  importFiles,
  LEDGER_TABLES,
  preview,
  tablesChecksum,
  type ImportFile,
} from '../../support/imports';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

const HEADER = [
  '注文番号',
  'ステータス',
  '注文日時',
  '注文確定日時',
  '発送完了報告日時',
  '送付先ID',
  '送付先送料',
  '注文者姓',
  '注文者名',
  '注文者メールアドレス',
  '注文者電話番号1',
  '注文者電話番号2',
  '注文者電話番号3',
  '送付先姓',
  '送付先名',
  '送付先郵便番号1',
  '送付先郵便番号2',
  '送付先住所都道府県',
  '送付先住所郡市区',
  '送付先住所それ以降の住所',
  '送付先電話番号1',
  '送付先電話番号2',
  '送付先電話番号3',
  '商品明細ID',
  '商品名',
  '単価',
  '個数',
  'コメント',
];

/** One 楽天ペイ row; tests change only what they are about. */
function row(order: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    注文番号: order,
    ステータス: '発送待ち',
    注文日時: '2026-11-10 10:00:00',
    注文確定日時: '2026-11-10 10:05:00',
    送付先ID: '1',
    送付先送料: '700',
    注文者姓: '佐藤',
    注文者名: '美咲',
    注文者メールアドレス: `${order}@pc.fw.rakuten.ne.jp`,
    注文者電話番号1: '090',
    注文者電話番号2: '1234',
    注文者電話番号3: '5678',
    送付先姓: '佐藤',
    送付先名: '美咲',
    送付先郵便番号1: '154',
    送付先郵便番号2: '0015',
    送付先住所都道府県: '東京都',
    送付先住所郡市区: '世田谷区',
    送付先住所それ以降の住所: '桜新町1-2-3',
    送付先電話番号1: '090',
    送付先電話番号2: '1234',
    送付先電話番号3: '5678',
    商品明細ID: `${order}-1`,
    商品名: '有田焼 マグカップ 藍',
    単価: '2,980',
    個数: '1',
    ...overrides,
  };
}
const rakuten = (name: string, rows: Record<string, string>[]): ImportFile => csvFile(name, HEADER, rows);

async function dealByExternalId(backend: Backend, externalId: string) {
  const page = await value(backend.call('deals.list', { filter: { text: externalId }, limit: 10 }));
  const rowDto = page.rows.find((r) => r.externalId === externalId);
  if (!rowDto) throw new Error(`deal ${externalId} not found`);
  return value(backend.call('deals.get', { id: rowDto.id }));
}

describe('imports through the contract', () => {
  it('lists every format with its identifying columns', async () => {
    const backend = await open();
    const formats = await value(backend.call('imports.formats', {}));
    expect(formats.map((f) => f.id)).toEqual([
      'rakuten_pay',
      'rakuten_legacy',
      'amazon_orders',
      'amazon_unshipped',
      'yahoo_shopping',
      'yahoo_auction_store',
      'mercari_shops',
      'mercari_sales',
      'base',
      'minne',
      'creema',
    ]);
    expect(formats.find((f) => f.id === 'yahoo_shopping')!.files.map((f) => f.role)).toEqual([
      'orders',
      'items',
    ]);
    expect(formats.find((f) => f.id === 'amazon_orders')).toMatchObject({
      delimiter: 'tab',
      marketplace: 'amazon',
    });
  });

  it.each([
    [['rakuten-pay.csv'], 'rakuten_pay', 'cp932', 5],
    [['rakuten-legacy.csv'], 'rakuten_legacy', 'cp932', 2],
    [['amazon-orders-sjis.txt'], 'amazon_orders', 'cp932', 1],
    [['amazon-orders-utf8.txt'], 'amazon_orders', 'utf-8', 1],
    [['amazon-unshipped.txt'], 'amazon_unshipped', 'utf-8', 1],
    [['yahoo-orders.csv', 'yahoo-items.csv'], 'yahoo_shopping', 'cp932', 2],
    [['yahoo-auction-store.csv'], 'yahoo_auction_store', 'cp932', 2],
    [['mercari-shops-one-row.csv'], 'mercari_shops', 'cp932', 2],
    [['mercari-shops-two-row.csv'], 'mercari_shops', 'cp932', 1],
    [['mercari-sales.csv'], 'mercari_sales', 'utf-8-bom', 2],
    [['base-orders.csv'], 'base', 'cp932', 2],
    [['base-shipping.csv'], 'base', 'cp932', 1],
    [['minne.csv'], 'minne', 'utf-8-bom', 1],
    [['creema.csv'], 'creema', 'cp932', 1],
  ])('imports %j as %s (%s) into %d new deals', async (files, format, encoding, deals) => {
    const backend = await open();
    const { preview: p, commit } = await importFiles(backend, files.map(fixtureFile));
    expect(p).toMatchObject({
      format: { id: format, source: 'header' },
      encoding,
      deals: { new: deals, error: 0 },
    });
    expect(commit.deals).toEqual({ inserted: deals, updated: 0, unchanged: 0 });
    expect(commit.batchId).toBeGreaterThan(0);
    expect((await value(backend.call('deals.list', {}))).total).toBe(deals);
  });

  it('writes what the file says: amounts, ship-to, items, customer and steps from facts', async () => {
    const backend = await open();
    await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    const deal = await dealByExternalId(backend, '338012-20241105-0012345678');
    expect(deal).toMatchObject({
      marketplace: 'rakuten',
      orderedAt: '2024-11-05T04:04:21.000Z',
      itemsTotal: 2980 * 2 + 1200,
      shippingFee: 0,
      total: 7160,
      shipTo: { name: '佐藤 美咲', postalCode: '1540015', prefecture: '東京都', phone: '09012345678' },
      customer: { name: '佐藤 美咲', email: '815db15ff6ee7c02@pc.fw.rakuten.ne.jp', phone: '09012345678' },
      editedFields: [],
      state: 'open',
    });
    expect(deal.items.map((i) => [i.name, i.sku, i.quantity, i.unitPrice])).toEqual([
      ['有田焼 マグカップ 藍', 'arita-mug-ai', 2, 2980],
      ['箸置き 五枚組', 'hashioki-5', 1, 1200],
    ]);
    const steps = Object.fromEntries(deal.steps.map((s) => [s.kind, s]));
    expect(steps.payment).toMatchObject({ state: 'done', doneAt: '2024-11-05T05:00:00.000Z', doneBy: null });
    expect(steps.shipping).toMatchObject({ state: 'done', doneAt: '2024-11-06T01:15:00.000Z' });
    expect(steps.contact).toMatchObject({ state: 'todo' });
    const cancelled = await dealByExternalId(backend, '338012-20241109-0012350777');
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.nextDueAt).toBeNull();
  });

  it('imports the same file twice without changing anything (no batch, byte-identical ledger)', async () => {
    const backend = await open();
    await importFiles(backend, [fixtureFile('rakuten-pay.csv'), fixtureFile('rakuten-pay.csv')]);
    const before = databaseChecksum(backend.dbPath);
    const again = await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    expect(again.preview.deals).toEqual({ new: 0, updated: 0, unchanged: 5, error: 0 });
    expect(again.commit).toMatchObject({ batchId: null, deals: { inserted: 0, updated: 0, unchanged: 5 } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('an overlapping newer export updates only fields the marketplace changed, and a member edit wins', async () => {
    const backend = await open();
    await importFiles(backend, [rakuten('v1.csv', [row('R-1'), row('R-2')])]);
    const r1 = await dealByExternalId(backend, 'R-1');
    await value(
      backend.call('deals.update', {
        id: r1.id,
        patch: { shipTo: { address2: '2階 (member)' }, notes: 'ご贈答用' },
      }),
    );

    const v2 = rakuten('v2.csv', [
      row('R-1', {
        送付先住所それ以降の住所: '桜新町9-9-9',
        送付先電話番号3: '0000',
        個数: '3',
        コメント: '午前中指定',
      }),
      row('R-2', { ステータス: '発送済', 発送完了報告日時: '2026-11-12 09:00:00' }),
      row('R-3'),
    ]);
    const p = await preview(backend, { files: [v2] });
    expect(p.deals).toEqual({ new: 1, updated: 2, unchanged: 0, error: 0 });
    const rows = await value(backend.call('imports.rows', { previewId: p.previewId, status: 'updated' }));
    const r1Row = rows.rows.find((r) => r.externalId === 'R-1')!;
    expect(r1Row.changes.sort()).toEqual(['items', 'shipTo.address1', 'shipTo.phone']);
    expect(r1Row.keptEdits).toEqual(['notes']);
    expect(rows.rows.find((r) => r.externalId === 'R-2')!).toMatchObject({
      changes: ['steps.shipping'],
      stepsDone: ['shipping'],
    });
    await value(backend.call('imports.commit', { previewId: p.previewId }));

    const after = await dealByExternalId(backend, 'R-1');
    expect(after.shipTo).toMatchObject({
      address1: '世田谷区桜新町9-9-9',
      address2: '2階 (member)',
      phone: '09012340000',
    });
    expect(after.notes).toBe('ご贈答用');
    expect(after.items[0]!.quantity).toBe(3);
    expect(after.total).toBe(3 * 2980 + 700);
    const r2 = await dealByExternalId(backend, 'R-2');
    expect(r2.steps.find((s) => s.kind === 'shipping')).toMatchObject({
      state: 'done',
      doneAt: '2026-11-12T00:00:00.000Z',
    });

    // The same newer export again: nothing left to do.
    const again = await importFiles(backend, [v2]);
    expect(again.commit.batchId).toBeNull();
  });

  it('a deal a member edited keeps the edit even when the marketplace changes that field again', async () => {
    const backend = await open();
    await importFiles(backend, [rakuten('v1.csv', [row('R-1')])]);
    const deal = await dealByExternalId(backend, 'R-1');
    await value(
      backend.call('deals.update', {
        id: deal.id,
        patch: { items: [{ name: '手書きの品名', quantity: 1, unitPrice: 100 }] },
      }),
    );
    await importFiles(backend, [rakuten('v2.csv', [row('R-1', { 個数: '2' })])]);
    const after = await dealByExternalId(backend, 'R-1');
    expect(after.items.map((i) => i.name)).toEqual(['手書きの品名']);
  });

  it('imported facts advance steps but never undo or overwrite a step a member completed', async () => {
    const backend = await open();
    const member = await value(backend.call('members.create', { name: '父', color: 'blue' }));
    await value(backend.call('session.switch', { memberId: member.id }));
    await importFiles(backend, [
      rakuten('v1.csv', [
        row('R-1', { ステータス: '注文確認待ち' }),
        row('R-2', { ステータス: '注文確認待ち' }),
      ]),
    ]);
    const r1 = await dealByExternalId(backend, 'R-1');
    expect(r1.steps.find((s) => s.kind === 'payment')!.state).toBe('todo');
    // A member ships R-1 with their own tracking number, and marks R-2 paid then changes their mind.
    await value(
      backend.call('steps.update', {
        dealId: r1.id,
        kind: 'shipping',
        state: 'done',
        carrier: 'yamato',
        trackingNumber: 'MEMBER-1',
      }),
    );
    const r2 = await dealByExternalId(backend, 'R-2');

    await importFiles(backend, [
      rakuten('v2.csv', [
        row('R-1', { ステータス: '発送済', 発送完了報告日時: '2026-11-12 09:00:00' }),
        row('R-2', { ステータス: '発送待ち' }),
      ]),
    ]);
    const r1After = await dealByExternalId(backend, 'R-1');
    expect(r1After.steps.find((s) => s.kind === 'shipping')).toMatchObject({
      state: 'done',
      doneBy: member.id,
      trackingNumber: 'MEMBER-1',
    });
    expect(r1After.steps.find((s) => s.kind === 'payment')).toMatchObject({ state: 'done', doneBy: null });
    const r2After = await dealByExternalId(backend, 'R-2');
    expect(r2After.steps.find((s) => s.kind === 'payment')).toMatchObject({
      state: 'done',
      doneAt: '2026-11-10T01:05:00.000Z',
    });

    // A member sets payment back to to-do; importing the same export again does not redo it.
    await value(backend.call('steps.update', { dealId: r2.id, kind: 'payment', state: 'todo' }));
    await importFiles(backend, [
      rakuten('v2.csv', [
        row('R-1', { ステータス: '発送済', 発送完了報告日時: '2026-11-12 09:00:00' }),
        row('R-2', { ステータス: '発送待ち' }),
      ]),
    ]);
    expect((await dealByExternalId(backend, 'R-2')).steps.find((s) => s.kind === 'payment')!.state).toBe(
      'todo',
    );
  });

  it('fills only the blanks of a deal a member entered by hand, and advances its steps', async () => {
    const backend = await open();
    const manual = await createDeal(backend, {
      marketplace: 'rakuten',
      externalId: 'R-1',
      shipTo: { name: '佐藤 美咲（手入力）', postalCode: '1540015' },
      notes: '',
    });
    await importFiles(backend, [
      rakuten('v1.csv', [
        row('R-1', {
          ステータス: '発送済',
          発送完了報告日時: '2026-11-12 09:00:00',
          コメント: '初めての注文',
        }),
      ]),
    ]);
    const after = await value(backend.call('deals.get', { id: manual.id }));
    expect(after.shipTo).toMatchObject({
      name: '佐藤 美咲（手入力）',
      prefecture: '東京都',
      address1: '世田谷区桜新町1-2-3',
      phone: '09012345678',
    });
    expect(after.notes).toBe('初めての注文');
    expect(after.items.map((i) => i.name)).toEqual(['手編みのマフラー（青）']);
    expect(after.steps.find((s) => s.kind === 'shipping')!.state).toBe('done');
  });

  it('matches buyers to existing customers (e-mail, phone, platform id) and creates each new buyer once', async () => {
    const backend = await open();
    const known = await createDeal(backend, {
      buyer: { name: '高橋 健太', email: 'KENTA@example.jp' },
      shipTo: { name: '高橋 健太' },
    });
    const file = rakuten('v1.csv', [
      row('R-1', { 注文者姓: '高橋', 注文者名: '健太', 注文者メールアドレス: 'kenta@example.jp' }),
      row('R-2', {
        注文者姓: '新規',
        注文者名: '太郎',
        注文者メールアドレス: 'taro@example.jp',
        注文者電話番号3: '0001',
        送付先電話番号3: '0001',
      }),
      row('R-3', {
        注文者姓: '新規',
        注文者名: '太郎',
        注文者メールアドレス: 'taro@example.jp',
        注文者電話番号3: '0001',
        送付先電話番号3: '0001',
      }),
    ]);
    const { preview: p, commit } = await importFiles(backend, [file]);
    expect(p.customers).toEqual({ inserted: 1, matched: 1, filled: 1 });
    expect(commit.customers).toEqual({ inserted: 1, matched: 1, filled: 1 });
    expect((await dealByExternalId(backend, 'R-1')).customer!.id).toBe(known.customer!.id);
    const taro = (await dealByExternalId(backend, 'R-2')).customer!.id;
    expect((await dealByExternalId(backend, 'R-3')).customer!.id).toBe(taro);

    // ヤフオク!ストア: the same winner id on another auction is the same customer, even with a new address.
    await importFiles(backend, [fixtureFile('yahoo-auction-store.csv')]);
    const first = await dealByExternalId(backend, 'x1087654321/sakura_tanaka77');
    const next = await importFiles(backend, [
      csvFile(
        'store2.csv',
        [
          'オークションID',
          '落札者ID',
          '落札者氏名',
          '落札者メールアドレス',
          '落札日時',
          'タイトル',
          '落札個数',
          '落札金額（税込）',
        ],
        [
          {
            オークションID: 'x2000000001',
            落札者ID: 'sakura_tanaka77',
            落札者氏名: '田中 さくら',
            落札者メールアドレス: 'new-address@example.com',
            落札日時: '2024/11/01 21:00',
            タイトル: '純正ベルト',
            落札個数: '1',
            '落札金額（税込）': '5000',
          },
        ],
      ),
    ]);
    expect(next.commit.customers).toEqual({ inserted: 0, matched: 1, filled: 0 });
    expect((await dealByExternalId(backend, 'x2000000001/sakura_tanaka77')).customer!.id).toBe(
      first.customer!.id,
    );
  });

  it('refuses to commit invalid rows unless told to skip them, writing nothing when refused', async () => {
    const backend = await open();
    await createDeal(backend);
    const file = rakuten('bad.csv', [
      row('R-1'),
      row('R-2', { 注文日時: '2026/02/30 10:00' }),
      row('R-3', { 個数: '０' }),
    ]);
    const p = await preview(backend, { files: [file] });
    expect(p).toMatchObject({ deals: { new: 1, error: 2 }, invalidRows: 2, issueCounts: { errors: 2 } });
    const issues = await value(backend.call('imports.issues', { previewId: p.previewId, severity: 'error' }));
    expect(issues.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, '注文日時', 'date_invalid'],
      [4, '個数', 'quantity_invalid'],
    ]);
    const before = databaseChecksum(backend.dbPath);
    const refused = await backend.call('imports.commit', { previewId: p.previewId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);

    const committed = await value(
      backend.call('imports.commit', { previewId: p.previewId, skipInvalid: true }),
    );
    expect(committed).toMatchObject({ rowsSkipped: 2, deals: { inserted: 1 } });
    const history = await value(backend.call('imports.history', {}));
    expect(history[0]).toMatchObject({ rowsSkipped: 2, deals: { inserted: 1, updated: 0, unchanged: 0 } });
  });

  it('pages preview rows and issues, and forgets a preview when cancelled, committed or expired', async () => {
    const clock = fakeClock();
    const backend = await open({ clock });
    const many = rakuten(
      'many.csv',
      Array.from({ length: 250 }, (_, i) => row(`R-${i}`, i % 50 === 0 ? { 単価: 'abc' } : {})),
    );
    const p = await preview(backend, { files: [many] });
    expect(p.firstRows).toHaveLength(100);
    expect(p.deals).toMatchObject({ new: 245, error: 5 });
    const page = await value(
      backend.call('imports.rows', { previewId: p.previewId, offset: 200, limit: 100 }),
    );
    expect(page).toMatchObject({ total: 250 });
    expect(page.rows).toHaveLength(50);
    const errors = await value(backend.call('imports.rows', { previewId: p.previewId, status: 'error' }));
    expect(errors.rows.map((r) => r.lines[0])).toEqual([2, 52, 102, 152, 202]);

    expect(await value(backend.call('imports.cancel', { previewId: p.previewId }))).toEqual({
      cancelled: true,
    });
    expect(await backend.call('imports.rows', { previewId: p.previewId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const q = await preview(backend, { files: [rakuten('one.csv', [row('R-1')])] });
    clock.advance(31 * 60_000);
    expect(await backend.call('imports.commit', { previewId: q.previewId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('re-plans at commit time when the ledger changed after the preview', async () => {
    const backend = await open();
    const p = await preview(backend, { files: [rakuten('v1.csv', [row('R-1'), row('R-2')])] });
    await importFiles(backend, [rakuten('other.csv', [row('R-1')])]);
    const commit = await value(backend.call('imports.commit', { previewId: p.previewId }));
    expect(commit.deals).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    expect((await value(backend.call('deals.list', {}))).total).toBe(2);
  });

  it('logs one activity entry per batch and announces the change', async () => {
    const backend = await open();
    const topics: string[][] = [];
    backend.events.on('data.changed', (e) => topics.push(e.topics));
    const { commit } = await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    const log = await value(backend.call('activity.list', {}));
    expect(log.map((l) => l.action)).toEqual(['import.committed']);
    expect(log[0]).toMatchObject({
      subjectType: 'import_batch',
      subjectId: commit.batchId,
      detail: { format: 'rakuten_pay', rows: 6, deals: { inserted: 5, updated: 0, unchanged: 0 } },
    });
    expect(topics.at(-1)).toEqual(expect.arrayContaining(['deals', 'customers', 'imports']));
  });

  it('keeps prices when the Amazon unshipped report (no prices) follows the order report, and the other way round', async () => {
    const backend = await open();
    await importFiles(backend, [fixtureFile('amazon-orders-utf8.txt')]);
    const again = await importFiles(backend, [fixtureFile('amazon-unshipped.txt')]);
    expect(again.preview.deals).toMatchObject({ unchanged: 1 });
    expect((await dealByExternalId(backend, '503-7654321-7654321')).items[0]!.unitPrice).toBe(3300);

    const other = await open();
    await importFiles(other, [fixtureFile('amazon-unshipped.txt')]);
    expect((await dealByExternalId(other, '503-7654321-7654321')).items[0]!.unitPrice).toBe(0);
    const priced = await importFiles(other, [fixtureFile('amazon-orders-utf8.txt')]);
    expect(priced.commit.deals.updated).toBe(1);
    expect((await dealByExternalId(other, '503-7654321-7654321')).total).toBe(3300);
  });
});

describe('import history and undo', () => {
  it('undo removes exactly what a batch added', async () => {
    const backend = await open();
    await createDeal(backend);
    const before = tablesChecksum(backend.dbPath, LEDGER_TABLES);
    const { commit } = await importFiles(backend, [fixtureFile('rakuten-pay.csv')]);
    // 佐藤 美咲 shares the phone of the deal already there, but that phone's customer is 山田 花子: a phone
    // only matches when the names agree too (a family shares a line), so all 3 buyers are new.
    expect(commit.customers).toEqual({ inserted: 3, matched: 0, filled: 0 });
    const undone = await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(undone).toEqual({
      batchId: commit.batchId,
      dealsRemoved: 5,
      dealsRestored: 0,
      customersRemoved: 3,
      customersKept: 0,
      valuesKept: 0,
    });
    expect(tablesChecksum(backend.dbPath, LEDGER_TABLES)).toBe(before);
    const history = await value(backend.call('imports.history', {}));
    expect(history[0]).toMatchObject({
      id: commit.batchId,
      undoneAt: expect.any(String),
      undoBlockedBy: null,
    });
    expect((await value(backend.call('activity.list', {})))[0]).toMatchObject({
      action: 'import.undone',
      detail: { dealsRemoved: 5 },
    });
    expect(await backend.call('imports.undo', { batchId: commit.batchId! })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('undo restores what a batch changed, keeps what a member changed since, and goes newest first', async () => {
    const backend = await open();
    const first = await importFiles(backend, [rakuten('v1.csv', [row('R-1'), row('R-2')])]);
    const afterFirst = tablesChecksum(backend.dbPath, LEDGER_TABLES);
    const second = await importFiles(backend, [
      rakuten('v2.csv', [
        row('R-1', { 送付先住所それ以降の住所: '桜新町9-9-9', 個数: '2' }),
        row('R-2', { ステータス: '発送済', 発送完了報告日時: '2026-11-12 09:00:00' }),
      ]),
    ]);
    expect(second.commit.deals).toEqual({ inserted: 0, updated: 2, unchanged: 0 });

    expect(await backend.call('imports.undo', { batchId: first.commit.batchId! })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining(`undo batch ${second.commit.batchId} first`),
      },
    });
    const history = await value(backend.call('imports.history', {}));
    expect(history.find((b) => b.id === first.commit.batchId)!.undoBlockedBy).toBe(second.commit.batchId);

    const undone = await value(backend.call('imports.undo', { batchId: second.commit.batchId! }));
    expect(undone).toMatchObject({ dealsRemoved: 0, dealsRestored: 2, valuesKept: 0 });
    expect(tablesChecksum(backend.dbPath, LEDGER_TABLES)).not.toBe(afterFirst); // updated_at moved on
    const r1 = await dealByExternalId(backend, 'R-1');
    expect(r1.shipTo.address1).toBe('世田谷区桜新町1-2-3');
    expect(r1.items[0]!.quantity).toBe(1);
    expect(r1.total).toBe(2980 + 700);
    expect((await dealByExternalId(backend, 'R-2')).steps.find((s) => s.kind === 'shipping')!.state).toBe(
      'todo',
    );
    // The first batch can go now.
    expect(await value(backend.call('imports.undo', { batchId: first.commit.batchId! }))).toMatchObject({
      dealsRemoved: 2,
    });
    expect((await value(backend.call('deals.list', {}))).total).toBe(0);
  });

  it('undo leaves a value a member changed after the import, and a customer another deal now uses', async () => {
    const backend = await open();
    await importFiles(backend, [rakuten('v1.csv', [row('R-1')])]);
    const { commit } = await importFiles(backend, [
      rakuten('v2.csv', [
        row('R-1', { 送付先住所それ以降の住所: '桜新町9-9-9' }),
        row('R-2', {
          注文者メールアドレス: 'new@example.jp',
          注文者電話番号3: '9999',
          送付先電話番号3: '9999',
          注文者姓: '新規',
        }),
      ]),
    ]);
    const r1 = await dealByExternalId(backend, 'R-1');
    await value(
      backend.call('deals.update', { id: r1.id, patch: { shipTo: { address1: '会員が直した住所' } } }),
    );
    const r2 = await dealByExternalId(backend, 'R-2');
    await createDeal(backend, { customerId: r2.customer!.id });

    const undone = await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(undone).toMatchObject({ dealsRemoved: 1, valuesKept: 1, customersRemoved: 0, customersKept: 1 });
    expect((await dealByExternalId(backend, 'R-1')).shipTo.address1).toBe('会員が直した住所');
  });
});

describe('column mappings', () => {
  const header = ['受注日', 'オーダー番号', 'お名前', 'メール', '品名', '数量', '単価'];
  const file = (name = 'own.csv') =>
    csvFile(
      name,
      header,
      [
        {
          受注日: '2026/11/01 10:00',
          オーダー番号: 'S-1',
          お名前: '青木 智子',
          メール: 'tomoko@example.com',
          品名: '藍染 ハンカチ',
          数量: '2',
          単価: '1650',
        },
        {
          受注日: '2026/11/02 11:00',
          オーダー番号: 'S-2',
          お名前: '木村 光',
          メール: 'hikari@example.net',
          品名: '藍染 ストール',
          数量: '1',
          単価: '5500',
        },
      ],
      'utf-8',
    );

  it('asks for a mapping, imports with one, saves it, and uses it again for the same header', async () => {
    const backend = await open();
    const first = await value(backend.call('imports.preview', { files: [file()] }));
    expect(first.status).toBe('needs_mapping');
    if (first.status !== 'needs_mapping') return;
    expect(first.requiredFields).toEqual(['externalId', 'orderedAt', 'itemName']);
    const mapping = { ...first.guess.mapping, marketplace: 'other' as const };
    expect(mapping.columns).toMatchObject({
      externalId: 'オーダー番号',
      orderedAt: '受注日',
      itemName: '品名',
    });

    const saved = await value(
      backend.call('mappings.save', { name: '自社カート', header: first.header, mapping }),
    );
    expect(saved).toMatchObject({ name: '自社カート', header, mapping });
    expect(await value(backend.call('mappings.list', {}))).toEqual([saved]);

    const again = await preview(backend, { files: [file('own-2.csv')] });
    expect(again.format).toMatchObject({
      kind: 'mapping',
      mappingName: '自社カート',
      source: 'saved_mapping',
      marketplace: 'other',
    });
    expect(again.deals.new).toBe(2);
    const commit = await value(backend.call('imports.commit', { previewId: again.previewId }));
    expect((await value(backend.call('imports.history', {})))[0]).toMatchObject({
      id: commit.batchId,
      formatId: 'mapping:自社カート',
    });

    const byName = await preview(backend, { files: [file()], mappingName: '自社カート' });
    expect(byName.deals.unchanged).toBe(2);
    expect(await backend.call('imports.preview', { files: [file()], mappingName: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    await value(backend.call('mappings.delete', { id: saved.id }));
    expect(await value(backend.call('mappings.list', {}))).toEqual([]);
  });

  it('imports with a mapping sent inline and refuses an incomplete one', async () => {
    const backend = await open();
    const mapping = {
      marketplace: 'base' as const,
      columns: {
        externalId: 'オーダー番号',
        orderedAt: '受注日',
        itemName: '品名',
        quantity: '数量',
        unitPrice: '単価',
        buyerName: 'お名前',
      },
      dateFormat: 'auto' as const,
    };
    const p = await preview(backend, { files: [file()], mapping });
    expect(p.format).toMatchObject({ source: 'mapping', marketplace: 'base' });
    const rejected = await value(
      backend.call('imports.preview', {
        files: [file()],
        mapping: { ...mapping, columns: { externalId: 'オーダー番号', itemName: 'ない列' } },
      }),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      issues: [expect.objectContaining({ code: 'columns_missing' })],
    });
    expect(
      await backend.call('mappings.save', {
        name: 'x',
        header,
        mapping: { ...mapping, columns: { externalId: 'オーダー番号' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('re-importing a large export', () => {
  it('finds every known order when the marketplace holds more deals than one scan page', async () => {
    const backend = await open();
    // About 6,000 orders: more than the 5,000 known deals read per page while planning.
    const file = { name: 'big.csv', contentBase64: bigExport(9_000, 11).toString('base64') };
    const first = await importFiles(backend, [file]);
    expect(first.commit.deals.inserted).toBeGreaterThan(5_000);
    const again = await preview(backend, { files: [file] });
    expect(again.deals).toMatchObject({ new: 0, updated: 0, unchanged: first.commit.deals.inserted });
  }, 60_000);
});
