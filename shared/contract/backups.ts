import { z } from 'zod';
import { command, query, returns } from './define';
import { noInput } from './fields';

export const backupKinds = ['auto', 'manual', 'before-restore', 'before-migration'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupFileDto {
  file: string;
  name: string;
  at: string;
  kind: BackupKind;
  bytes: number;
}

export interface BackupSettingsDto {
  enabled: boolean;
  /** Where backups go (a USB stick, a cloud-synced folder); null = `backups` beside the database. */
  folder: string | null;
  intervalHours: number;
  keep: { daily: number; weekly: number; monthly: number };
}

/** The result of the full integrity check that runs in the background after start-up. */
export interface DatabaseHealthDto {
  state: 'pending' | 'running' | 'ok' | 'damaged' | 'failed';
  checkedAt: string | null;
  detail: string | null;
}

export interface BackupStatusDto {
  settings: BackupSettingsDto;
  /** The folder actually used (settings.folder or the default). */
  folder: string;
  backups: BackupFileDto[];
  /** The newest backup that passed verification: what to restore when the database is damaged. */
  latestGood: BackupFileDto | null;
  /** The copy of the database kept aside by the last restore, to undo it. */
  undo: BackupFileDto | null;
  health: DatabaseHealthDto;
  lastError: string | null;
}

export interface RestoreResultDto {
  restored: string;
  /** Where the replaced database was kept (the undo slot). */
  undoFile: string;
  schemaVersion: number;
}

const filePath = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f]/.test(s), { message: 'Control characters are not allowed' });

export const backupMethods = {
  'backups.status': query(noInput, returns<BackupStatusDto>()),
  'backups.configure': command(
    z
      .object({
        enabled: z.boolean().optional(),
        folder: filePath.nullable().optional(),
        intervalHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 31)
          .optional(),
      })
      .strict(),
    returns<BackupStatusDto>(),
  ),
  /** "Back up now": a verified copy in the backup folder. */
  'backups.now': query(noInput, returns<BackupFileDto>()),
  /** Replaces the database with a verified backup; the current file is kept aside first (the undo slot). */
  'backups.restore': query(z.object({ file: filePath }).strict(), returns<RestoreResultDto>()),
  'backups.undoRestore': query(noInput, returns<RestoreResultDto>()),
};
