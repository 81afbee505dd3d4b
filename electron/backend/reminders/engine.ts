import { sql } from 'kysely';
import type { FollowupStatusDto, Language, NotificationDto } from '../../../shared/contract';
import type { StepKind } from '../../../shared/domain/steps';
import type { Clock } from '../context';
import type { Db } from '../db/executor';
import { isOpenStep } from '../deals/open-steps';
import { status } from '../followups/status';
import { readSetting } from '../settings/store';
import { itemNotification, summaryNotification, type DueItem } from './messages';

/** Overdue items remind again at most this often. */
export const RENOTIFY_MS = 24 * 3_600_000;
/** The safety tick: catches anything that came due without a change (and wakes up after sleep). */
export const TICK_MS = 60_000;
/** More than this many at once become one summary notification. */
export const SUMMARY_THRESHOLD = 3;
/** Upper bound per evaluation; anything beyond is picked up by the next one (and summarised anyway). */
const BATCH_LIMIT = 5_000;

export type EvaluationReason = 'startup' | 'change' | 'tick' | 'resume' | 'manual';

export interface ReminderReport {
  reason: EvaluationReason;
  /** Items recorded as notified in this evaluation. */
  items: string[];
  notifications: NotificationDto[];
}

export interface ReminderEngineOptions {
  /** The live handle: a restore from backup closes the old one and opens another. */
  db(): Db;
  clock: Clock;
  currentMemberId(): number | null;
  /** Called after the notifications are committed as notified. */
  deliver(notifications: NotificationDto[]): void;
  /** Called when the current member's due count or the overdue promises changed. */
  onStatus(status: FollowupStatusDto): void;
}

export interface ReminderEngine {
  /** First evaluation (with the catch-up summary) and the safety tick; later calls do nothing. */
  start(): ReminderReport;
  evaluate(reason: EvaluationReason): ReminderReport;
  readonly started: boolean;
  stop(): void;
}

/**
 * Decides what to remind about, and remembers it. An item is due when its reminder time has come; it is
 * notified once then, and again only when its last notification is a day old (still overdue) or its
 * reminder time moved (snoozed, due time changed). The record is committed before anything is delivered,
 * so a crash or restart can lose at most a notification, never show one twice.
 */
