import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { summaryKeys } from '../../../electron/backend/customers/summary';
import { editedFieldsOf } from '../../support/customers';
import { createDeal, value } from '../../support/deals';
import {
  csvFile,
  importFiles,
  LEDGER_TABLES,
  preview,
  RAKUTEN_PAY_BUYER_HEADER,
  rakutenPayBuyerRow,
  tablesChecksum,
} from '../../support/imports';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

/** 楽天ペイ受注CSV: the buyer (注文者) with reading, e-mail and phone, and the ship-to (送付先) with its address. */
const HEADER = [
  ...RAKUTEN_PAY_BUYER_HEADER,
  '送付先姓',
  '送付先名',
  '送付先郵便番号1',
  '送付先郵便番号2',
  '送付先住所都道府県',
  '送付先住所郡市区',
  '送付先住所それ以降の住所',
];

/** 山田 花子's phone: how the import meets the customer a manual deal created. */
const PHONE = { 注文者電話番号1: '090', 注文者電話番号2: '1234', 注文者電話番号3: '5678' };

/** An order of 山田 花子 with every detail the ledger can learn, shipped to herself. */
function hanakoRow(order: string, overrides: Record<string, string> = {}): Record<string, string> {
  return rakutenPayBuyerRow(order, {
    注文者姓: '山田',
    注文者名: '花子',
    注文者姓カナ: 'ﾔﾏﾀﾞ',
    注文者名カナ: 'ﾊﾅｺ',
    注文者メールアドレス: 'Hanako@Example.JP',
    ...PHONE,
    送付先姓: '山田',
    送付先名: '花子',
    送付先郵便番号1: '154',
    送付先郵便番号2: '0015',
    送付先住所都道府県: '東京都',
    送付先住所郡市区: '世田谷区',
    送付先住所それ以降の住所: '桜新町1-2-3',
    ...overrides,
  });
}

/** A gift: shipped to her sister in Osaka, whose reading, address and postal code are not 花子's. */
const TO_MISAKI = {
  送付先姓: '佐藤',
  送付先名: '美咲',
  送付先郵便番号1: '530',
  送付先郵便番号2: '0001',
  送付先住所都道府県: '大阪府',
  送付先住所郡市区: '大阪市北区',
  送付先住所それ以降の住所: '梅田1-1',
};

/** A customer known by name and phone only, as a quick manual deal leaves her. */
async function bareHanako(backend: Backend): Promise<number> {
  const deal = await createDeal(backend, { shipTo: { name: '山田 花子', phone: '090-1234-5678' } });
  return deal.customer!.id;
}

const profileOf = (backend: Backend, id: number) =>
  backend.db.raw
    .prepare('SELECT name_kana, email, phone, postal_code, prefecture, address FROM customers WHERE id = ?')
    .get(id) as Record<string, string | null>;

const summaryOf = (backend: Backend, id: number) =>
  backend.db.raw
    .prepare('SELECT name_key, reading_key FROM customer_summaries WHERE customer_id = ?')
    .get(id) as { name_key: string; reading_key: string };

const TABLES = [...LEDGER_TABLES, 'customer_identities', 'shared_identities'];

async function customerHits(backend: Backend, text: string) {
  const found = await value(backend.call('search.query', { text }));
  return found.hits.filter((h) => h.type === 'customer').map((h) => h.id);
}

const EMPTY_PROFILE = {
  name_kana: null,
  email: null,
  phone: '09012345678',
  postal_code: null,
  prefecture: null,
  address: null,
};

