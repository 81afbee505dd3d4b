import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../shared/domain/replies';
import { databaseChecksum } from '../../support/checksum';
import { value } from '../../support/deals';
import { useBackend } from '../../support/temp';

const open = useBackend();

async function withMember() {
  const backend = await open();
  const member = await value(backend.call('members.create', { name: '娘', color: 'pink' }));
  await value(backend.call('session.switch', { memberId: member.id }));
  return backend;
}

describe('templates', () => {
  it('lists every shipped default, a marketplace variant before the general one', async () => {
    const backend = await open();
    const all = await value(backend.call('templates.list', {}));
    expect(all).toHaveLength(defaultTemplates.length);
    expect(all.every((t) => t.isDefault && !t.edited)).toBe(true);

    const shipped = await value(
      backend.call('templates.list', { purpose: 'shipped', marketplace: 'mercari' }),
    );
    expect(shipped.map((t) => t.id)).toEqual(['d:shipped.mercari', 'd:shipped']);
    const rakuten = await value(
      backend.call('templates.list', { purpose: 'shipped', marketplace: 'rakuten' }),
    );
    expect(rakuten.map((t) => t.id)).toEqual(['d:shipped']);
  });

  it('edits a default, keeps the edit, and resets it to the shipped text', async () => {
    const backend = await withMember();
    const shipped = await value(backend.call('templates.get', { id: 'd:shipped' }));
    const edited = await value(
      backend.call('templates.save', {
        id: 'd:shipped',
        name: '発送のご連絡（うち用）',
        body: `${shipped.body}\nいつもありがとうございます。`,
        purpose: 'shipped',
        marketplace: null,
      }),
    );
    expect(edited).toMatchObject({ id: 'd:shipped', edited: true, name: '発送のご連絡（うち用）' });
    expect((await value(backend.call('templates.get', { id: 'd:shipped' }))).body).toMatch(
      /いつもありがとう/,
    );

    const reset = await value(backend.call('templates.reset', { id: 'd:shipped' }));
    expect(reset).toMatchObject({ edited: false, body: shipped.body, name: shipped.name });
    const activity = await value(backend.call('activity.list', { limit: 5 }));
    expect(activity.map((a) => a.action)).toEqual(
      expect.arrayContaining(['template.saved', 'template.reset']),
    );
  });

  it('adds, copies, edits and deletes own templates', async () => {
    const backend = await withMember();
    const own = await value(
      backend.call('templates.save', {
        name: '再入荷のお知らせ',
        body: '{{お客様名}}\r\nお待たせいたしました。',
        purpose: 'complaint_update',
        marketplace: 'minne',
      }),
    );
    expect(own).toMatchObject({
      isDefault: false,
      marketplace: 'minne',
      body: '{{お客様名}}\nお待たせいたしました。',
    });

    const copied = await value(backend.call('templates.copy', { id: 'd:complaint_ack' }));
    expect(copied).toMatchObject({
      isDefault: false,
      name: '一次受付（お問い合わせのお礼と確認中のご連絡）（コピー）',
    });
    expect(copied.body).toBe(defaultTemplates.find((d) => d.key === 'complaint_ack')!.body);

    const renamed = await value(
      backend.call('templates.save', {
        id: copied.id,
        name: '一次受付（短め）',
        body: copied.body,
        purpose: copied.purpose,
        marketplace: 'mercari',
      }),
    );
    expect(renamed).toMatchObject({ id: copied.id, name: '一次受付（短め）', marketplace: 'mercari' });

    await value(backend.call('templates.remove', { id: own.id }));
    const after = await backend.call('templates.get', { id: own.id });
    expect(after).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('stores the signature and shares the shop name with the app settings', async () => {
    const backend = await withMember();
    expect(await value(backend.call('templates.profile', {}))).toEqual({ shopName: '', signature: '' });
    const saved = await value(
      backend.call('templates.saveProfile', {
        shopName: ' はなまる雑貨店 ',
        signature: '――\r\nはなまる雑貨店',
      }),
    );
    expect(saved).toEqual({ shopName: 'はなまる雑貨店', signature: '――\nはなまる雑貨店' });
    // One shop name for the whole app: the header and 設定 → 表示 show the same value.
    expect(await value(backend.call('settings.get', {}))).toMatchObject({ shopName: 'はなまる雑貨店' });
    await value(backend.call('settings.update', { shopName: 'はなまる' }));
    expect(await value(backend.call('templates.profile', {}))).toMatchObject({ shopName: 'はなまる' });
  });

  it.each([
    [
      'an unknown placeholder',
      { name: 'x', body: '{{おなまえ}}様', purpose: 'shipped', marketplace: null },
      /Unknown placeholder \{\{おなまえ\}\}/,
    ],
    [
      'a default moved to another purpose',
      { id: 'd:shipped', name: 'x', body: 'x', purpose: 'complaint_ack', marketplace: null },
      /keeps its purpose/,
    ],
    [
      'a default that does not exist',
      { id: 'd:nothing', name: 'x', body: 'x', purpose: 'shipped', marketplace: null },
      /does not exist/,
    ],
    [
      'an own template that does not exist',
      { id: 'm:999', name: 'x', body: 'x', purpose: 'shipped', marketplace: null },
      /does not exist/,
    ],
    ['a blank body', { name: 'x', body: ' \n\t ', purpose: 'shipped', marketplace: null }, /templates.save/],
    [
      'a control character',
      { name: 'x', body: 'a\u0007b', purpose: 'shipped', marketplace: null },
      /templates.save/,
    ],
    [
      'a huge body',
      { name: 'x', body: 'あ'.repeat(10_001), purpose: 'shipped', marketplace: null },
      /templates.save/,
    ],
    [
      'an id of the wrong shape',
      { id: 'm:0', name: 'x', body: 'x', purpose: 'shipped', marketplace: null },
      /templates.save/,
    ],
    [
      'a path as id',
      { id: 'd:../../etc', name: 'x', body: 'x', purpose: 'shipped', marketplace: null },
      /templates.save/,
    ],
  ])('refuses %s and writes nothing', async (_name, input, message) => {
    const backend = await withMember();
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.callUnknown('templates.save', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('refuses to delete a default or reset an own template, writing nothing', async () => {
    const backend = await withMember();
    const own = await value(
      backend.call('templates.save', { name: 'x', body: 'y', purpose: 'shipped', marketplace: null }),
    );
    const before = databaseChecksum(backend.dbPath);
    expect(await backend.call('templates.remove', { id: 'd:shipped' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/cannot be deleted/) },
    });
    expect(await backend.call('templates.reset', { id: own.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await backend.call('templates.remove', { id: 'm:424242' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });
});
