import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { value } from '../../support/deals';
import { useBackend, useTempDir } from '../../support/temp';

const open = useBackend();
const tempDir = useTempDir();

/** What the folder picker (or a typed path) hands to backups.configure: the backend alone decides. */
describe('choosing the backup folder', () => {
  const folderOf = async (backend: Backend) => (await value(backend.call('backups.status', {}))).folder;

  it('accepts a picked folder with Japanese and spaces in its name, and backs up there', async () => {
    const backend = await open();
    const picked = path.join(tempDir(), 'バックアップ 2026 (USB)');
    fs.mkdirSync(picked);
    const status = await value(backend.call('backups.configure', { folder: picked }));
    expect(status.settings.folder).toBe(picked);
    const file = await value(backend.call('backups.now', {}));
    expect(path.dirname(file.file)).toBe(picked);
  });

  it('refuses a file, a missing folder and malformed paths, keeping the folder in use', async () => {
    const backend = await open();
    const before = await folderOf(backend);
    const dir = tempDir();
    const file = path.join(dir, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    for (const [folder, code] of [
      [file, 'not_found'],
      [path.join(dir, 'missing'), 'not_found'],
      ['', 'invalid_input'],
      [`${dir}\0/etc`, 'invalid_input'],
      ['x'.repeat(100_000), 'invalid_input'],
    ] as const) {
      const result = await backend.call('backups.configure', { folder });
      expect(result, folder.slice(0, 40)).toMatchObject({ ok: false, error: { code } });
    }
    for (const folder of [42, ['/tmp'], { path: '/tmp' }]) {
      const result = await backend.call('backups.configure', { folder } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await folderOf(backend)).toBe(before);
  });

  // Root may write anywhere on an ordinary file system; /proc/sys refuses even root where it is mounted.
  const unwritable = '/proc/sys';
  const refusesWrites = (() => {
    try {
      fs.accessSync(unwritable, fs.constants.W_OK);
      return false;
    } catch {
      return fs.existsSync(unwritable);
    }
  })();
  it.runIf(refusesWrites)('refuses a folder it cannot write to', async () => {
    const backend = await open();
    const before = await folderOf(backend);
    const result = await backend.call('backups.configure', { folder: unwritable });
    expect(result).toMatchObject({ ok: false, error: { code: 'db_unwritable' } });
    expect(await folderOf(backend)).toBe(before);
  });
});
