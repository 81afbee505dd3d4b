import type {
  BackupFileDto,
  BackupStatusDto,
  ParsedInputOf,
  RestoreResultDto,
} from '../../../shared/contract';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { BackupManager } from './manager';

function manager(ctx: ServiceContext): BackupManager {
  if (!ctx.backups) throw new TorihikiError('internal', 'Backups are not available in this context.');
  return ctx.backups;
}

export const status = (ctx: ServiceContext): BackupStatusDto => manager(ctx).status();

export function configure(ctx: ServiceContext, input: ParsedInputOf<'backups.configure'>): BackupStatusDto {
  const result = manager(ctx).configure(input);
  ctx.log({ action: 'backups.configured', detail: { ...input } });
  ctx.changed('backups');
  return result;
}

export async function now(ctx: ServiceContext): Promise<BackupFileDto> {
  const file = await manager(ctx).backupNow('manual');
  ctx.changed('backups');
  return file;
}

/** Restore and undo replace the whole database; the backend tells every screen to reload. */
export async function restore(
  ctx: ServiceContext,
  input: ParsedInputOf<'backups.restore'>,
): Promise<RestoreResultDto> {
  return manager(ctx).restore(input.file);
}

export async function undoRestore(ctx: ServiceContext): Promise<RestoreResultDto> {
  return manager(ctx).undoRestore();
}
