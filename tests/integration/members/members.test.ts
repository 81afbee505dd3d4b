import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { databaseChecksum } from '../../support/checksum';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

async function value<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('members', () => {
  it('creates members in order; the first one becomes the current member', async () => {
    const backend = await open();
    expect(await value(backend.call('session.get', {}))).toEqual({ current: null });
    const mother = await value(
      backend.call('members.create', { name: '  母  ', color: 'pink', pin: '1234' }),
    );
    const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
    expect(mother).toMatchObject({ name: '母', color: 'pink', hasPin: true, archived: false });
    expect(father.hasPin).toBe(false);
    expect((await value(backend.call('members.list', {}))).map((m) => m.name)).toEqual(['母', '父']);
    expect((await value(backend.call('session.get', {}))).current?.id).toBe(mother.id);
  });

  it('never stores a PIN in clear', async () => {
    const backend = await open();
    await backend.call('members.create', { name: '母', color: 'pink', pin: '482913' });
    const row = backend.db.raw.prepare('SELECT pin_hash FROM members').get() as { pin_hash: string };
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).not.toContain('482913');
  });

  it('refuses a duplicate name with a field-level conflict and writes nothing', async () => {
    const backend = await open();
    await backend.call('members.create', { name: '娘', color: 'green' });
    const before = databaseChecksum(backend.dbPath);
    const result = await backend.call('members.create', { name: '娘', color: 'red' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'name' }] } });
    expect(databaseChecksum(backend.dbPath)).toBe(before);
  });

  it('switches member only with the right PIN; a wrong PIN changes nothing', async () => {
    const backend = await open();
    const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
    const mother = await value(backend.call('members.create', { name: '母', color: 'pink', pin: '1234' }));
    expect((await value(backend.call('session.get', {}))).current?.id).toBe(father.id);

    const before = databaseChecksum(backend.dbPath);
    for (const pin of [undefined, '0000', '12345']) {
      const result = await backend.call('session.switch', { memberId: mother.id, ...(pin ? { pin } : {}) });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(databaseChecksum(backend.dbPath)).toBe(before);
    expect((await value(backend.call('session.get', {}))).current?.id).toBe(father.id);

    const switched = await value(backend.call('session.switch', { memberId: mother.id, pin: '1234' }));
    expect(switched.current?.name).toBe('母');
  });

  it('remembers the current member across restarts of the backend', async () => {
    const backend = await open();
    await backend.call('members.create', { name: '父', color: 'blue' });
    const daughter = await value(backend.call('members.create', { name: '娘', color: 'green' }));
    await value(backend.call('session.switch', { memberId: daughter.id }));
    backend.close();
    const reopened = await createBackend({ dbPath: backend.dbPath, clock: fakeClock() });
    expect((await value(reopened.call('session.get', {}))).current?.name).toBe('娘');
    reopened.close();
  });

  it('changes and removes a PIN only with the current PIN', async () => {
    const backend = await open();
    const mother = await value(backend.call('members.create', { name: '母', color: 'pink', pin: '1234' }));
    expect(await backend.call('members.setPin', { id: mother.id, newPin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await value(backend.call('members.setPin', { id: mother.id, currentPin: '1234', newPin: '5678' }));
    expect(await backend.call('session.switch', { memberId: mother.id, pin: '1234' })).toMatchObject({
      ok: false,
    });
    await value(backend.call('session.switch', { memberId: mother.id, pin: '5678' }));
    const cleared = await value(
      backend.call('members.setPin', { id: mother.id, currentPin: '5678', newPin: null }),
    );
    expect(cleared.hasPin).toBe(false);
  });

  it('archives a member: hidden from the list, cannot be switched to, history kept', async () => {
    const backend = await open();
    const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
    const grandpa = await value(backend.call('members.create', { name: '祖父', color: 'teal' }));
    await value(backend.call('members.archive', { id: grandpa.id, archived: true }));
    expect((await value(backend.call('members.list', {}))).map((m) => m.id)).toEqual([father.id]);
    expect((await value(backend.call('members.list', { includeArchived: true }))).length).toBe(2);
    expect(await backend.call('session.switch', { memberId: grandpa.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await value(backend.call('members.archive', { id: grandpa.id, archived: false }));
    await value(backend.call('session.switch', { memberId: grandpa.id }));
  });

  it('answers not_found for a member that does not exist', async () => {
    const backend = await open();
    expect(await backend.call('members.update', { id: 4242, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('activity log', () => {
  it('records every write with the acting member and the time', async () => {
    const clock = fakeClock('2026-11-20T00:00:00.000Z');
    const backend = await open({ clock });
    const mother = await value(backend.call('members.create', { name: '母', color: 'pink' }));
    clock.advance(60_000);
    const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
    clock.advance(60_000);
    await value(backend.call('session.switch', { memberId: father.id }));
    clock.advance(60_000);
    await value(backend.call('members.update', { id: mother.id, color: 'red' }));
    await value(backend.call('settings.update', { shopName: '山田雑貨店' }));

    const log = await value(backend.call('activity.list', {}));
    expect(log.map((e) => [e.action, e.memberName])).toEqual([
      ['settings.updated', '父'],
      ['member.updated', '父'],
      ['session.switched', '父'],
      ['member.created', '母'],
      ['member.created', '母'],
    ]);
    expect(log[1]?.at).toBe('2026-11-20T00:03:00.000Z');
    expect(log[1]?.detail).toMatchObject({ before: { color: 'pink' }, after: { color: 'red' } });
    expect((await value(backend.call('activity.list', { memberId: mother.id }))).length).toBe(2);
    const page = await value(backend.call('activity.list', { limit: 2, beforeId: log[1]!.id }));
    expect(page.map((e) => e.action)).toEqual(['session.switched', 'member.created']);
  });

  it('leaves no log entry for a refused write', async () => {
    const backend = await open();
    await backend.call('members.create', { name: '母', color: 'pink' });
    await backend.call('members.create', { name: '母', color: 'pink' });
    expect((await value(backend.call('activity.list', {}))).length).toBe(1);
  });

  it('pushes data.changed and session.changed events after a commit', async () => {
    const backend = await open();
    const topics: string[][] = [];
    const sessions: (number | null)[] = [];
    backend.events.on('data.changed', (e) => topics.push(e.topics));
    backend.events.on('session.changed', (e) => sessions.push(e.memberId));
    const mother = await value(backend.call('members.create', { name: '母', color: 'pink' }));
    await backend.call('members.create', { name: '母', color: 'pink' }); // refused: no event
    expect(topics).toEqual([['members', 'session']]);
    expect(sessions).toEqual([mother.id]);
  });
});

describe('settings', () => {
  it('defaults to Japanese and keeps changes', async () => {
    const backend = await open();
    expect(await value(backend.call('settings.get', {}))).toEqual({ language: 'ja', shopName: '' });
    await value(backend.call('settings.update', { language: 'en' }));
    expect((await value(backend.call('settings.get', {}))).language).toBe('en');
  });
});
