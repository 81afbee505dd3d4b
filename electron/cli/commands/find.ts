import type { Command } from 'commander';
import type { DealCardDto, SearchHitDto } from '../../../shared/contract';
import { marketplaceNames } from '../../../shared/domain/marketplaces';
import { dbOptionHelp, positiveInt, unwrap, withBackend, type CliIo } from '../io';

const tokyoDate = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(new Date(iso));
const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;

const carrierNames = { yamato: 'ヤマト', japanpost: '日本郵便', sagawa: '佐川', other: 'その他' } as const;

/** "発送済 2026/11/16 ヤマト 4321-8765-0012" or "未発送": the answer to "まだ？". */
function shipping(deal: DealCardDto): string {
  if (deal.state === 'cancelled') return 'キャンセル';
  const step = deal.steps.find((s) => s.kind === 'shipping');
  if (!step) return '';
  if (step.state !== 'done') return step.overdue ? '未発送(期限切れ)' : '未発送';
  return [
    '発送済',
    step.doneAt ? tokyoDate(step.doneAt) : '',
    step.carrier ? carrierNames[step.carrier] : '',
    step.trackingNumber ?? '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

function dealLine(deal: DealCardDto): string {
  return [
    marketplaceNames[deal.marketplace],
    deal.externalId,
    tokyoDate(deal.orderedAt),
    deal.itemSummary,
    yen(deal.total),
    shipping(deal),
  ].join('  ');
}

function hitLines(hit: SearchHitDto): string[] {
  const why = `[${hit.tier}: ${hit.matchedOn}]`;
  if (hit.type === 'customer') {
    const c = hit.customer;
    const head = [
      `customer #${c.id}`,
      c.kana ? `${c.name} (${c.kana})` : c.name,
      `${c.purchaseCount} purchases${c.isRepeat ? ' (repeat)' : ''}`,
      yen(c.lifetimeValue),
      c.tags.join(','),
      why,
    ].filter((s) => s !== '');
    return [head.join('  '), ...(c.lastDeal ? [`    last: ${dealLine(c.lastDeal)}`] : [])];
  }
  if (hit.type === 'case') {
    const k = hit.case;
    return [
      [`case #${k.id}`, k.state, k.category, k.customerName ?? '', k.summary, why]
        .filter((s) => s !== '')
        .join('  '),
    ];
  }
  const d = hit.deal;
  return [[`deal #${d.id}`, d.buyerName ?? '', dealLine(d), why].filter((s) => s !== '').join('  ')];
}

export function registerFind(program: Command, io: CliIo): void {
  program
    .command('find')
    .description(
      'quick lookup: customers, deals and cases by name, kana, e-mail, phone, postal code, order or tracking number, item',
    )
    .argument('<query>', 'what to look for (quote it if it has spaces)')
    .option('--db <path>', dbOptionHelp)
    .option('--limit <n>', 'at most this many results (default 20, max 50)', positiveInt(50), 20)
    .option('--json', 'print one JSON object: {"hits": [...], "hasMore", "scanned"}')
    .action(async (query: string, opts: { db?: string; limit: number; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        const result = unwrap(await backend.call('search.query', { text: query, limit: opts.limit }));
        if (opts.json) {
          io.out(JSON.stringify(result));
          return;
        }
        if (result.scanned)
          io.out('(long text: looked up the e-mails, phone numbers and order numbers in it)');
        for (const hit of result.hits) for (const line of hitLines(hit)) io.out(line);
        io.out(
          result.hits.length === 0
            ? 'no matches'
            : `${result.hits.length} ${result.hits.length === 1 ? 'match' : 'matches'}${result.hasMore ? ' (more: type more of it)' : ''}`,
        );
      });
    });
}
