import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import type { BackupSettingsDto } from '../../../shared/contract/backups';
import { SHOP_TIME_ZONE } from '../../../shared/domain/time';

interface Dated {
  name: string;
  at: string;
}

const tokyo = (iso: string) => new TZDate(new Date(iso).getTime(), SHOP_TIME_ZONE);
const buckets = {
  daily: (iso: string) => format(tokyo(iso), 'yyyy-MM-dd'),
  weekly: (iso: string) => {
    const t = tokyo(iso);
    return `${getISOWeekYear(t)}-W${getISOWeek(t)}`;
  },
  monthly: (iso: string) => format(tokyo(iso), 'yyyy-MM'),
};

/**
 * Grandfather-father-son retention: the newest backup of each of the last N days, weeks and months
 * (Japan calendar) that have one. Returns the names to keep; everything else may be deleted.
 */
export function backupsToKeep(backups: readonly Dated[], keep: BackupSettingsDto['keep']): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : -1));
  const kept = new Set<string>();
  for (const [period, bucketOf] of Object.entries(buckets) as [
    keyof typeof buckets,
    (iso: string) => string,
  ][]) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const bucket = bucketOf(b.at);
      if (seen.has(bucket)) continue;
      if (seen.size >= keep[period]) break;
      seen.add(bucket);
      kept.add(b.name);
    }
  }
  return kept;
}
