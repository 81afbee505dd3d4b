import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileDto, BackupKind } from '../../../shared/contract/backups';

/** torihiki-20261120T010000Z-auto.sqlite: UTC stamp first so names sort by time, kind last. */
const PATTERN = /^(.+)-(\d{8}T\d{6}(?:\d{3})?Z)-(auto|manual|before-restore|before-migration)\.sqlite$/;
/** The copies open.ts writes before a schema upgrade: torihiki-2026-11-20T01-00-00-000Z-before-v5-from-v4.sqlite. */
const MIGRATION =
  /^(.+)-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-before-v\d+-from-v\d+\.sqlite$/;

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace('.', '');

export function backupFileName(dbPath: string, at: Date, kind: BackupKind): string {
  return `${path.basename(dbPath, path.extname(dbPath))}-${stamp(at)}-${kind}.sqlite`;
}

function parseStamp(s: string): string {
  const [, y, mo, d, h, mi, sec, ms] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z$/.exec(s)!;
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms ?? '000'}Z`;
}

/** Our backups in a folder, newest first. Other files (a user's documents on the USB stick) are ignored. */
export function listBackups(folder: string, dbPath: string): BackupFileDto[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const base = path.basename(dbPath, path.extname(dbPath));
  const found: BackupFileDto[] = [];
  for (const name of names) {
    const m = PATTERN.exec(name);
    const mig = m ? null : MIGRATION.exec(name);
    const entry: Pick<BackupFileDto, 'at' | 'kind'> | null = m
      ? { at: parseStamp(m[2]!), kind: m[3] as BackupKind }
      : mig
        ? {
            at: `${mig[2]}-${mig[3]}-${mig[4]}T${mig[5]}:${mig[6]}:${mig[7]}.${mig[8]}Z`,
            kind: 'before-migration',
          }
        : null;
    if (!entry || (m ?? mig)![1] !== base) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      found.push({ file, name, ...entry, bytes: stat.size });
    } catch {
      // Removed between readdir and stat (another Torihiki pruning the same folder): skip it.
    }
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}
