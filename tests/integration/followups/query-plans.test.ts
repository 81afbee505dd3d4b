import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addMember, createCase } from '../../support/cases';
import { createDeal, value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

/**
 * Records every statement the backend prepares from now on (the executor caches them, so recording must
 * start before the first use); plans() explains the SELECTs (parameters are not needed for EXPLAIN).
 */
function recordStatements(raw: Database.Database) {
  const seen = new Set<string>();
  const original = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    seen.add(source);
    return original(source);
  }) as typeof raw.prepare;
  return {
    plans: () =>
      [...seen]
        .filter((s) => /^\s*select/i.test(s))
        .map((s) => {
          const params = (s.match(/\?/g) ?? []).map(() => null);
          const rows = original(`EXPLAIN QUERY PLAN ${s}`).all(...params) as { detail: string }[];
          return { sql: s, plan: rows.map((r) => r.detail).join('\n') };
        }),
  };
}

describe('query plans of the due query and the reminder evaluation', () => {
  it('read deal steps through the open-step partial indexes and never scan follow-ups or steps', async () => {
    const clock = fakeClock('2026-11-20T01:00:00.000Z');
    const backend = await open({ clock, notify: () => undefined });
    // Fresh statistics, as a long-used ledger has them: plans must not depend on their absence.
    backend.db.raw.exec('ANALYZE');
    const recorder = recordStatements(backend.db.raw);
    const memberId = await addMember(backend);
    await createCase(backend);
    await createDeal(backend);
    backend.reminders!.start();
    clock.set('2026-11-25T01:00:00.000Z');
    backend.reminders!.evaluate('tick');
    await value(backend.call('followups.list', { memberId, until: clock.now().toISOString() }));
    await value(backend.call('followups.list', { memberId }));

    const relevant = recorder
      .plans()
      .filter(({ sql }) => /from "(followups|deal_steps)" as "(f|s)"|from "followups"/.test(sql));
    for (const { sql, plan } of relevant) {
      expect(plan, sql).not.toMatch(/SCAN (f|s|followups|deal_steps)\b/);
      if (/from "deal_steps" as "s"/.test(sql)) expect(plan, sql).toMatch(/deal_steps_open_/);
    }
    // The engine's step query, the due list's step rows and counts, and the badge count all were seen.
    expect(relevant.filter(({ sql }) => /from "deal_steps" as "s"/.test(sql)).length).toBeGreaterThanOrEqual(
      3,
    );
  });
});
