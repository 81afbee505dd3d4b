import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import * as cases from '../cases/service';
import * as promises from '../cases/promises';
import * as followups from '../followups/service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A few complaints in every stage, so a new user sees what the complaint screens are for. */
const DEMO_CASES_MAX = 5;

/**
 * Demo complaints written through the case services (so they follow the same rules as real ones), on a
 * clock that walks through each case's history: received, answered, promised, offered, resolved, cared for.
 */
export function seedDemoCases(
  db: Db,
  options: { now: Date; firstDealId: number; dealCount: number; memberIds: readonly number[] },
): number {
  const count = Math.min(DEMO_CASES_MAX, Math.floor(options.dealCount / 100));
  if (count === 0) return 0;
  let at = options.now.getTime();
  let actor: number | null = null;
  const ctx: ServiceContext = {
    db,
    clock: { now: () => new Date(at) },
    dbPath: '',
    actorId: () => actor,
    setActor: (id) => {
      actor = id;
    },
    log: () => undefined,
    changed: () => undefined,
  };
  const iso = (t: number) => new Date(t).toISOString();
  const dealAt = (i: number) => options.firstDealId + Math.floor(((i + 1) * options.dealCount) / (count + 1));
  const now = options.now.getTime();
  const scripts: (() => void)[] = [
    // Just in: the first-response clock is running.
    () => {
      at = now - 3 * HOUR;
      cases.create(ctx, {
        dealId: dealAt(0),
        category: 'not_arrived',
        severity: 'medium',
        summary: '商品がまだ届かない',
        wish: '週末までに届けてほしい',
        firstEntry: { kind: 'message_in', text: 'まだ届きません。追跡番号を見ても動いていないようです。' },
      });
    },
    // Answered, with a promise due tomorrow evening and two options on the table.
    () => {
      at = now - 30 * HOUR;
      const c = cases.create(ctx, {
        dealId: dealAt(1),
        category: 'damaged',
        severity: 'high',
        summary: 'マグカップの持ち手が割れていた',
        wish: '同じものに交換してほしい',
        firstEntry: {
          kind: 'message_in',
          text: '届いた箱を開けたら持ち手が割れていました。写真を送ります。',
        },
      });
      at += 2 * HOUR;
      cases.addEntry(ctx, {
        caseId: c.id,
        kind: 'message_out',
        text: 'ご迷惑をおかけして申し訳ございません。すぐに代わりの品をご用意します。',
      });
      cases.move(ctx, { id: c.id, to: 'investigating' });
      promises.create(ctx, {
        caseId: c.id,
        title: '在庫を確認し、明日18時までにご連絡します',
        dueAt: iso(now + DAY + 9 * HOUR),
      });
      cases.addOption(ctx, { caseId: c.id, kind: 'exchange' });
      cases.addOption(ctx, { caseId: c.id, kind: 'partial_refund', amount: 500 });
    },
    // Proposed: the re-shipment date depends on the supplier, so it is marked as an estimate.
    () => {
      at = now - 4 * DAY;
      const c = cases.create(ctx, {
        dealId: dealAt(2),
        category: 'not_as_expected',
        severity: 'low',
        summary: '色が写真と違う',
        wish: '青に近い色がほしい',
        firstEntry: { kind: 'message_in', text: '写真ではもっと青く見えました。' },
      });
      at += 5 * HOUR;
      cases.addEntry(ctx, {
        caseId: c.id,
        kind: 'call_out',
        text: 'お電話でお詫びし、色違いの在庫を確認すると伝えた。',
      });
      cases.addOption(ctx, { caseId: c.id, kind: 'keep' });
      cases.addOption(ctx, { caseId: c.id, kind: 'exchange', note: '青は来週入荷予定' });
      cases.move(ctx, { id: c.id, to: 'proposed' });
      promises.create(ctx, {
        caseId: c.id,
        title: '青の入荷後すぐに発送します（仕入れ先しだい）',
        dueAt: iso(now + 5 * DAY),
        estimate: true,
      });
    },
    // Resolved ten days ago: the one-week check-in is done, the rest of the after-care lies ahead.
    () => {
      at = now - 14 * DAY;
      const c = cases.create(ctx, {
        dealId: dealAt(3),
        category: 'wrong_item',
        severity: 'medium',
        summary: '違う商品が届いた',
        firstEntry: { kind: 'message_in', text: '注文したのはLサイズですが、Mサイズが届きました。' },
      });
      at += HOUR;
      cases.addEntry(ctx, {
        caseId: c.id,
        kind: 'message_out',
        text: '申し訳ございません。本日Lサイズを発送いたします。',
      });
      const p = promises.create(ctx, {
        caseId: c.id,
        title: '本日中にLサイズを発送します',
        dueAt: iso(at + 8 * HOUR),
      });
      const option = cases.addOption(ctx, { caseId: c.id, kind: 'reship', note: 'お詫びにハンカチを同梱' })
        .options[0]!;
      cases.chooseOption(ctx, { caseId: c.id, optionId: option.id });
      at += 4 * HOUR;
      promises.settle(ctx, { id: p.promises[0]!.id, outcome: 'kept' });
      cases.update(ctx, {
        id: c.id,
        patch: {
          resolution: 'Lサイズを再送し、到着を確認した。',
          cost: 980,
          improvement: '発送前にサイズ表記を二人で確認するようにしました。',
        },
      });
      at = now - 10 * DAY;
      const resolved = cases.move(ctx, { id: c.id, to: 'resolved' });
      at = now - 3 * DAY;
      followups.done(ctx, { key: `f${resolved.aftercare[0]!.id}` });
    },
    // A year on: done and closed.
    () => {
      at = now - 400 * DAY;
      const c = cases.create(ctx, {
        dealId: dealAt(4),
        category: 'billing',
        severity: 'low',
        summary: '送料が二重にかかっている',
        firstEntry: { kind: 'message_in', text: '送料が2回請求されています。' },
      });
      at += 30 * 60_000;
      cases.addEntry(ctx, {
        caseId: c.id,
        kind: 'message_out',
        text: '確認いたしました。差額をご返金いたします。',
      });
      cases.addOption(ctx, { caseId: c.id, kind: 'partial_refund', amount: 520 });
      at += DAY;
      cases.move(ctx, { id: c.id, to: 'resolved' });
      at += 5 * DAY;
      cases.move(ctx, { id: c.id, to: 'closed' });
    },
  ];
  // Only current members take on work; with everyone archived the cases simply have no owner.
  const active = db
    .all(db.qb.selectFrom('members').select('id').where('archived_at', 'is', null))
    .map((m) => m.id)
    .filter((id) => options.memberIds.includes(id));
  scripts.slice(0, count).forEach((script, i) => {
    actor = active[i % Math.max(1, active.length)] ?? null;
    script();
  });
  return count;
}
