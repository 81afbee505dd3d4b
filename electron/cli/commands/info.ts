import type { Command } from 'commander';
import { dbOptionHelp, unwrap, withBackend, type CliIo } from '../io';

export function registerInfo(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('show the schema version and the number of rows per table')
    .option('--db <path>', dbOptionHelp)
    .option('--json', 'print one JSON object')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const info = unwrap(await backend.call('system.info', {}));
        if (opts.json) {
          io.out(JSON.stringify(info));
          return;
        }
        io.out(`database:       ${info.dbPath}`);
        io.out(`schema version: ${info.schemaVersion}`);
        io.out(`app version:    ${info.appVersion}`);
        for (const [table, count] of Object.entries(info.counts)) io.out(`  ${table.padEnd(20)} ${count}`);
      });
    });
}
