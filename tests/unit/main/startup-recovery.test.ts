import { describe, expect, it, vi } from 'vitest';
import { QUIT_BUTTON, RESTORE_BUTTON, SHOW_FOLDER_BUTTON } from '../../../electron/main/dialogs';
import { offeredBackup, recoverAtStartup } from '../../../electron/main/startup-recovery';
import type { AppError } from '../../../shared/result';
import { japaneseIn } from './japanese';

const dbPath = 'C:\\Users\\aiko\\AppData\\Roaming\\Torihiki\\torihiki.sqlite';
const backupFile =
  'C:\\Users\\aiko\\AppData\\Roaming\\Torihiki\\backups\\torihiki-20261120T010000000Z-auto.sqlite';
const damaged: AppError = {
  code: 'db_corrupt',
  message: 'database disk image is malformed',
  issues: [
    { path: 'latestGoodBackup', message: backupFile },
    { path: 'latestGoodBackupAt', message: '2026-11-20T01:00:00.000Z' },
  ],
};

function deps(answers: number[], restore: () => Promise<unknown> = async () => ({})) {
  const shown: { message?: string; detail?: string; buttons?: string[]; defaultId?: number }[] = [];
  return {
    shown,
    showDialog: vi.fn(async (options: (typeof shown)[number]) => {
      shown.push(options);
      return answers.shift() ?? QUIT_BUTTON;
    }),
    restore: vi.fn(restore),
    relaunch: vi.fn(),
    showFolder: vi.fn(),
  };
}

describe('start-up recovery', () => {
  it('offers the latest good backup by name and time; restoring it relaunches Torihiki', async () => {
    const d = deps([RESTORE_BUTTON]);
    expect(await recoverAtStartup(damaged, dbPath, d)).toBe('restored');
    expect(d.shown).toHaveLength(1);
    const offer = d.shown[0]!;
    expect(offer.buttons?.[RESTORE_BUTTON]).toBe('バックアップから復元して起動');
    expect(offer.defaultId).toBe(RESTORE_BUTTON);
    expect(offer.detail).toContain(backupFile);
    expect(offer.detail).toContain('2026年11月20日(金) 10:00');
    expect(offer.detail).toContain('復元前の控え');
    expect(d.restore).toHaveBeenCalledExactlyOnceWith(backupFile);
    expect(d.relaunch).toHaveBeenCalledOnce();
    // The restore finishes before the relaunch.
    expect(d.restore.mock.invocationCallOrder[0]!).toBeLessThan(d.relaunch.mock.invocationCallOrder[0]!);
  });

  it('quits with nothing touched when the seller cancels, or only shows the folder', async () => {
    for (const answer of [QUIT_BUTTON, SHOW_FOLDER_BUTTON, 99]) {
      const d = deps([answer]);
      expect(await recoverAtStartup(damaged, dbPath, d)).toBe('quit');
      expect(d.restore).not.toHaveBeenCalled();
      expect(d.relaunch).not.toHaveBeenCalled();
      expect(d.showFolder).toHaveBeenCalledTimes(answer === SHOW_FOLDER_BUTTON ? 1 : 0);
    }
  });

  it('says so and quits when there is no good backup: a message only', async () => {
    for (const error of [
      { code: 'db_corrupt', message: 'x' },
      { code: 'db_corrupt', message: 'x', issues: [{ path: 'latestGoodBackup', message: '' }] },
    ] satisfies AppError[]) {
      const d = deps([RESTORE_BUTTON]);
      expect(await recoverAtStartup(error, dbPath, d)).toBe('quit');
      expect(d.shown).toHaveLength(1);
      expect(d.shown[0]!.detail).toContain('正常なバックアップが見つかりませんでした');
      expect(d.shown[0]!.buttons).toEqual(['終了', 'フォルダを開く']);
      expect(d.restore).not.toHaveBeenCalled();
      expect(d.relaunch).not.toHaveBeenCalled();
    }
  });

  it('never offers a restore for a file that is not damaged but refused for another reason', async () => {
    for (const code of ['db_not_torihiki', 'db_newer', 'db_unwritable', 'internal'] as const) {
      // Even if an issue names a backup, only a damaged database is replaced.
      const d = deps([RESTORE_BUTTON]);
      expect(await recoverAtStartup({ ...damaged, code }, dbPath, d)).toBe('quit');
      expect(d.shown[0]!.buttons).toEqual(['終了', 'フォルダを開く']);
      expect(d.restore).not.toHaveBeenCalled();
    }
  });

  it('explains a failed restore with the command to try, and quits without relaunching', async () => {
    const d = deps([RESTORE_BUTTON, QUIT_BUTTON], async () => {
      throw new Error('disk full');
    });
    expect(await recoverAtStartup(damaged, dbPath, d)).toBe('quit');
    expect(d.shown).toHaveLength(2);
    expect(d.shown[1]!.message).toBe('バックアップから復元できませんでした。');
    expect(d.shown[1]!.detail).toContain('disk full');
    expect(d.shown[1]!.detail).toContain(`torihiki restore "${backupFile}" --db "${dbPath}"`);
    expect(d.relaunch).not.toHaveBeenCalled();
  });

  it('speaks the language it is given in every dialog, restore failure included', async () => {
    const d = deps([RESTORE_BUTTON, QUIT_BUTTON], async () => {
      throw new Error('disk full');
    });
    expect(await recoverAtStartup(damaged, dbPath, d, 'en')).toBe('quit');
    const noBackup = deps([QUIT_BUTTON]);
    await recoverAtStartup({ code: 'db_corrupt', message: 'x' }, dbPath, noBackup, 'en');
    const newer = deps([QUIT_BUTTON]);
    await recoverAtStartup({ code: 'db_newer', message: 'x' }, dbPath, newer, 'en');
    const shown = [...d.shown, ...noBackup.shown, ...newer.shown];
    expect(shown).toHaveLength(4);
    expect(japaneseIn(shown)).toEqual([]);
    expect(d.shown[0]!.buttons?.[RESTORE_BUTTON]).toBe('Restore the Backup and Start');
    expect(d.shown[0]!.detail).toMatch(/20 November 2026.*10:00/);
    expect(d.shown[1]!.message).toBe('The backup could not be restored.');
    expect(d.shown[1]!.detail).toContain(`torihiki restore "${backupFile}" --db "${dbPath}"`);
    expect(noBackup.shown[0]!.detail).toContain('No good backup was found.');
    expect(newer.shown[0]!.message).toMatch(/newer version/);
  });

  it('reads the offered backup only from a damaged-database error', () => {
    expect(offeredBackup(damaged)).toEqual({ file: backupFile, at: '2026-11-20T01:00:00.000Z' });
    expect(
      offeredBackup({ ...damaged, issues: [{ path: 'latestGoodBackup', message: backupFile }] }),
    ).toEqual({
      file: backupFile,
      at: '',
    });
    expect(offeredBackup({ ...damaged, code: 'db_newer' })).toBeNull();
    expect(
      offeredBackup({ code: 'db_corrupt', message: 'x', issues: [{ path: 'other', message: 'y' }] }),
    ).toBeNull();
  });
});
