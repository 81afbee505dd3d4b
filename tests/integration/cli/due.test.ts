import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { runCli as run } from '../../support/cli';
import { databaseChecksum as checksumFile } from '../../support/checksum';
import { createCase } from '../../support/cases';
import { value } from '../../support/deals';
import { fakeClock, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

/** Mother has a case (first response due next day) and a promise; father a reminder the week after. */
async function ledger(): Promise<string> {
  const db = path.join(tempDir(), 'torihiki.sqlite');
  const backend = await createBackend({ dbPath: db, clock: fakeClock('2026-11-19T01:00:00Z') });
  const mother = await value(backend.call('members.create', { name: '母', color: 'pink' }));
  const father = await value(backend.call('members.create', { name: '父', color: 'blue' }));
  await value(backend.call('session.switch', { memberId: mother.id }));
  const raised = await createCase(backend);
  await value(
    backend.call('promises.create', {
      caseId: raised.id,
      title: '木曜18時に電話',
      dueAt: '2026-11-19T09:00:00Z',
    }),
  );
  await value(
    backend.call('followups.create', {
      title: '展示会の準備',
      dueAt: '2026-11-26T01:00:00Z',
      assigneeId: father.id,
    }),
  );
  backend.close();
  return db;
}

describe('torihiki due', () => {
  it('lists what is due up to a time, for everyone or one member, as JSON', async () => {
    const db = await ledger();
    const all = await run('due', '--db', db, '--until', '2026-11-30T00:00:00+09:00', '--json');
    expect(all.code).toBe(0);
    const parsed = JSON.parse(all.out);
    expect(parsed.items.map((i: { kind: string; title: string }) => [i.kind, i.title])).toEqual([
      ['promise', '木曜18時に電話'],
      ['first_response', '商品が届かない'],
      ['custom', '展示会の準備'],
    ]);
    expect(parsed).toMatchObject({
      until: '2026-11-29T15:00:00.000Z',
      member: null,
      total: 3,
      truncated: false,
    });

    const mother = JSON.parse(
      (await run('due', '--db', db, '--member', '母', '--until', '2026-11-20', '--json')).out,
    );
    expect(mother.until).toBe('2026-11-20T15:00:00.000Z');
    expect(mother.items.map((i: { kind: string }) => i.kind)).toEqual(['promise', 'first_response']);
    const early = JSON.parse(
      (await run('due', '--db', db, '--member', '母', '--until', '2026-11-19T12:00:00+09:00', '--json')).out,
    );
    expect(early.items).toEqual([]);
  });

  it('prints one readable line per item, in Japan time, with the owner', async () => {
    const db = await ledger();
    const { code, out } = await run('due', '--db', db, '--until', '2026-11-30');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^2026\/11\/19 18:00 {2}期限切れ {2}約束 {2}木曜18時に電話 {2}\(母\)$/);
    expect(lines.at(-1)).toMatch(/^3 due until 2026\/12\/01 0:00$|^3 due until 2026\/11\/30 24:00$/);
    expect(lines).toHaveLength(4);
  });

  it('refuses an unknown member, a malformed time and a missing file with one line, writing nothing', async () => {
    const db = await ledger();
    const before = checksumFile(db);
    for (const args of [
      ['--member', '祖母'],
      ['--until', 'tomorrow'],
      ['--until', '2026-13-45'],
      ['--until', '2026-11-20T25:00:00Z'],
      ['--until', "2026-11-20'; DROP TABLE cases; --"],
      ['--member', 'x'.repeat(10_000)],
    ]) {
      const { code, err, out } = await run('due', '--db', db, ...args);
      expect(code, args.join(' ')).toBe(1);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(1);
      expect(err.length).toBeLessThan(300);
    }
    expect(checksumFile(db)).toBe(before);
    const missing = await run('due', '--db', path.join(tempDir(), 'nope.sqlite'));
    expect(missing.code).toBe(1);
  });
});