describe('an import fills a known buyer’s empty profile fields', () => {
  it('fills every empty field from the matched order, and the customer is found and sorted by them at once', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    expect(profileOf(backend, hanako)).toEqual(EMPTY_PROFILE);
    expect(await customerHits(backend, 'hanako@example.jp')).toEqual([]);

    const { preview: p, commit } = await importFiles(backend, [
      csvFile('orders.csv', HEADER, [hanakoRow('R-1')]),
    ]);
    expect(p.customers).toEqual({ inserted: 0, matched: 1, filled: 1 });
    expect(commit.customers).toEqual({ inserted: 0, matched: 1, filled: 1 });
    expect(profileOf(backend, hanako)).toEqual({
      name_kana: 'ヤマダ ハナコ',
      email: 'hanako@example.jp',
      phone: '09012345678',
      postal_code: '1540015',
      prefecture: '東京都',
      address: '世田谷区桜新町1-2-3',
    });
    // The customer page and the list read the same row.
    const dto = await value(backend.call('customers.get', { id: hanako }));
    expect(dto).toMatchObject({ kana: 'ヤマダ ハナコ', email: 'hanako@example.jp', prefecture: '東京都' });
    // Search entry and list summary were refreshed in the same commit.
    expect(await customerHits(backend, 'hanako@example.jp')).toEqual([hanako]);
    expect(await customerHits(backend, 'ヤマダハナコ')).toContain(hanako);
    expect(summaryOf(backend, hanako)).toEqual(summaryKeys('山田 花子', 'ヤマダ ハナコ'));
    // The batch counts stay what they were: one deal in, one known customer.
    const history = await value(backend.call('imports.history', {}));
    expect(history[0]).toMatchObject({
      id: commit.batchId,
      deals: { inserted: 1, updated: 0, unchanged: 0 },
      customers: { inserted: 0, matched: 1 },
    });
  });

  it('a reading learned with no new identity still refreshes the search entry and the list summary', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const identities = () =>
      backend.db.raw.prepare('SELECT kind, value FROM customer_identities WHERE customer_id = ?').all(hanako);
    const known = identities();
    expect(await customerHits(backend, 'ヤマダハナコ')).toEqual([]);
    // Only the reading is new: no e-mail, no postal code, the phone she has.
    await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        hanakoRow('R-1', { 注文者メールアドレス: '', 送付先郵便番号1: '', 送付先郵便番号2: '' }),
      ]),
    ]);
    expect(identities()).toEqual(known);
    expect(profileOf(backend, hanako)).toEqual({ ...EMPTY_PROFILE, name_kana: 'ヤマダ ハナコ' });
    expect(await customerHits(backend, 'ヤマダハナコ')).toEqual([hanako]);
    expect(summaryOf(backend, hanako)).toEqual(summaryKeys('山田 花子', 'ヤマダ ハナコ'));
  });

  it('never overwrites a value the customer has, and takes an address only with its own postal code', async () => {
    const backend = await open();
    // Known with a reading and a postal code, but no address.
    const deal = await createDeal(backend, {
      shipTo: { name: '山田 花子', kana: 'ヤマダ ハナ', phone: '090-1234-5678', postalCode: '100-0001' },
    });
    const hanako = deal.customer!.id;
    await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        // Another reading and a parcel to another postal code: neither replaces nor mixes with what is known.
        hanakoRow('R-1', { 注文者メールアドレス: '' }),
      ]),
    ]);
    expect(profileOf(backend, hanako)).toEqual({
      name_kana: 'ヤマダ ハナ',
      email: null,
      phone: '09012345678',
      postal_code: '1000001',
      prefecture: null,
      address: null,
    });
    // An order to the postal code she has fills the rest of that address.
    await importFiles(backend, [
      csvFile('more.csv', HEADER, [
        hanakoRow('R-2', {
          送付先郵便番号1: '100',
          送付先郵便番号2: '0001',
          送付先住所郡市区: '千代田区',
          送付先住所それ以降の住所: '千代田1-1',
          注文者電話番号1: '080',
          注文者電話番号2: '2222',
          注文者電話番号3: '3333',
          注文者メールアドレス: 'hanako@example.jp',
        }),
      ]),
    ]);
    expect(profileOf(backend, hanako)).toEqual({
      name_kana: 'ヤマダ ハナ',
      email: 'hanako@example.jp',
      // Her other phone becomes an identity, not her profile phone.
      phone: '09012345678',
      postal_code: '1000001',
      prefecture: '東京都',
      address: '千代田区千代田1-1',
    });
  });

  it('keeps what a member typed: an e-mail entered by hand stays, only the empty fields are filled', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await value(
      backend.call('customers.update', { id: hanako, patch: { email: 'hana.private@example.jp' } }),
    );
    await importFiles(backend, [csvFile('orders.csv', HEADER, [hanakoRow('R-1')])]);
    const profile = profileOf(backend, hanako);
    expect(profile.email).toBe('hana.private@example.jp');
    expect(profile.name_kana).toBe('ヤマダ ハナコ');
  });

  it('learns the newest order’s details when a file’s orders disagree, and no gift recipient’s address', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        // A gift to her sister: the recipient's address is not 花子's.
        hanakoRow('R-1', { 注文日時: '2026/11/05 10:00', 注文者メールアドレス: '', ...TO_MISAKI }),
        hanakoRow('R-2', { 注文日時: '2026/11/01 10:00', 注文者メールアドレス: 'old@example.jp' }),
        hanakoRow('R-3', { 注文日時: '2026/11/03 10:00', 注文者メールアドレス: 'new@example.jp' }),
      ]),
    ]);
    expect(profileOf(backend, hanako)).toMatchObject({
      email: 'new@example.jp',
      postal_code: '1540015',
      prefecture: '東京都',
      address: '世田谷区桜新町1-2-3',
    });
  });

  it('a buyer new to the ledger whose first order is a gift gets none of the recipient’s details', async () => {
    const backend = await open();
    // Only her name on the order: no e-mail, phone or reading of her own.
    const gift = {
      注文者メールアドレス: '',
      注文者電話番号1: '',
      注文者電話番号2: '',
      注文者電話番号3: '',
      注文者姓カナ: '',
      注文者名カナ: '',
      ...TO_MISAKI,
    };
    const first = await importFiles(backend, [csvFile('a.csv', HEADER, [hanakoRow('G-1', gift)])]);
    expect(first.commit.customers).toMatchObject({ inserted: 1, matched: 0 });
    const hanako = backend.db.raw
      .prepare("SELECT id FROM customers WHERE name = '山田 花子'")
      .pluck()
      .get() as number;
    expect(Object.values(profileOf(backend, hanako))).toEqual([null, null, null, null, null, null]);
    // Nor is 佐藤's postal code an identity of 花子's: a later order of another 山田 花子 in Osaka is not hers.
    const identities = backend.db.raw
      .prepare('SELECT value FROM customer_identities WHERE customer_id = ?')
      .pluck()
      .all(hanako) as string[];
    expect(identities.some((v) => v.includes('5300001'))).toBe(false);
  });

  it('re-importing the same file learns nothing more: no batch, an identical ledger', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const file = csvFile('orders.csv', HEADER, [hanakoRow('R-1'), hanakoRow('R-2')]);
    await importFiles(backend, [file]);
    const filled = profileOf(backend, hanako);
    const before = tablesChecksum(backend.dbPath, [...TABLES, 'import_batches', 'import_journal']);
    const again = await importFiles(backend, [file]);
    expect(again.commit.batchId).toBeNull();
    expect(again.commit.deals).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(profileOf(backend, hanako)).toEqual(filled);
    expect(tablesChecksum(backend.dbPath, [...TABLES, 'import_batches', 'import_journal'])).toBe(before);
  });
});

