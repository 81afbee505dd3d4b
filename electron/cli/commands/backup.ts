import type { Command } from 'commander';
import { backupTo } from '../../backend/db/backup';
import { dbOptionHelp, withBackend, type CliIo } from '../io';

export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('write a verified copy of the database to FILE')
    .option('--db <path>', dbOptionHelp)
    .requiredOption('--out <file>', 'where to write the backup (must not exist yet)')
    .option('--json', 'print one JSON object')
    .action(async (opts: { db?: string; out: string; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const result = await backupTo(backend.db.raw, opts.out);
        io.out(
          opts.json
            ? JSON.stringify(result)
            : `backup written and verified: ${result.file} (${result.bytes} bytes)`,
        );
      });
    });
}
