import { describe, expect, it } from 'vitest';
import { progressFor } from '../../../electron/backend/importer/progress';
import {
  fingerprints,
  parseSnapshot,
  snapshotText,
  sourceFields,
} from '../../../electron/backend/importer/snapshot';
import type { EventMap } from '../../../shared/contract';
import { newDraft, type DraftDeal } from '../../../shared/domain/import';

function fullDraft(): DraftDeal {
  return {
    ...newDraft('rakuten', 'R-1', 'a.csv'),
    orderedAt: '2026-11-01T01:00:00.000Z',
    items: [{ lineKey: '1', name: '手ぬぐい', sku: 'T-1', quantity: 2, unitPrice: 1100 }],
    shippingFee: 700,
    fee: 0,
    shipTo: {
      name: '佐藤 美咲',
      kana: 'サトウ ミサキ',
      postalCode: '1540015',
      prefecture: '東京都',
      address1: '世田谷区桜新町1-2-3',
      address2: null,
      phone: '09012345678',
    },
    buyer: { handle: 'misaki' },
    deliveryMethod: '宅配便',
    notes: '',
    paidAt: '2026-11-01T01:05:00.000Z',
    shipped: { at: null, carrier: null, trackingNumber: null },
    completedAt: null,
    cancelled: false,
  };
}

describe('source snapshots', () => {
  it('hold one fingerprint per field the file provides, in field order', () => {
    const text = snapshotText(fullDraft());
    expect([...parseSnapshot(text)!.keys()]).toEqual([...sourceFields]);
    expect(fingerprints(fullDraft())).toEqual(parseSnapshot(text));
  });

  it('leave out fields the file does not have, and prices a file does not give', () => {
    const d = newDraft('amazon', '503-1', 'a.txt');
    d.items = [{ lineKey: 'x', name: 'マグ', sku: null, quantity: 1, unitPrice: null }];
    expect([...parseSnapshot(snapshotText(d))!.keys()]).toEqual(['items']);
    expect(snapshotText(newDraft('amazon', '503-1', 'a.txt'))).toBe('');
  });

  it('keep the exact characters stored by earlier imports (strings, numbers, null, flags, objects, items)', () => {
    // Produced by the first implementation (one joined string hashed per field); a re-import compares
    // these stored texts, so any other characters would mark every known deal as changed.
    const d = fullDraft();
    d.items!.push({ lineKey: 'x#2', name: 'マグ, "白"', sku: null, quantity: 1, unitPrice: 0 });
    d.shipped = { at: null, carrier: 'yamato', trackingNumber: '1234-5678-9012' };
    d.cancelled = true;
    expect(snapshotText(d)).toBe(
      'abgmo1xKXD.b6IVeP1m7K.c-p48QXct6.dSfqt6-klQ.eXxwGd5TUy.fvPtTj6dLt.gbfWGHEvyR.hie6QzDCfj.ipadQv5ZK2.' +
        'j28lg25L6m.k8gWLv4NLp.ldOQA-hIZ6.mpL06JjHre.n3sexQuozY.ongirUCAhq.pMT4wexe68.qpPCR1e-WK.r8gWLv4NLp.sjekYCgtHS',
    );
    const unpriced = newDraft('amazon', '503-1', 'a.txt');
    unpriced.items = [{ lineKey: 'x', name: 'マグ', sku: null, quantity: 3, unitPrice: null }];
    unpriced.shippingFee = null;
    unpriced.cancelled = false;
    expect(snapshotText(unpriced)).toBe('byv_T_rDzJ.d8gWLv4NLp.swS_gxP2x0');
  });

  it('change exactly where a value changes', () => {
    const before = parseSnapshot(snapshotText(fullDraft()))!;
    const d = fullDraft();
    d.shipTo.address2 = 'コーポ桜201';
    d.items![0]!.unitPrice = 1200;
    const after = parseSnapshot(snapshotText(d))!;
    const changed = sourceFields.filter((f) => before.get(f) !== after.get(f));
    expect(changed).toEqual(['itemPrices', 'shipTo.address2']);
  });
});

describe('import progress', () => {
  type Progress = EventMap['imports.progress'];
  const recorder = () => {
    const events: Progress[] = [];
    let t = 0;
    const ctx = { emit: (_: string, p: unknown) => void events.push(p as Progress) };
    return { events, ctx, advance: (ms: number) => (t += ms), now: () => t };
  };

  it('is silent without a token', () => {
    const r = recorder();
    progressFor(r.ctx as never, undefined, r.now).report('read', 1, 2);
    expect(r.events).toEqual([]);
  });

  it('emits at most every 100 ms, plus the first and the last of each phase', () => {
    const r = recorder();
    const p = progressFor(r.ctx as never, 'tok', r.now);
    for (let done = 0; done < 1000; done++) {
      p.report('plan', done, 1000);
      r.advance(1);
    }
    p.report('plan', 1000, 1000);
    p.report('commit', 0, 5);
    expect(r.events.map((e) => e.done)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 0]);
    expect(r.events.every((e) => e.token === 'tok')).toBe(true);
    expect(r.events.at(-1)).toEqual({ token: 'tok', phase: 'commit', done: 0, total: 5 });
  });

  it('never reports more done than the total', () => {
    const r = recorder();
    progressFor(r.ctx as never, 'tok', r.now).report('commit', 12, 10);
    expect(r.events).toEqual([{ token: 'tok', phase: 'commit', done: 10, total: 10 }]);
  });
});
