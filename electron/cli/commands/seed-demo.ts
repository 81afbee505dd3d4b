import type { Command } from 'commander';
import { seedDemoData } from '../../backend/demo/seed';
import { dbOptionHelp, positiveInt, withBackend, type CliIo } from '../io';

export function registerSeedDemo(program: Command, io: CliIo): void {
  program
    .command('seed-demo')
    .description('fill a database with realistic Japanese demo deals, customers and family members')
    .option('--db <path>', dbOptionHelp)
    .option('--deals <n>', 'number of deals (default 500)', positiveInt(5_000_000), 500)
    .option('--json', 'print one JSON object')
    .action(async (opts: { db?: string; deals: number; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: true }, async (backend) => {
        const started = performance.now();
        // Bulk path below the contract: millions of rows in one transaction with reused statements.
        const result = seedDemoData(backend.db, { deals: opts.deals, now: new Date() });
        const seconds = (performance.now() - started) / 1000;
        io.out(
          opts.json
            ? JSON.stringify({ ...result, seconds })
            : `seeded ${result.deals} deals, ${result.customers} customers, ${result.members} members in ${seconds.toFixed(1)} s`,
        );
      });
    });
}