describe('undo of a batch that filled a profile', () => {
  it('empties exactly the fields the batch filled: the ledger is as before, search included', async () => {
    const clock = fakeClock();
    const backend = await open({ clock });
    const hanako = await bareHanako(backend);
    const before = tablesChecksum(backend.dbPath, TABLES);
    // Later than the manual deal, so undo has a different updated_at to put back.
    clock.advance(86_400_000);
    const { commit } = await importFiles(backend, [csvFile('orders.csv', HEADER, [hanakoRow('R-1')])]);
    expect(profileOf(backend, hanako).email).toBe('hanako@example.jp');

    const undone = await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(undone).toMatchObject({ dealsRemoved: 1, customersRemoved: 0, valuesKept: 0 });
    expect(profileOf(backend, hanako)).toEqual(EMPTY_PROFILE);
    expect(tablesChecksum(backend.dbPath, TABLES)).toBe(before);
    expect(await customerHits(backend, 'hanako@example.jp')).toEqual([]);
    expect(summaryOf(backend, hanako)).toEqual(summaryKeys('山田 花子', null));
  });

  it('keeps a filled field a member changed since, and restores the others', async () => {
    const clock = fakeClock();
    const backend = await open({ clock });
    const hanako = await bareHanako(backend);
    clock.advance(60_000);
    const { commit } = await importFiles(backend, [csvFile('orders.csv', HEADER, [hanakoRow('R-1')])]);
    clock.advance(60_000);
    const edited = await value(
      backend.call('customers.update', { id: hanako, patch: { email: 'hana.new@example.jp' } }),
    );
    const undone = await value(backend.call('imports.undo', { batchId: commit.batchId! }));
    expect(undone.valuesKept).toBe(1);
    expect(profileOf(backend, hanako)).toEqual({ ...EMPTY_PROFILE, email: 'hana.new@example.jp' });
    // The member's edit is the row's last change: its time stays.
    const row = backend.db.raw.prepare('SELECT updated_at FROM customers WHERE id = ?').get(hanako) as {
      updated_at: string;
    };
    expect(row.updated_at).toBe(clock.now().toISOString());
    expect(edited.email).toBe('hana.new@example.jp');
  });

  it('leaves a field a member cleared after the batch empty on undo, and the member’s record of it', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const first = await importFiles(backend, [csvFile('a.csv', HEADER, [hanakoRow('R-1')])]);
    await value(backend.call('customers.update', { id: hanako, patch: { email: '' } }));
    const second = await importFiles(backend, [
      csvFile('b.csv', HEADER, [hanakoRow('R-2', { 注文者メールアドレス: 'hanako2@example.jp' })]),
    ]);
    // The member emptied it on purpose: the next file does not fill it again.
    expect(second.commit.customers.filled).toBe(0);
    expect(profileOf(backend, hanako).email).toBeNull();
    // The first batch's other fields go back; the e-mail is no longer its value, so it is left alone.
    const undone = await value(backend.call('imports.undo', { batchId: first.commit.batchId! }));
    expect(undone.valuesKept).toBe(1);
    expect(profileOf(backend, hanako)).toEqual(EMPTY_PROFILE);
    expect(editedFieldsOf(backend, hanako)).toEqual(['email']);
  });
});

