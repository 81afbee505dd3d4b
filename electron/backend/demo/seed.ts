import type { DemoSeedResultDto, ParsedInputOf } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';

export interface DemoSeedOptions {
  deals: number;
  /** Seed for the pseudo-random generator so runs are reproducible. */
  seed?: number;
  now: Date;
}

// Placeholder body: the realistic generator is being written in electron/backend/demo/.
export function seedDemoData(_db: Db, options: DemoSeedOptions): DemoSeedResultDto {
  return { deals: options.deals, customers: 0, members: 0 };
}

/** The contract entry: seeds inside the command's transaction and records it in the activity log. */
export function seedDemo(ctx: ServiceContext, input: ParsedInputOf<'demo.seed'>): DemoSeedResultDto {
  const result = seedDemoData(ctx.db, { deals: input.deals, now: ctx.clock.now() });
  ctx.log({ action: 'demo.seeded', detail: { ...result } });
  ctx.changed('members', 'deals', 'customers', 'session');
  return result;
}
