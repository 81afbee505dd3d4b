import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { createDeal, dealInput, value } from '../../support/deals';
import {
  csvFile,
  importFiles,
  LEDGER_TABLES,
  RAKUTEN_PAY_BUYER_HEADER,
  rakutenPayBuyerRow,
  tablesChecksum,
} from '../../support/imports';
import { useBackend } from '../../support/temp';

const open = useBackend();

const HEADER = [...RAKUTEN_PAY_BUYER_HEADER, '送付先郵便番号1', '送付先郵便番号2'];

const buyerRow = rakutenPayBuyerRow;

const customerOf = (backend: Backend, order: string) =>
  (
    backend.db.raw.prepare('SELECT customer_id FROM deals WHERE external_id = ?').get(order) as {
      customer_id: number | null;
    }
  ).customer_id;

const count = (backend: Backend, sql: string, ...params: unknown[]) =>
  (backend.db.raw.prepare(sql).get(...params) as { n: number }).n;

describe('import matches buyers with the customers module’s identities and rules', () => {
  it('a phone number alone joins only buyers whose names agree; the shared number is noted for the duplicates list', async () => {
    const backend = await open();
    // A manual deal: 山田 花子 with 090-1234-5678 (the customers module records her identities).
    const hanako = (await createDeal(backend)).customer!.id;
    const phone = { 注文者電話番号1: '090', 注文者電話番号2: '1234', 注文者電話番号3: '5678' };
    const { commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        // The same person, her name written in full-width kana reading and with an honorific.
        buyerRow('R-1', { 注文者姓: '山田', 注文者名: '花子 様', ...phone }),
        // Someone else on the same family line: not merged into 山田 花子.
        buyerRow('R-2', { 注文者姓: '山田', 注文者名: '太郎', ...phone }),
        // Another new buyer with the same phone and another name: a third person.
        buyerRow('R-3', { 注文者姓: '鈴木', 注文者名: '一郎', ...phone }),
        // 太郎's second order in the same file: the customer his first order creates.
        buyerRow('R-4', { 注文者姓: '山田', 注文者名: '太郎', ...phone }),
      ]),
    ]);
    expect(commit.customers).toEqual({ inserted: 2, matched: 1, filled: 0 });
    expect(customerOf(backend, 'R-1')).toBe(hanako);
    const taro = customerOf(backend, 'R-2');
    expect(taro).not.toBe(hanako);
    expect(customerOf(backend, 'R-4')).toBe(taro);
    expect(new Set([hanako, taro, customerOf(backend, 'R-3')]).size).toBe(3);
    expect(
      count(
        backend,
        "SELECT count(*) AS n FROM shared_identities WHERE kind = 'phone' AND value = '09012345678'",
      ),
    ).toBe(1);
  });

  it('new customers are stored normalised with their identities, so the next import and manual entry find them', async () => {
    const backend = await open();
    const { commit } = await importFiles(backend, [
      csvFile('first.csv', HEADER, [
        buyerRow('R-1', {
          注文者姓: '高橋',
          注文者名: '健太',
          注文者姓カナ: 'ﾀｶﾊｼ',
          注文者名カナ: 'ｹﾝﾀ',
          注文者メールアドレス: 'Kenta@Example.JP',
          送付先郵便番号1: '530',
          送付先郵便番号2: '0001',
        }),
      ]),
    ]);
    expect(commit.customers).toEqual({ inserted: 1, matched: 0, filled: 0 });
    const id = customerOf(backend, 'R-1')!;
    expect(
      backend.db.raw
        .prepare('SELECT name, name_kana, email, postal_code FROM customers WHERE id = ?')
        .get(id),
    ).toEqual({
      name: '高橋 健太',
      name_kana: 'タカハシ ケンタ',
      email: 'kenta@example.jp',
      postal_code: '5300001',
    });
    const kinds = backend.db.raw
      .prepare('SELECT kind FROM customer_identities WHERE customer_id = ? ORDER BY kind')
      .all(id)
      .map((r) => (r as { kind: string }).kind);
    expect(kinds).toEqual(['email', 'name_postal', 'name_postal']);

    // Another export: the same reading at the same postal code, no e-mail: the same customer.
    const next = await importFiles(backend, [
      csvFile('second.csv', HEADER, [
        buyerRow('R-2', {
          注文者姓: '髙橋',
          注文者名: '健太',
          注文者姓カナ: 'たかはし',
          注文者名カナ: 'けんた',
          送付先郵便番号1: '530',
          送付先郵便番号2: '0001',
        }),
      ]),
    ]);
    expect(next.commit.customers).toEqual({ inserted: 0, matched: 1, filled: 0 });
    expect(customerOf(backend, 'R-2')).toBe(id);
    // Manual entry with the e-mail in another case meets the imported customer too.
    const manual = await createDeal(backend, { buyer: { name: '高橋 健太', email: 'KENTA@example.jp' } });
    expect(manual.customer!.id).toBe(id);
  });

  it('an e-mail held by two customers (split by a member) picks one only when the name agrees', async () => {
    const backend = await open();
    const a = (await createDeal(backend, { buyer: { name: '佐藤 美咲', email: 'family@example.jp' } }))
      .customer!.id;
    // A second customer with the same address, as a split leaves it.
    const b = backend.db.raw
      .prepare("INSERT INTO customers (name, notes, created_at, updated_at) VALUES ('佐藤 健', '', 'x', 'x')")
      .run().lastInsertRowid as number;
    backend.db.raw
      .prepare(
        "INSERT INTO customer_identities (customer_id, kind, marketplace, value, created_at) VALUES (?, 'email', '', 'family@example.jp', 'x')",
      )
      .run(b);
    const { commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        buyerRow('R-1', { 注文者姓: '佐藤', 注文者名: '健', 注文者メールアドレス: 'family@example.jp' }),
        buyerRow('R-2', { 注文者姓: '佐藤', 注文者名: '美咲', 注文者メールアドレス: 'family@example.jp' }),
        buyerRow('R-3', { 注文者姓: '佐藤', 注文者名: '花', 注文者メールアドレス: 'family@example.jp' }),
      ]),
    ]);
    expect(customerOf(backend, 'R-1')).toBe(b);
    expect(customerOf(backend, 'R-2')).toBe(a);
    expect([a, b]).not.toContain(customerOf(backend, 'R-3'));
    expect(commit.customers).toEqual({ inserted: 1, matched: 2, filled: 1 });
  });
});

