import fs from 'node:fs';
import path from 'node:path';
import type { BackupSettingsDto } from '../../../shared/contract/backups';
import type { Db } from '../db/executor';
import { readSetting, writeSetting } from '../settings/store';

const KEY = 'backups.settings';

export const defaultBackupSettings: BackupSettingsDto = {
  enabled: true,
  folder: null,
  intervalHours: 24,
  keep: { daily: 7, weekly: 4, monthly: 12 },
};

export const defaultBackupFolder = (dbPath: string) => path.join(path.dirname(dbPath), 'backups');

/**
 * The chosen folder is also written beside the database, so that when the database itself is
 * damaged and cannot be read, Torihiki still knows where its backups are.
 */
export const sidecarPath = (dbPath: string) => `${dbPath}.backups.json`;

export function readBackupSettings(db: Db): BackupSettingsDto {
  const stored = readSetting<Partial<BackupSettingsDto>>(db, KEY, {});
  return { ...defaultBackupSettings, ...(stored && typeof stored === 'object' ? stored : {}) };
}

export function writeBackupSettings(db: Db, dbPath: string, settings: BackupSettingsDto): void {
  writeSetting(db, KEY, settings);
  try {
    fs.writeFileSync(sidecarPath(dbPath), JSON.stringify({ folder: settings.folder }));
  } catch {
    // The sidecar is a convenience for recovery; the setting itself is saved.
  }
}

/** Every folder that may hold backups of this database: the chosen one (from the sidecar) and the default. */
export function candidateFolders(dbPath: string): string[] {
  const folders = [defaultBackupFolder(dbPath)];
  try {
    const { folder } = JSON.parse(fs.readFileSync(sidecarPath(dbPath), 'utf8')) as { folder?: unknown };
    if (typeof folder === 'string' && folder !== '') folders.unshift(path.resolve(folder));
  } catch {
    // No sidecar yet: only the default folder.
  }
  return [...new Set(folders)];
}
