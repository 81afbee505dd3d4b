import { InvalidArgumentError, type Command } from 'commander';
import type { DealFilter, DealRowDto } from '../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import { dealStates, type DealState } from '../../../shared/domain/steps';
import { dbOptionHelp, positiveInt, unwrap, withBackend, type CliIo } from '../io';

const views = {
  'awaiting-payment': 'awaiting_payment',
  'awaiting-shipping': 'awaiting_shipping',
  overdue: 'overdue',
} as const;
const stateChoices = [...dealStates, ...Object.keys(views)];

const stepLetters = { contact: '連', payment: '入', shipping: '発', receipt: '受', rating: '評' } as const;
const stateMarks = { todo: '□', done: '■', skipped: '－' } as const;

/** 連■ 入□ 発□ … one glyph per step, readable in a terminal without colour. */
function stepSummary(row: DealRowDto): string {
  return row.steps
    .map((s) => `${stepLetters[s.kind]}${stateMarks[s.state]}${s.overdue ? '!' : ''}`)
    .join(' ');
}

const tokyoDate = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

function parseState(value: string): string {
  if (!stateChoices.includes(value))
    throw new InvalidArgumentError(`expected one of ${stateChoices.join(', ')}`);
  return value;
}

function parseMarketplace(value: string): Marketplace {
  if (!(marketplaces as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${marketplaces.join(', ')}`);
  }
  return value as Marketplace;
}

export function registerDeals(program: Command, io: CliIo): void {
  program
    .command('deals')
    .description('list deals with their step states (newest first)')
    .option('--db <path>', dbOptionHelp)
    .option('--state <state>', `${stateChoices.join(' | ')}`, parseState)
    .option('--marketplace <code>', 'only this marketplace', parseMarketplace)
    .option('--limit <n>', 'at most this many deals (default 100)', positiveInt(100_000), 100)
    .option('--json', 'print one JSON object: {"total", "totalCapped", "deals": [...]}')
    .action(
      async (opts: {
        db?: string;
        state?: string;
        marketplace?: Marketplace;
        limit: number;
        json?: boolean;
      }) => {
        await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
          const filter: DealFilter = {};
          if (opts.state && opts.state in views) filter.view = views[opts.state as keyof typeof views];
          else if (opts.state) filter.dealStates = [opts.state as DealState];
          if (opts.marketplace) filter.marketplaces = [opts.marketplace];
          const rows: DealRowDto[] = [];
          let total = 0;
          // Past 1,000 matches the contract stops counting ("1,000+"); pages keep coming until a short one.
          let totalCapped = false;
          // The contract pages at 500; walk the pages up to the requested limit.
          while (rows.length < opts.limit) {
            const page = unwrap(
              await backend.call('deals.list', {
                filter,
                offset: rows.length,
                limit: Math.min(500, opts.limit - rows.length),
              }),
            );
            total = page.total;
            totalCapped = page.totalCapped;
            rows.push(...page.rows);
            if (page.rows.length === 0 || (!totalCapped && rows.length >= total)) break;
          }
          if (opts.json) {
            io.out(JSON.stringify({ total, totalCapped, deals: rows }));
            return;
          }
          for (const r of rows) {
            io.out(
              [
                String(r.id).padStart(7),
                marketplaceNames[r.marketplace].padEnd(12),
                r.externalId.padEnd(24),
                tokyoDate(r.orderedAt),
                `¥${r.total.toLocaleString('ja-JP')}`.padStart(10),
                r.state === 'cancelled' ? 'キャンセル' : stepSummary(r),
                r.buyerName ?? '',
              ].join('  '),
            );
          }
          io.out(`${rows.length} of ${total}${totalCapped ? '+' : ''} deals`);
        });
      },
    );
}