describe('hostile buyer details never reach a profile', () => {
  const refused = async (row: Record<string, string>, code: string) => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const before = tablesChecksum(backend.dbPath, TABLES);
    const file = csvFile('orders.csv', HEADER, [row]);
    const p = await preview(backend, { files: [file] });
    expect(p.invalidRows).toBe(1);
    const issues = await value(backend.call('imports.issues', { previewId: p.previewId }));
    expect(issues.issues.map((i) => i.code)).toContain(code);
    // Without skipping: refused, nothing written.
    const commit = await backend.call('imports.commit', { previewId: p.previewId });
    expect(commit).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(tablesChecksum(backend.dbPath, TABLES)).toBe(before);
    // Skipping the invalid rows: the order is left out, and so are its details.
    const skipped = await importFiles(backend, [file], { skipInvalid: true });
    expect(skipped.commit.rowsSkipped).toBe(1);
    expect(profileOf(backend, hanako)).toEqual(EMPTY_PROFILE);
    expect(tablesChecksum(backend.dbPath, TABLES)).toBe(before);
  };

  it('a 10,000-character reading is refused as too long', async () => {
    await refused(hanakoRow('R-1', { 注文者姓カナ: 'ア'.repeat(10_000) }), 'too_long');
  });

  it('a malformed postal code is left out with a warning, and so is the address that needs it', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const file = csvFile('orders.csv', HEADER, [
      hanakoRow('R-1', { 送付先郵便番号1: '15', 送付先郵便番号2: '00x5' }),
    ]);
    const p = await preview(backend, { files: [file] });
    expect(p.invalidRows).toBe(0);
    const issues = await value(backend.call('imports.issues', { previewId: p.previewId }));
    expect(issues.issues).toEqual([expect.objectContaining({ code: 'postal_invalid', severity: 'warning' })]);
    await value(backend.call('imports.commit', { previewId: p.previewId }));
    expect(profileOf(backend, hanako)).toEqual({
      ...EMPTY_PROFILE,
      name_kana: 'ヤマダ ハナコ',
      email: 'hanako@example.jp',
    });
  });

  it('control characters and half-width kana are cleaned as for new customers', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await importFiles(backend, [
      csvFile('orders.csv', HEADER, [
        hanakoRow('R-1', { 注文者姓カナ: 'ﾔﾏﾀﾞ\u0007', 送付先住所それ以降の住所: '桜新町\t1-2-3' }),
      ]),
    ]);
    expect(profileOf(backend, hanako)).toMatchObject({
      name_kana: 'ヤマダ ハナコ',
      address: '世田谷区桜新町 1-2-3',
    });
  });
});

/** What the profile form sends: every field, as the form shows it (formatted phone and postal code). */
async function saveForm(backend: Backend, id: number, changes: Record<string, string> = {}) {
  const c = await value(backend.call('customers.get', { id }));
  const postal = c.postalCode ? `${c.postalCode.slice(0, 3)}-${c.postalCode.slice(3)}` : '';
  const phone = c.phone ? `${c.phone.slice(0, 3)}-${c.phone.slice(3, 7)}-${c.phone.slice(7)}` : '';
  return value(
    backend.call('customers.update', {
      id,
      patch: {
        name: c.name,
        kana: c.kana ?? '',
        email: c.email ?? '',
        phone,
        postalCode: postal,
        prefecture: c.prefecture ?? '',
        address: c.address ?? '',
        ...changes,
      },
    }),
  );
}

