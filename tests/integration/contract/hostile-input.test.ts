import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../../shared/contract';
import { defaultWorkflows } from '../../../shared/domain/workflows';
import { databaseChecksum } from '../../support/checksum';
import { createDeal, dealInput } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

/** Values of every wrong shape a transport could deliver. */
const hostileValues: unknown[] = [
  null,
  '',
  'x'.repeat(100_000),
  '１２３',
  '1; DROP TABLE deals; --',
  -1,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  '\u0000\u0007\u001b[31m',
  '🙂'.repeat(10_000),
];

const topLevelGarbage: unknown[] = [
  null,
  'members',
  42,
  [],
  [{}],
  true,
  { __proto__: { admin: true } },
  { extra: 1 },
];

/** Inputs for one method: garbage as the whole input, and each field replaced by each hostile value. */
function mutations(method: MethodName): unknown[] {
  const schema = contract[method].input as z.ZodType;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
  const cases: unknown[] = [...topLevelGarbage];
  for (const key of Object.keys(shape)) {
    for (const value of hostileValues) cases.push({ ...validBase(method), [key]: value });
  }
  cases.push({ ...validBase(method), unexpectedField: 'x' });
  return cases;
}

/** A minimal valid input, so that each mutation breaks exactly one field. */
function validBase(method: MethodName): Record<string, unknown> {
  const bases: Partial<Record<MethodName, Record<string, unknown>>> = {
    'members.create': { name: '母', color: 'pink' },
    'members.update': { id: 1 },
    'members.setPin': { id: 1, newPin: '1234' },
    'members.archive': { id: 1, archived: true },
    'session.switch': { memberId: 1 },
    'demo.seed': { deals: 1 },
    'deals.get': { id: 1 },
    'deals.create': dealInput() as unknown as Record<string, unknown>,
    'deals.update': { id: 1, patch: { notes: 'x' } },
    'deals.cancel': { id: 1 },
    'deals.reopen': { id: 1 },
    'deals.list': { filter: { text: 'x' } },
    'steps.update': { dealId: 1, kind: 'payment', state: 'done' },
    'deals.bulk': { dealIds: [1], action: { type: 'markPaid' } },
    'workflows.update': { marketplace: 'mercari', steps: defaultWorkflows.mercari },
    'today.get': { memberId: 1 },
    'imports.preview': { files: [{ name: 'orders.csv', contentBase64: 'YSxiCjEsMgo=' }] },
    'imports.rows': { previewId: '00000000-0000-4000-8000-000000000000' },
    'imports.issues': { previewId: '00000000-0000-4000-8000-000000000000' },
    'imports.commit': { previewId: '00000000-0000-4000-8000-000000000000' },
    'imports.cancel': { previewId: '00000000-0000-4000-8000-000000000000' },
    'imports.undo': { batchId: 1 },
    'mappings.save': {
      name: '自社カート',
      header: ['注文番号'],
      mapping: { marketplace: 'other', columns: { externalId: '注文番号' }, dateFormat: 'auto' },
    },
    'mappings.delete': { id: 1 },
    'search.query': { text: '山田' },
    'customers.list': { filter: { text: 'x' } },
    'customers.get': { id: 1 },
    'customers.update': { id: 1, patch: { notes: 'x' } },
    'customers.removeIdentity': { customerId: 1, identityId: 1 },
    'customers.duplicates': { limit: 10 },
    'customers.dismissDuplicate': { aId: 1, bId: 2 },
    'customers.merge': { keepId: 1, absorbId: 2 },
    'customers.split': { mergeId: 1 },
    'wishes.add': { customerId: 1, text: '青いのが欲しい' },
    'wishes.update': { id: 1, done: true },
    'wishes.remove': { id: 1 },
    'cases.list': { text: 'x' },
    'cases.get': { id: 1 },
    'cases.create': { category: 'damaged', severity: 'high', summary: '割れていた', dealId: 1 },
    'cases.update': { id: 1, patch: { summary: 'x' } },
    'cases.addEntry': { caseId: 1, kind: 'note', text: 'x' },
    'cases.move': { id: 1, to: 'investigating' },
    'cases.addOption': { caseId: 1, kind: 'partial_refund', amount: 500 },
    'cases.chooseOption': { caseId: 1, optionId: 1 },
    'cases.removeOption': { caseId: 1, optionId: 1 },
    'promises.create': { caseId: 1, title: '電話する', dueAt: '2026-11-20T09:00:00.000Z' },
    'promises.settle': { id: 1, outcome: 'kept' },
    'cases.updateSettings': { firstResponseHours: 24 },
    'aftercare.savePlan': {
      name: '標準',
      steps: [{ kind: 'checkin', title: '確認', unit: 'days', amount: 7 }],
    },
    'aftercare.archivePlan': { id: 1 },
    'followups.list': { memberId: 1 },
    'followups.create': { title: '確認', dueAt: '2026-11-20T09:00:00.000Z' },
    'followups.snooze': { key: 'f1', until: '2026-11-20T09:00:00.000Z' },
    'followups.reassign': { key: 'f1', assigneeId: 1 },
    'followups.done': { key: 'f1' },
    'exports.csv': { table: 'items', encoding: 'cp932', part: 1, after: [1, 1] },
  };
  return bases[method] ?? {};
}

describe('every contract method refuses malformed input and writes nothing', () => {
  it.each(methodNames)('%s', async (method) => {
    const backend = await open();
    // Give write methods something to hit, so a wrongly accepted input would change rows.
    const created = await backend.call('members.create', { name: '父', color: 'blue' });
    expect(created.ok).toBe(true);
    await createDeal(backend);
    const before = databaseChecksum(backend.dbPath);

    const schema = contract[method].input as z.ZodType;
    let refused = 0;
    for (const input of mutations(method)) {
      // Only inputs the contract itself declares invalid are under test here; a few hostile values
      // are legitimately valid for some fields (e.g. `true` for a boolean flag).
      if (schema.safeParse(input).success) continue;
      const result = await backend.callUnknown(method, input);
      expect(result.ok, `${method} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(method);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
      refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(topLevelGarbage.length);
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('refuses unknown methods, including prototype names, without writing', async () => {
    const backend = await open();
    const before = databaseChecksum(backend.dbPath);
    for (const method of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'members.drop',
      '',
      'x'.repeat(10_000),
    ]) {
      const result = await backend.callUnknown(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    }
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('names the offending field in the issues', async () => {
    const backend = await open();
    const result = await backend.call('members.create', { name: '', color: 'pink' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name' }] } });
  });
});
