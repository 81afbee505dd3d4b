import { InvalidArgumentError, Option, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../../shared/domain/import/encoding';
import {
  checkReply,
  lineColumn,
  replyChannels,
  type ReplyChannel,
  type ReplyFinding,
} from '../../../shared/domain/replies';
import { TorihikiError } from '../../../shared/result';
import type { CliIo } from '../io';
import { ExitError } from './import';

/**
 * Exit codes, for scripts: 0 the draft has no findings; 1 it could not be checked (bad arguments,
 * missing, unreadable, binary or oversized file); 2 it was checked and has findings.
 */
export const CHECK_REPLY_FINDINGS_EXIT = 2;

/** A reply is a few thousand characters at most; anything far larger is not a reply draft. */
const MAX_FILE_BYTES = 1024 * 1024;

interface CheckReplyOptions {
  json?: boolean;
  channel?: ReplyChannel;
  complaint?: boolean;
  optionsOffered?: boolean;
  loggedAt?: Date;
  now?: Date;
}

const isoTime = (value: string): Date => {
  // Only full timestamps: a bare "11/20" would be read in the PC's zone and year, silently wrong.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    throw new InvalidArgumentError(
      `expected an ISO time like 2026-11-20T10:00:00+09:00, got "${value.slice(0, 40)}"`,
    );
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError(`not a real time: "${value.slice(0, 40)}"`);
  return date;
};

/** The draft as text: UTF-8 (with or without BOM), UTF-16 or CP932, line endings as LF. */
function readDraft(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new TorihikiError('not_found', `${file} does not exist.`);
  }
  if (!stat.isFile()) throw new TorihikiError('invalid_input', `${file} is not a file.`);
  if (stat.size > MAX_FILE_BYTES)
    throw new TorihikiError(
      'invalid_input',
      `${file} is ${Math.ceil(stat.size / 1024)} KiB; a reply draft may be at most ${MAX_FILE_BYTES / 1024} KiB.`,
    );
  const decoded = decodeText(fs.readFileSync(file), path.basename(file));
  if ('code' in decoded) throw new TorihikiError('invalid_input', `${file}: ${decoded.message}`);
  return decoded.text.replace(/\r\n?/g, '\n');
}

function describe(text: string, file: string, finding: ReplyFinding): string[] {
  const at = lineColumn(text, finding.start);
  const excerpt = text.slice(finding.start, Math.min(finding.end, finding.start + 40)).replace(/\n/g, '⏎');
  return [
    `${file}:${at.line}:${at.column}: ${finding.severity} [${finding.rule}] 「${excerpt}${finding.end - finding.start > 40 ? '…' : ''}」`,
    `  ${finding.message.ja}`,
    `  (${finding.message.en})`,
    ...(finding.suggestion ? [`  → ${finding.suggestion.ja}`] : []),
  ];
}

export function registerCheckReply(program: Command, io: CliIo): void {
  program
    .command('check-reply')
    .description(
      'check a reply draft before sending it: apology, next step and date, hedged dates, demands, placeholders, length. Exit code 0: no findings, 1: could not check, 2: findings',
    )
    .argument('<file>', 'the draft, as a text file (UTF-8 or Shift_JIS/CP932)')
    .option('--json', 'print one JSON object: {"file", "findings": [...]}')
    .addOption(
      new Option('--channel <channel>', 'where it will be sent (navi: 取引ナビ, mercari, email)').choices(
        replyChannels,
      ),
    )
    .option('--complaint', 'the draft answers a complaint (apology, next step, demands are checked)')
    .option('--options-offered', 'options were already offered to the buyer on this case')
    .option(
      '--logged-at <iso>',
      'when the complaint was logged (implies --complaint); flags late replies',
      isoTime,
    )
    .option('--now <iso>', 'the time to check against (default: now)', isoTime)
    .action((file: string, opts: CheckReplyOptions) => {
      const text = readDraft(file);
      const findings = checkReply(text, {
        complaint: !!opts.complaint || !!opts.loggedAt,
        optionsOffered: !!opts.optionsOffered,
        caseLoggedAt: opts.loggedAt ?? null,
        now: opts.now ?? new Date(),
        channel: opts.channel ?? 'email',
      });
      if (opts.json) {
        io.out(
          JSON.stringify({
            file,
            findings: findings.map((f) => ({
              ...f,
              ...lineColumn(text, f.start),
              text: text.slice(f.start, f.end),
            })),
          }),
        );
      } else {
        for (const finding of findings) for (const line of describe(text, file, finding)) io.out(line);
        const errors = findings.filter((f) => f.severity === 'error').length;
        io.out(
          findings.length === 0
            ? 'no findings'
            : `${findings.length} finding${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'})`,
        );
      }
      if (findings.length > 0) throw new ExitError(CHECK_REPLY_FINDINGS_EXIT);
    });
}
