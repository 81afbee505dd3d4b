import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityDto } from '../../../shared/contract';
import { describeActivity } from './activity';
import { tEn, tJa } from './testing';

const backendDir = join(__dirname, '../../../electron/backend');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every code the backend can write to the log: the literals of each `action:` (ternaries included). */
function backendActionCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(backendDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction:\s*([^\n]*)/g)) {
      for (const code of m[1]!.matchAll(/'([a-z]+\.[A-Za-z_]+)'/g)) codes.add(code[1]!);
    }
  }
  return [...codes].sort();
}

const entry = (action: string, detail: Record<string, unknown> = {}, subject?: [string, number]) =>
  ({
    id: 1,
    at: '2026-11-20T01:00:00.000Z',
    memberId: 1,
    memberName: '母',
    action,
    subjectType: subject?.[0] ?? null,
    subjectId: subject?.[1] ?? null,
    detail,
  }) satisfies ActivityDto;
const names = (id: number) => (id === 2 ? '娘' : undefined);

describe('the activity log words every action the backend writes', () => {
  const codes = backendActionCodes();

  it('finds the codes in the backend source (cases, customers, templates, imports…)', () => {
    expect(codes.length).toBeGreaterThan(40);
    for (const code of ['case.moved', 'customer.merged', 'template.saved', 'member.pinSet', 'deal.untagged'])
      expect(codes).toContain(code);
  });

  it.each(codes)('%s reads as a sentence in Japanese and English, never as its code', (code) => {
    for (const t of [tJa, tEn]) {
      const text = describeActivity(entry(code), t, names);
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/\{\{|activity(Log)?\.|customerUi\./);
      expect(text.trim()).not.toBe('');
    }
    expect(describeActivity(entry(code), tJa, names)).not.toBe(describeActivity(entry(code), tEn, names));
  });

  it('an unknown action still shows its code rather than nothing', () => {
    expect(describeActivity(entry('customer.teleported'), tJa, names)).toBe(
      'その他の操作（customer.teleported）',
    );
  });

  it('words the facts of case, follow-up and import entries', () => {
    const moved = entry('case.moved', { from: 'received', to: 'resolved' }, ['case', 12]);
    expect(describeActivity(moved, tJa, names)).toBe('クレーム #12: 状態を「受付」から「解決」にしました');
    expect(describeActivity(moved, tJa, names, { inSubject: true })).toBe(
      '状態を「受付」から「解決」にしました',
    );
    expect(describeActivity(moved, tEn, names)).toBe(
      'Case #12: Moved the case from “Received” to “Resolved”',
    );
    const raised = entry('case.raised', { caseId: 12 }, ['deal', 40]);
    expect(describeActivity(raised, tJa, names)).toBe('取引 #40: この取引からクレーム #12 を受け付けました');
    expect(describeActivity(raised, tEn, names, { inSubject: true })).toBe('Opened case #12 from this deal');
    const reassigned = entry('followup.reassigned', { followupId: 3, from: null, to: 2 });
    expect(describeActivity(reassigned, tJa, names)).toBe('フォローアップの担当を娘にしました');
    const offered = entry('case.option_offered', { kind: 'partial_refund', amount: 500 }, ['case', 4]);
    expect(describeActivity(offered, tJa, names, { inSubject: true })).toBe('案「一部返金」を追加しました');
    const imported = entry('import.committed', { files: ['orders.csv'], deals: 120 });
    expect(describeActivity(imported, tEn, names)).toBe('Imported 120 deals from orders.csv');
    const promise = entry('case.promise_settled', { outcome: 'broken', title: '18時までにお電話' });
    expect(describeActivity(promise, tJa, names)).toBe(
      '約束「18時までにお電話」を守れなかったと記録しました',
    );
  });

  it('customer entries read as on the customer page', () => {
    const merged = entry('customer.merged', { absorbedName: '山田 花子', moved: { deals: 3 } }, [
      'customer',
      5,
    ]);
    expect(describeActivity(merged, tJa, names)).toContain('山田 花子');
  });
});