describe('a detail a member set or cleared is never filled again', () => {
  it('records only the fields whose value the form changed', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await importFiles(backend, [csvFile('orders.csv', HEADER, [hanakoRow('R-1')])]);
    // Saved unchanged (formatted phone and postal code included): nothing is the member's choice yet.
    await saveForm(backend, hanako);
    expect(editedFieldsOf(backend, hanako)).toEqual([]);
    await saveForm(backend, hanako, { phone: '080-9999-0000', prefecture: '' });
    expect(editedFieldsOf(backend, hanako)).toEqual(['phone', 'prefecture']);
    // Later edits add to the record; setting a field back to an order's value keeps it the member's.
    await saveForm(backend, hanako, { prefecture: '東京都', email: '' });
    expect(editedFieldsOf(backend, hanako)).toEqual(['email', 'phone', 'prefecture']);
    // Notes, the name and tags are not profile details an order could fill.
    await value(
      backend.call('customers.update', {
        id: hanako,
        patch: { notes: '常連', name: '山田 花子さん', tags: ['VIP'] },
      }),
    );
    expect(editedFieldsOf(backend, hanako)).toEqual(['email', 'phone', 'prefecture']);
  });

  it('a cleared field stays empty through the next files and a manual deal, the others still fill', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await importFiles(backend, [csvFile('a.csv', HEADER, [hanakoRow('R-1')])]);
    // The buyer asked not to be e-mailed and the address on file was a gift's: the member clears both.
    await saveForm(backend, hanako, { email: '', address: '', kana: '' });
    expect(editedFieldsOf(backend, hanako)).toEqual(['address', 'email', 'name_kana']);
    // The next file offers all three again (and a new e-mail): they stay empty.
    const next = await importFiles(backend, [
      csvFile('b.csv', HEADER, [hanakoRow('R-2', { 注文者メールアドレス: 'hanako2@example.jp' })]),
    ]);
    expect(next.preview.customers).toEqual({ inserted: 0, matched: 1, filled: 0 });
    expect(next.commit.customers).toEqual({ inserted: 0, matched: 1, filled: 0 });
    expect(profileOf(backend, hanako)).toEqual({
      name_kana: null,
      email: null,
      phone: '09012345678',
      postal_code: '1540015',
      prefecture: '東京都',
      address: null,
    });
    // Manual entry matches her by phone and fills empty details the same way: not these.
    await createDeal(backend, {
      buyer: { name: '山田 花子', email: 'hanako3@example.jp' },
      shipTo: { name: '山田 花子', phone: '090-1234-5678', address1: '世田谷区1-1', postalCode: '154-0015' },
    });
    expect(profileOf(backend, hanako)).toMatchObject({ email: null, address: null, name_kana: null });
    // A member may still type the value in by hand.
    await saveForm(backend, hanako, { email: 'hanako@example.jp' });
    expect(profileOf(backend, hanako).email).toBe('hanako@example.jp');
  });

  it('a field a member set is not replaced, and another empty field still fills', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await saveForm(backend, hanako, { postalCode: '100-0001', prefecture: '東京都' });
    const { preview: p, commit } = await importFiles(backend, [csvFile('a.csv', HEADER, [hanakoRow('R-1')])]);
    expect(p.customers.filled).toBe(1);
    expect(commit.customers.filled).toBe(1);
    // The order ships to another postal code: its address does not mix with hers.
    expect(profileOf(backend, hanako)).toEqual({
      name_kana: 'ヤマダ ハナコ',
      email: 'hanako@example.jp',
      phone: '09012345678',
      postal_code: '1000001',
      prefecture: '東京都',
      address: null,
    });
  });

  it('hostile customers.update input is refused and leaves the record as it was', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    await saveForm(backend, hanako, { email: 'x@example.jp' });
    const before = tablesChecksum(backend.dbPath, ['customers', 'customer_identities']);
    for (const patch of [
      { email: 42 },
      { email: 'not an address' },
      { phone: '0'.repeat(10_000) },
      { postalCode: '１２３' },
      { address: 'あ'.repeat(301) },
      { kana: null },
      { editedFields: ['email'] },
      { edited_fields: '["email"]' },
    ]) {
      const result = await backend.call('customers.update', { id: hanako, patch } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(tablesChecksum(backend.dbPath, ['customers', 'customer_identities'])).toBe(before);
    expect(editedFieldsOf(backend, hanako)).toEqual(['email']);
  });
});

