import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../electron/backend/db/migrations';
import { runCli as run } from '../../support/cli';
import { databaseChecksum } from '../../support/checksum';
import { fileBytes, useTempDir } from '../../support/temp';

const tempDir = useTempDir();

async function seeded(deals = 20): Promise<string> {
  const db = path.join(tempDir(), 'torihiki.sqlite');
  const result = await run('seed-demo', '--db', db, '--deals', String(deals));
  expect(result.code, result.err).toBe(0);
  return db;
}

describe('torihiki CLI', () => {
  it('info --json reports the schema version and a count per table', async () => {
    const db = await seeded();
    const { code, out } = await run('info', '--db', db, '--json');
    expect(code).toBe(0);
    const info = JSON.parse(out);
    expect(info.schemaVersion).toBe(latestSchemaVersion);
    expect(Object.keys(info.counts)).toEqual(
      expect.arrayContaining(['deals', 'customers', 'members', 'activity_log']),
    );
  });

  it('info prints a readable table', async () => {
    const db = await seeded();
    const { code, out } = await run('info', '--db', db);
    expect(code).toBe(0);
    expect(out).toContain(`schema version: ${latestSchemaVersion}`);
    expect(out).toMatch(/deals\s+\d+/);
  });

  it('backup writes a verified copy with the same rows', async () => {
    const db = await seeded();
    const target = path.join(tempDir(), 'copy', 'backup.sqlite');
    const { code, out } = await run('backup', '--db', db, '--out', target, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ file: target, schemaVersion: latestSchemaVersion });
    expect(databaseChecksum(target)).toBe(databaseChecksum(db));
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('backup refuses to overwrite an existing file', async () => {
    const db = await seeded();
    const target = path.join(tempDir(), 'exists.sqlite');
    fs.writeFileSync(target, 'keep');
    const { code, err } = await run('backup', '--db', db, '--out', target);
    expect(code).toBe(1);
    expect(err).toMatch(/already exists/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep');
  });

  it.each([
    [['info', '--db', '/definitely/missing/torihiki.sqlite'], /does not exist/],
    [['seed-demo', '--deals', 'abc'], /whole number/],
    [['seed-demo', '--deals', '0'], /between 1 and/],
    [['seed-demo', '--deals', '99999999999'], /between 1 and/],
    [['backup', '--db', 'x.sqlite'], /required option/],
    [['frobnicate'], /unknown command/],
    [['info', '--bogus'], /unknown option/],
  ])('fails with one line and a non-zero exit on bad arguments: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['a text file', 'deal,amount\n1,100\n'],
    ['a PNG-like binary', '\u0089PNG\r\n\u001a\n\u0000\u0000'],
  ])('refuses %s as a database and leaves it byte-for-byte untouched', async (_name, content) => {
    const file = path.join(tempDir(), 'mine.sqlite');
    fs.writeFileSync(file, content, 'latin1');
    const before = fileBytes(file);
    for (const argv of [
      ['info', '--db', file],
      ['seed-demo', '--db', file],
      ['backup', '--db', file, '--out', `${file}.bak`],
    ]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(1);
      expect(err).toContain(file);
      expect(err.split('\n')).toHaveLength(1);
    }
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
  });

  it('runs as a real command through bin/torihiki.mjs, even when started by an older system Node', () => {
    const db = path.join(tempDir(), 'torihiki.sqlite');
    const bin = path.resolve('bin/torihiki.mjs');
    // `/usr/bin/env node` may be the machine's Node 20; the launcher must re-run itself on Node 22.
    const systemNode = spawnSync('bash', ['-lc', 'command -v node'], {
      encoding: 'utf8',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    });
    const nodeBinary = systemNode.stdout.trim() || process.execPath;
    const seededOut = execFileSync(nodeBinary, [bin, 'seed-demo', '--db', db, '--deals', '5', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(seededOut)).toMatchObject({ deals: 5 });
    const bad = spawnSync(nodeBinary, [bin, 'info', '--db', path.join(db, 'nope')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
