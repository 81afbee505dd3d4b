import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { latestSchemaVersion, migrations } from '../../../electron/backend/db/migrations';
import { caseSearch } from '../../../electron/backend/db/migrations/010-case-search';
import { rebuildSearchIndex } from '../../../electron/backend/search/reindex';
import type { SearchHitDto } from '../../../shared/contract';
import { createCase, twoBuyerDeals } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();

const find = (backend: Backend, text: string) => value(backend.call('search.query', { text }));
const caseHits = (hits: SearchHitDto[]) =>
  hits.flatMap((h) => (h.type === 'case' ? [{ id: h.id, tier: h.tier, matchedOn: h.matchedOn }] : []));
const caseIds = async (backend: Backend, text: string) =>
  caseHits((await find(backend, text)).hits).map((h) => h.id);

describe('complaint cases in the full-text index', () => {
  it('finds a case by words of its messages, its wish and its summary, in any kana or width', async () => {
    const backend = await open();
    const glass = await createCase(backend, {
      summary: '異物混入',
      wish: '全額返金してほしい',
      firstEntry: { kind: 'message_in', text: '箱を開けたらガラスの破片が入っていました。' },
    });
    const other = await createCase(backend, { summary: '届かない' });

    expect(caseHits((await find(backend, 'ガラスの破片')).hits)).toEqual([
      { id: glass.id, tier: 'text', matchedOn: 'message' },
    ]);
    // Hiragana, half-width katakana: the same search keys as deals and customers.
    expect(await caseIds(backend, 'がらす')).toEqual([glass.id]);
    expect(await caseIds(backend, 'ｶﾞﾗｽ')).toEqual([glass.id]);
    expect(caseHits((await find(backend, '全額返金')).hits)).toEqual([
      { id: glass.id, tier: 'text', matchedOn: 'summary' },
    ]);
    // Two-character words are beyond the trigram index; they are found on the stored keys.
    expect(await caseIds(backend, '破片')).toEqual([glass.id]);
    // Several words, each somewhere in the case's messages.
    expect(await caseIds(backend, '箱 破片')).toEqual([glass.id]);
    expect(await caseIds(backend, '箱 冷蔵庫')).toEqual([]);

    // A new message is findable at once, on the case it was added to only.
    expect(await caseIds(backend, '再配達')).toEqual([]);
    await value(
      backend.call('cases.addEntry', { caseId: other.id, kind: 'call_in', text: '再配達の日時を変えたい' }),
    );
    expect(caseHits((await find(backend, '再配達')).hits)).toEqual([
      { id: other.id, tier: 'text', matchedOn: 'message' },
    ]);
    // Editing the wish replaces what is indexed.
    await value(backend.call('cases.update', { id: glass.id, patch: { wish: '交換してほしい' } }));
    expect(await caseIds(backend, '全額返金')).toEqual([]);
    expect(await caseIds(backend, '交換して')).toEqual([glass.id]);
    expect(await caseIds(backend, 'ガラスの破片')).toEqual([glass.id]);
  });

  it('keeps exact identifiers first: the deal, its case, then cases that only mention the number', async () => {
    const backend = await open();
    const deal = await createDeal(backend, { externalId: 'ORD-880011' });
    const linked = await createCase(backend, { dealId: deal.id, summary: '届かない' });
    const mentions = await createCase(backend, {
      summary: '別の注文の件',
      firstEntry: { kind: 'message_in', text: '先日の ORD-880011 と同じ商品をもう一つ欲しいです' },
    });
    const { hits } = await find(backend, 'ORD-880011');
    expect(hits.map((h) => [h.type, h.id, h.tier])).toEqual([
      ['deal', deal.id, 'exact'],
      ['case', linked.id, 'exact'],
      ['case', mentions.id, 'text'],
    ]);
  });

  it('treats hostile input as text: quotes, *, NEAR, column filters, 10,000 characters, emoji', async () => {
    const backend = await open();
    const angry = await createCase(backend, {
      summary: 'NEAR 対応が遅い',
      firstEntry: { kind: 'message_in', text: '最悪です😡😡😡 "至急" 連絡ください * OR 返事なし' },
    });
    await createCase(backend, { summary: '請求額が違う' });

    expect(await caseIds(backend, '😡😡😡')).toEqual([angry.id]);
    expect(await caseIds(backend, '"至急"')).toEqual([angry.id]);
    expect(await caseIds(backend, 'NEAR')).toEqual([angry.id]);
    for (const text of [
      '"',
      '""""',
      '*',
      '***',
      'NEAR(a b)',
      'summary: 請求',
      '{summary}: 請求',
      'a OR b',
      '^最悪',
      '(((',
      "'; DROP TABLE case_fts; --",
      '\u0000\u0000\u0000',
      '😡'.repeat(5_000),
    ]) {
      const result = await backend.call('search.query', { text });
      expect(result.ok, text).toBe(true);
      if (result.ok) expect(caseHits(result.value.hits), text).toEqual([]);
    }
    // A pasted 10,000-character message is scanned for identifiers only, and still answers.
    const pasted = await find(backend, `最悪です${'あ'.repeat(10_000)}`);
    expect(pasted.scanned).toBe(true);
    expect(caseHits(pasted.hits)).toEqual([]);
    // The index is intact afterwards.
    expect(await caseIds(backend, '返事なし')).toEqual([angry.id]);
    expect(() =>
      backend.db.raw.prepare("INSERT INTO case_fts(case_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });

  it('still finds a case by its messages after its buyer is merged and split again', async () => {
    const backend = await open();
    const { absorb, keepId, absorbId } = await twoBuyerDeals(backend);
    const raised = await createCase(backend, {
      dealId: absorb.id,
      firstEntry: { kind: 'message_in', text: 'マグカップの取っ手が取れていました' },
    });
    expect(await caseIds(backend, '取っ手')).toEqual([raised.id]);
    const { merge } = await value(backend.call('customers.merge', { keepId, absorbId }));
    const merged = caseHits((await find(backend, 'マグカップ')).hits);
    expect(merged).toEqual([{ id: raised.id, tier: 'text', matchedOn: 'message' }]);
    expect((await value(backend.call('cases.get', { id: raised.id }))).customer?.id).toBe(keepId);
    await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(await caseIds(backend, 'マグカップ')).toEqual([raised.id]);
    expect((await value(backend.call('cases.get', { id: raised.id }))).customer?.id).toBe(absorbId);
  });

  it('is rebuilt with the rest of the search index (a change of the search rules)', async () => {
    const backend = await open();
    const raised = await createCase(backend, {
      firstEntry: { kind: 'message_in', text: '段ボールが濡れていました' },
    });
    backend.db.raw.exec('DELETE FROM case_fts');
    expect(await caseIds(backend, '段ボール')).toEqual([]);
    rebuildSearchIndex(backend.db);
    expect(await caseIds(backend, '段ボール')).toEqual([raised.id]);
    expect(await caseIds(backend, 'ぼーるが濡れ')).toEqual([raised.id]);
  });

  it('is back-filled by migration 010 from the cases recorded before it', async () => {
    const file = path.join(tempDir(), 'torihiki.sqlite');
    const before = migrations.filter((m) => m.version < caseSearch.version);
    const old = await createBackend({ dbPath: file, clock: fakeClock(), migrations: before });
    const at = '2026-11-01T00:00:00.000Z';
    const insertCase = old.db.raw.prepare(
      `INSERT INTO cases (category, severity, summary, wish, state, first_response_due_at, created_at, updated_at)
       VALUES ('damaged', 'high', ?, ?, 'received', ?, ?, ?)`,
    );
    const first = Number(insertCase.run('カップが割れていた', '', at, at, at).lastInsertRowid);
    const second = Number(insertCase.run('届かない', 'ポストに入れてほしい', at, at, at).lastInsertRowid);
    old.db.raw
      .prepare(
        "INSERT INTO case_entries (case_id, at, kind, text, created_at) VALUES (?, ?, 'message_in', ?, ?)",
      )
      .run(second, at, '追跡番号を教えてください', at);
    old.close();

    const backend = await createBackend({ dbPath: file, clock: fakeClock() });
    try {
      expect(backend.schemaVersion).toBe(latestSchemaVersion);
      expect(await caseIds(backend, 'カップが割れ')).toEqual([first]);
      expect(await caseIds(backend, 'ぽすと')).toEqual([second]);
      expect(caseHits((await find(backend, '追跡番号を')).hits)).toEqual([
        { id: second, tier: 'text', matchedOn: 'message' },
      ]);
    } finally {
      backend.close();
    }
  });
});
