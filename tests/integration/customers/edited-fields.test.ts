import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { migrations } from '../../../electron/backend/db/migrations';
import { twoBuyerDeals } from '../../support/cases';
import { editedFieldsOf } from '../../support/customers';
import { createDeal, dealInput, value } from '../../support/deals';
import { fakeClock, useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();

const emailOf = (backend: Backend, id: number) =>
  (backend.db.raw.prepare('SELECT email FROM customers WHERE id = ?').get(id) as { email: string | null })
    .email;

describe('merging and splitting carry the details a member set or cleared', () => {
  it('the survivor keeps both customers’ edited fields, and a field it cleared is not filled by the merge', async () => {
    const backend = await open();
    const { keepId, absorbId } = await twoBuyerDeals(backend);
    // The absorbed duplicate has the e-mail the member removed from the survivor.
    await value(backend.call('customers.update', { id: keepId, patch: { email: '', prefecture: '東京都' } }));
    await value(backend.call('customers.update', { id: keepId, patch: { email: 'x@example.jp' } }));
    await value(backend.call('customers.update', { id: keepId, patch: { email: '' } }));
    await value(backend.call('customers.update', { id: absorbId, patch: { kana: '', address: '港区1-1' } }));
    expect(editedFieldsOf(backend, keepId)).toEqual(['email', 'prefecture']);
    expect(editedFieldsOf(backend, absorbId)).toEqual(['address']);

    const { merge, customer } = await value(backend.call('customers.merge', { keepId, absorbId }));
    expect(editedFieldsOf(backend, keepId)).toEqual(['address', 'email', 'prefecture']);
    expect(customer.email).toBeNull();
    // A field the survivor merely lacked is still taken over from the duplicate.
    expect(customer.address).toBe('港区1-1');
    expect(editedFieldsOf(backend, absorbId)).toEqual(['address']);

    // A manual deal matched to the survivor by phone does not fill the cleared e-mail either.
    await createDeal(backend, {
      buyer: { name: '山田 花子', email: 'hanako@example.jp' },
      shipTo: { name: '山田 花子', phone: '090-1111-1111' },
    });
    expect(emailOf(backend, keepId)).toBeNull();

    // Split: the restored customer has its own record back; the survivor keeps the union (see merge.ts).
    await value(backend.call('customers.split', { mergeId: merge.id }));
    expect(editedFieldsOf(backend, absorbId)).toEqual(['address']);
    expect(editedFieldsOf(backend, keepId)).toEqual(['address', 'email', 'prefecture']);
    expect(emailOf(backend, absorbId)).toBe('hanako@example.jp');
  });

  it('a merge of two customers nobody edited leaves the survivor’s record empty and fills as before', async () => {
    const backend = await open();
    const { keepId, absorbId } = await twoBuyerDeals(backend);
    const { customer } = await value(backend.call('customers.merge', { keepId, absorbId }));
    expect(customer.email).toBe('hanako@example.jp');
    expect(editedFieldsOf(backend, keepId)).toEqual([]);
  });
});

describe('migration 011 on a database with customers', () => {
  it('adds an empty record to every existing customer, and edits are recorded afterwards', async () => {
    const dbPath = path.join(tempDir(), 'torihiki.sqlite');
    const old = await createBackend({ dbPath, clock: fakeClock(), migrations: migrations.slice(0, 10) });
    expect(old.schemaVersion).toBe(10);
    const ids: number[] = [];
    for (const [name, phone] of [
      ['山田 花子', '090-1111-1111'],
      ['佐藤 健', '070-2222-3333'],
    ] as const) {
      const deal = await value(old.call('deals.create', dealInput({ shipTo: { name, phone } })));
      ids.push(deal.customer!.id);
    }
    const columns = () =>
      (old.db.raw.prepare("SELECT name FROM pragma_table_info('customers')").all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns()).not.toContain('edited_fields');
    old.close();

    const backend = await createBackend({ dbPath, clock: fakeClock() });
    try {
      expect(backend.schemaVersion).toBe(11);
      const rows = backend.db.raw.prepare('SELECT id, edited_fields FROM customers ORDER BY id').all();
      expect(rows).toEqual(ids.map((id) => ({ id, edited_fields: '[]' })));
      await value(backend.call('customers.update', { id: ids[0]!, patch: { phone: '' } }));
      expect(editedFieldsOf(backend, ids[0]!)).toEqual(['phone']);
      expect(editedFieldsOf(backend, ids[1]!)).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
