import type { SystemInfoDto } from '../../../shared/contract';
import { appVersion } from '../../../shared/version';
import type { ServiceContext } from '../context';
import { tableCounts } from '../db/sqlite-meta';

export function info(ctx: ServiceContext): SystemInfoDto {
  return {
    appVersion,
    schemaVersion: ctx.db.raw.pragma('user_version', { simple: true }) as number,
    dbPath: ctx.dbPath,
    counts: tableCounts(ctx.db.raw),
  };
}
