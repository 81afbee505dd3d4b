import type { Command } from 'commander';
import path from 'node:path';
import { createBackend } from '../../backend';
import { restoreDatabase } from '../../backend/backups/restore';
import { defaultBackupFolder } from '../../backend/backups/settings';
import { latestSchemaVersion } from '../../backend/db/migrations';
import { defaultDbPath } from '../../backend/paths';
import { dbOptionHelp, type CliIo } from '../io';

export function registerRestore(program: Command, io: CliIo): void {
  program
    .command('restore')
    .description('replace the database with a verified backup (the current file is kept aside to undo)')
    .argument('<file>', 'a Torihiki backup file')
    .option('--db <path>', dbOptionHelp)
    .option('--json', 'print one JSON object')
    .action(async (file: string, opts: { db?: string; json?: boolean }) => {
      const dbPath = path.resolve(opts.db ?? defaultDbPath());
      // Close the app first: this swaps the file underneath whoever has it open.
      const result = await restoreDatabase({
        dbPath,
        source: file,
        undoFolder: defaultBackupFolder(dbPath),
        now: new Date(),
        latestSchemaVersion,
        close: () => undefined,
        reopen: async () => {
          // Opening runs the migrations a backup from an older version needs.
          const backend = await createBackend({ dbPath, createIfMissing: false });
          const version = backend.schemaVersion;
          backend.close();
          return version;
        },
      });
      io.out(
        opts.json
          ? JSON.stringify(result)
          : `restored ${result.restored} into ${dbPath}; the previous database was kept as ${result.undoFile}`,
      );
    });
}