describe('import records what it learns about known buyers, and undo takes exactly that back', () => {
  /** The phone of the manual deal's buyer (山田 花子, see tests/support/deals.ts). */
  const HANAKO_LINE = { 注文者電話番号1: '090', 注文者電話番号2: '1234', 注文者電話番号3: '5678' };
  const IDENTITY_TABLES = [...LEDGER_TABLES, 'customer_identities', 'shared_identities'];
  const identitiesOf = (backend: Backend, id: number) =>
    backend.db.raw
      .prepare('SELECT kind, value FROM customer_identities WHERE customer_id = ? ORDER BY kind, value')
      .all(id);

  it('a matched customer gets the new e-mail and phone of the row, and the next import finds her by them', async () => {
    const backend = await open();
    // 山田 花子 from a manual deal: phone 090-1234-5678, no e-mail.
    const hanako = (await createDeal(backend)).customer!.id;
    const { commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        buyerRow('R-1', {
          注文者姓: '山田',
          注文者名: '花子',
          注文者メールアドレス: 'Hanako@Example.JP',
          ...HANAKO_LINE,
        }),
        // Her next order in the same file, with a new phone only and the e-mail: the same customer.
        buyerRow('R-2', {
          注文者姓: '山田',
          注文者名: '花子',
          注文者メールアドレス: 'hanako@example.jp',
          注文者電話番号1: '080',
          注文者電話番号2: '2222',
          注文者電話番号3: '3333',
        }),
      ]),
    ]);
    expect(commit.customers).toEqual({ inserted: 0, matched: 1, filled: 1 });
    expect(customerOf(backend, 'R-2')).toBe(hanako);
    expect(identitiesOf(backend, hanako)).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'hanako@example.jp' },
        { kind: 'phone', value: '09012345678' },
        { kind: 'phone', value: '08022223333' },
      ]),
    );
    // Quick lookup finds her by the e-mail only this import knew.
    const found = await value(backend.call('search.query', { text: 'hanako@example.jp' }));
    expect(found.hits[0]).toMatchObject({ type: 'customer', id: hanako, matchedOn: 'email' });
    // A later export with only the e-mail and a differently written name meets her through it.
    const next = await importFiles(backend, [
      csvFile('next.csv', HEADER, [
        buyerRow('R-3', { 注文者姓: '山田', 注文者名: 'はなこ', 注文者メールアドレス: 'HANAKO@example.jp' }),
      ]),
    ]);
    expect(next.commit.customers).toEqual({ inserted: 0, matched: 1, filled: 0 });
    expect(customerOf(backend, 'R-3')).toBe(hanako);
  });

  it('undo removes the identities and shared-identity notes the batch added, and nothing else', async () => {
    const backend = await open();
    const hanako = (await createDeal(backend)).customer!.id;
    const identitiesBefore = identitiesOf(backend, hanako);
    const before = tablesChecksum(backend.dbPath, IDENTITY_TABLES);
    const { commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        // Known buyer, new e-mail.
        buyerRow('R-1', {
          注文者姓: '山田',
          注文者名: '花子',
          注文者メールアドレス: 'hanako@example.jp',
          ...HANAKO_LINE,
        }),
        // A new buyer on her phone line: a new customer, and the phone becomes shared.
        buyerRow('R-2', {
          注文者姓: '佐藤',
          注文者名: '健',
          ...HANAKO_LINE,
        }),
      ]),
    ]);
    expect(commit.customers).toEqual({ inserted: 1, matched: 1, filled: 1 });
    expect(count(backend, 'SELECT count(*) AS n FROM shared_identities')).toBe(1);
    expect(identitiesOf(backend, hanako)).toContainEqual({ kind: 'email', value: 'hanako@example.jp' });
    // Her profile had no e-mail: the batch filled it, and undo empties it again (the checksum covers customers).
    const emailOf = () =>
      (
        backend.db.raw.prepare('SELECT email FROM customers WHERE id = ?').get(hanako) as {
          email: string | null;
        }
      ).email;
    expect(emailOf()).toBe('hanako@example.jp');

    const undone = await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(undone).toMatchObject({ dealsRemoved: 2, customersRemoved: 1 });
    expect(identitiesOf(backend, hanako)).toEqual(identitiesBefore);
    expect(count(backend, 'SELECT count(*) AS n FROM shared_identities')).toBe(0);
    expect(emailOf()).toBeNull();
    expect(tablesChecksum(backend.dbPath, IDENTITY_TABLES)).toBe(before);
    const found = await value(backend.call('search.query', { text: 'hanako@example.jp' }));
    expect(found.hits.filter((h) => h.type === 'customer')).toEqual([]);
  });

  it('undo keeps a shared-identity note that was there before the batch', async () => {
    const backend = await open();
    const hanako = (await createDeal(backend)).customer!.id;
    // Someone else already on her line (a manual deal), so the phone is shared before any import.
    await createDeal(backend, {
      shipTo: { ...dealInput().shipTo, name: '山田 太郎', kana: 'ヤマダ タロウ' },
    });
    expect(count(backend, 'SELECT count(*) AS n FROM shared_identities')).toBe(1);
    const before = tablesChecksum(backend.dbPath, IDENTITY_TABLES);
    const { commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        buyerRow('R-1', {
          注文者姓: '鈴木',
          注文者名: '一郎',
          ...HANAKO_LINE,
        }),
      ]),
    ]);
    expect(commit.customers).toEqual({ inserted: 1, matched: 0, filled: 0 });
    await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(count(backend, 'SELECT count(*) AS n FROM shared_identities')).toBe(1);
    expect(tablesChecksum(backend.dbPath, IDENTITY_TABLES)).toBe(before);
    expect(identitiesOf(backend, hanako).length).toBeGreaterThan(0);
  });
});
