import { InvalidArgumentError, type Command } from 'commander';
import type { FollowupDto } from '../../../shared/contract';
import { tokyoDay } from '../../../shared/domain/time';
import { TorihikiError } from '../../../shared/result';
import { dbOptionHelp, unwrap, withBackend, type CliIo } from '../io';

const MAX_ITEMS = 2000;

const kindLabels: Record<FollowupDto['kind'], string> = {
  promise: '約束',
  first_response: '初回連絡',
  aftercare: 'アフターケア',
  custom: 'リマインダー',
  deal_step: '取引ステップ',
  wish: '入荷のお知らせ',
};
const stepLabels: Record<string, string> = {
  contact: '連絡',
  payment: '入金',
  shipping: '発送',
  receipt: '受取',
  rating: '評価',
};

const tokyoTime = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** An ISO-8601 time with a date and a time; a bare date means the end of that day in Tokyo. */
export function parseUntil(value: string): string {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = new Date(`${text}T00:00:00+09:00`);
    if (!Number.isNaN(start.getTime())) return tokyoDay(start).end;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return at.toISOString();
  }
  throw new InvalidArgumentError(
    `expected an ISO time like 2026-11-20T18:00+09:00 or a date, got "${value.slice(0, 40)}"`,
  );
}

export function registerDue(program: Command, io: CliIo): void {
  program
    .command('due')
    .description('list follow-ups due (promises, first responses, after-care, deal steps, reminders)')
    .option('--db <path>', dbOptionHelp)
    .option('--member <name>', "only this member's (default: everyone's)")
    .option('--until <iso>', 'due up to this time (default: the end of today, Japan time)', parseUntil)
    .option('--json', 'print one JSON object: {"until", "member", "total", "items": [...]}')
    .action(async (opts: { db?: string; member?: string; until?: string; json?: boolean }) => {
      await withBackend(opts.db, { createIfMissing: false }, async (backend) => {
        let memberId: number | undefined;
        const members = unwrap(await backend.call('members.list', { includeArchived: true }));
        if (opts.member !== undefined) {
          const wanted = opts.member.normalize('NFKC').trim();
          const found = members.find((m) => m.name.normalize('NFKC').trim() === wanted);
          if (!found) {
            const names = members.map((m) => m.name).join(', ') || '(none yet)';
            throw new TorihikiError(
              'not_found',
              `no member named "${opts.member.slice(0, 40)}" (members: ${names})`,
            );
          }
          memberId = found.id;
        }
        const until = opts.until ?? tokyoDay(new Date()).end;
        const list = unwrap(
          await backend.call('followups.list', {
            ...(memberId !== undefined ? { memberId } : { everyone: true }),
            until,
            limit: MAX_ITEMS,
          }),
        );
        const names = new Map(members.map((m) => [m.id, m.name]));
        if (opts.json) {
          io.out(
            JSON.stringify({
              until,
              member: opts.member ?? null,
              total: list.items.length,
              truncated: list.truncated,
              items: list.items,
            }),
          );
          return;
        }
        for (const item of list.items) {
          const what =
            item.kind === 'deal_step' && item.stepKind
              ? `${stepLabels[item.stepKind] ?? item.stepKind}: ${item.title}`
              : item.title;
          io.out(
            [
              item.remindAt ? tokyoTime(item.remindAt) : '-',
              item.overdue ? '期限切れ' : '        ',
              kindLabels[item.kind],
              what,
              ...(item.context ? [item.context] : []),
              item.assigneeId !== null ? `(${names.get(item.assigneeId) ?? item.assigneeId})` : '(担当なし)',
            ].join('  '),
          );
        }
        io.out(`${list.items.length}${list.truncated ? '+' : ''} due until ${tokyoTime(until)}`);
      });
    });
}