export function createReminderEngine(options: ReminderEngineOptions): ReminderEngine {
  const { clock } = options;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  let lastStatus = '';
  let started = false;

  const evaluate = (reason: EvaluationReason): ReminderReport => {
    const db = options.db();
    const now = clock.now();
    const nowIso = now.toISOString();
    const renotifyBefore = new Date(now.getTime() - RENOTIFY_MS).toISOString();
    const language = readSetting<Language>(db, 'app.language', 'ja') === 'en' ? 'en' : 'ja';

    const items = db.tx(() => {
      const due = dueItems(db, nowIso, renotifyBefore);
      const nextDay = new Date(new Date(nowIso).getTime() + RENOTIFY_MS).toISOString();
      for (const item of due) {
        if (item.key.startsWith('f')) {
          db.run(
            db.qb
              .updateTable('followups')
              .set({ next_notify_at: nextDay })
              .where('id', '=', Number(item.key.slice(1))),
          );
        }
        db.run(
          db.qb
            .insertInto('reminder_state')
            .values({
              item_key: item.key,
              due_at: item.remindAt,
              first_notified_at: nowIso,
              last_notified_at: nowIso,
              times: 1,
            })
            .onConflict((oc) =>
              oc.column('item_key').doUpdateSet({
                due_at: item.remindAt,
                last_notified_at: nowIso,
                times: sql<number>`reminder_state.times + 1`,
              }),
            ),
        );
      }
      return due;
    });

    const atStartup = reason === 'startup';
    const notifications =
      items.length === 0
        ? []
        : items.length > SUMMARY_THRESHOLD || (atStartup && items.length > 1)
          ? [summaryNotification(items.length, atStartup, language, nowIso)]
          : items.map((item) => itemNotification(item, language));
    if (notifications.length > 0) options.deliver(notifications);

    const current = status(db, options.currentMemberId(), now);
    const serialised = JSON.stringify(current);
    if (serialised !== lastStatus) {
      lastStatus = serialised;
      options.onStatus(current);
    }
    return { reason, items: items.map((i) => i.key), notifications };
  };

  return {
    get started() {
      return started;
    },
    start() {
      if (started) return { reason: 'startup', items: [], notifications: [] };
      started = true;
      const report = evaluate('startup');
      lastTick = Date.now();
      timer = setInterval(() => {
        // Timers stop while the computer sleeps; a tick arriving much later than planned is a wake-up.
        const gap = Date.now() - lastTick;
        lastTick = Date.now();
        try {
          evaluate(gap > TICK_MS * 3 ? 'resume' : 'tick');
        } catch (e) {
          console.error('[reminders] evaluation failed', e);
        }
      }, TICK_MS);
      timer.unref?.();
      return report;
    },
    evaluate,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

type PendingItem = DueItem & { remindAt: string };

/** Open items whose reminder time has come and that were not notified for this time within the last day. */
function dueItems(db: Db, nowIso: string, renotifyBefore: string): PendingItem[] {
  // Only what is due to be notified now: next_notify_at is the reminder time, then a day after each notification.
  const own = db.all(
    db.qb
      .selectFrom('followups as f')
      .leftJoin('reminder_state as r', (j) => j.on('r.item_key', '=', sql<string>`'f' || f.id`))
      .leftJoin('cases as k', 'k.id', 'f.case_id')
      .leftJoin('customers as c', 'c.id', 'k.customer_id')
      .select([
        'f.id',
        'f.kind',
        'f.title',
        'f.remind_at',
        'f.case_id',
        'f.deal_id',
        'r.due_at as notified_for',
        'c.name as customer_name',
        'k.customer_ref',
      ])
      .where('f.state', '=', 'open')
      .where('f.next_notify_at', '<=', nowIso)
      .orderBy('f.next_notify_at')
      .limit(BATCH_LIMIT),
  );
  const steps = db.all(
    db.qb
      .selectFrom('deal_steps as s')
      .innerJoin('deals as d', 'd.id', 's.deal_id')
      .leftJoin('reminder_state as r', (j) => j.on('r.item_key', '=', sql<string>`'s' || s.id`))
      .leftJoin('customers as c', 'c.id', 'd.customer_id')
      .select([
        's.id',
        's.kind',
        's.due_at',
        's.deal_id',
        'd.external_id',
        'd.ship_name',
        'r.due_at as notified_for',
        'c.name as customer_name',
      ])
      // Literal open-step condition: read through the open steps' due-time index (migration 008).
      .where(isOpenStep('s'))
      .where('s.due_at', '<=', nowIso)
      .where('d.state', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('r.item_key', 'is', null),
          eb('r.due_at', '!=', eb.ref('s.due_at')),
          eb('r.last_notified_at', '<=', renotifyBefore),
        ]),
      )
      .orderBy('s.due_at')
      .limit(BATCH_LIMIT),
  );
  return [
    ...own.map((f): PendingItem => ({
      key: `f${f.id}`,
      kind: f.kind as PendingItem['kind'],
      title: f.title,
      context: f.customer_name ?? f.customer_ref,
      stepKind: null,
      repeat: f.notified_for === f.remind_at,
      route:
        f.case_id !== null
          ? `/cases/${f.case_id}`
          : f.deal_id !== null
            ? `/deals/${f.deal_id}`
            : '/followups',
      remindAt: f.remind_at,
    })),
    ...steps.map((s): PendingItem => ({
      key: `s${s.id}`,
      kind: 'deal_step',
      title: s.external_id,
      context: s.customer_name ?? s.ship_name,
      stepKind: s.kind as StepKind,
      repeat: s.notified_for === s.due_at,
      route: `/deals/${s.deal_id}`,
      remindAt: s.due_at!,
    })),
  ];
}