describe('the preview says how many known customers get details, and the commit fills exactly those', () => {
  it('counts the known customers with fillable fields, not new ones, complete ones or cleared fields', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    /** Someone else's order, shipped to themselves at 花子's postal code. */
    const orderOf = (order: string, [last, first]: [string, string], email: string, phone: string) =>
      hanakoRow(order, {
        注文者姓: last,
        注文者名: first,
        送付先姓: last,
        送付先名: first,
        注文者姓カナ: '',
        注文者名カナ: '',
        注文者メールアドレス: email,
        注文者電話番号1: phone.slice(0, 3),
        注文者電話番号2: phone.slice(3, 7),
        注文者電話番号3: phone.slice(7),
      });
    const knownAt1540015 = async (name: string, kana: string, email: string, phone: string) =>
      (
        await createDeal(backend, {
          buyer: { name, email },
          shipTo: { name, kana, phone, postalCode: '154-0015', prefecture: '東京都' },
        })
      ).customer!.id;
    // Known and complete: nothing to fill.
    const sato = await knownAt1540015('佐藤 健', 'サトウ ケン', 'ken@example.jp', '070-1111-2222');
    await saveForm(backend, sato, { address: '世田谷区1-1' });
    // Known, and the one field an order could fill was cleared by a member.
    const suzuki = await knownAt1540015('鈴木 一郎', 'スズキ イチロウ', 'ichiro@example.jp', '070-3333-4444');
    await saveForm(backend, suzuki, { address: '世田谷区2-2' });
    await saveForm(backend, suzuki, { address: '' });
    expect(new Set([hanako, sato, suzuki]).size).toBe(3);
    const rows = [
      hanakoRow('R-1'),
      hanakoRow('R-2', { 注文日時: '2026/11/02 10:00' }),
      orderOf('K-1', ['佐藤', '健'], 'ken@example.jp', '07011112222'),
      orderOf('S-1', ['鈴木', '一郎'], 'ichiro@example.jp', '07033334444'),
      // Someone new: a new customer, not a filled one.
      orderOf('N-1', ['高橋', '次郎'], 'jiro@example.jp', '08055556666'),
    ];
    const journalled = () =>
      backend.db.raw
        .prepare("SELECT entity_id FROM import_journal WHERE entity = 'customer_profile' ORDER BY entity_id")
        .all()
        .map((r) => (r as { entity_id: number }).entity_id);
    const known = journalled();
    const { preview: p, commit } = await importFiles(backend, [csvFile('orders.csv', HEADER, rows)]);
    expect(p.customers).toEqual({ inserted: 1, matched: 3, filled: 1 });
    expect(commit.customers).toEqual(p.customers);
    // Exactly the one counted: 花子.
    expect(journalled().filter((id) => !known.includes(id))).toEqual([hanako]);
    expect(profileOf(backend, suzuki).address).toBeNull();
  });

  it('the same file again fills nobody, even a detail emptied outside the form', async () => {
    const backend = await open();
    const hanako = await bareHanako(backend);
    const file = csvFile('orders.csv', HEADER, [hanakoRow('R-1')]);
    await importFiles(backend, [file]);
    // Emptied before member edits were recorded (an older version's database): not the member's record.
    backend.db.raw.prepare('UPDATE customers SET email = NULL WHERE id = ?').run(hanako);
    const again = await importFiles(backend, [file]);
    // Nothing to write, so no batch: the count says so before the commit.
    expect(again.preview.customers.filled).toBe(0);
    expect(again.commit).toMatchObject({ batchId: null, customers: { filled: 0 } });
    expect(profileOf(backend, hanako).email).toBeNull();
    // A newer order with something new is a batch again, and then the empty e-mail is filled.
    const newer = await importFiles(backend, [csvFile('more.csv', HEADER, [hanakoRow('R-2')])]);
    expect(newer.preview.customers.filled).toBe(1);
    expect(newer.commit.customers.filled).toBe(1);
    expect(profileOf(backend, hanako).email).toBe('hanako@example.jp');
  });
});
