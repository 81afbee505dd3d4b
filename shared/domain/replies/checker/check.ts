import { isAftercarePurpose } from '../purposes';
import { placeholderTokens } from '../placeholders';
import { channelLimits } from './channels';
import type { ReplyContext, ReplyFinding } from './context';
import {
  lateAfterHours,
  numberedLine,
  replyRules,
  type HedgeRule,
  type PatternRule,
  type ReplyRule,
  type RequiredRule,
  type RuleScope,
} from './rules';

interface Span {
  start: number;
  end: number;
}

const compiled = new Map<string, RegExp>();
/** Rule patterns are compiled once; `u` so emoji and supplementary kanji count as one character. */
function regex(sources: readonly string[], flags = 'gu'): RegExp {
  const source = sources.map((s) => `(?:${s})`).join('|');
  const key = `${flags}:${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    compiled.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

function matches(text: string, sources: readonly string[], flags = 'gu'): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(regex(sources, flags)))
    if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Sentences end at 。！？!? or a line break; the end offset excludes the delimiter. */
function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[。！？!?\n]/.test(text[i]!)) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

/** The first line that says something (not the "山田 花子様" address line): where an opening belongs. */
function opening(text: string): Span {
  let offset = 0;
  let first: Span | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const span = {
      start: offset + line.indexOf(trimmed),
      end: offset + line.indexOf(trimmed) + trimmed.length,
    };
    offset += line.length + 1;
    if (!trimmed) continue;
    first ??= span;
    if (!/(?:様|さま|殿)$/u.test(trimmed)) return span;
  }
  return first ?? { start: 0, end: text.length };
}

function hoursSince(loggedAt: string | Date, now: Date): number | null {
  const at = typeof loggedAt === 'string' ? Date.parse(loggedAt) : loggedAt.getTime();
  return Number.isFinite(at) ? (now.getTime() - at) / 3_600_000 : null;
}

function inScope(scope: RuleScope, text: string, ctx: ReplyContext): boolean {
  if (scope === 'always') return true;
  if (!ctx.complaint || (ctx.purpose && isAftercarePurpose(ctx.purpose))) return false;
  if (scope === 'complaint') return true;
  if (scope === 'complaintBeforeOptions')
    return !ctx.optionsOffered && matches(text, [numberedLine], 'gmu').length < 2;
  // complaintLate
  if (!ctx.caseLoggedAt) return false;
  const hours = hoursSince(ctx.caseLoggedAt, ctx.now ?? new Date());
  return hours !== null && hours > lateAfterHours;
}

const tokenAlternatives = Object.values(placeholderTokens).join('|');

/** Each kind of rule, given the draft, returns the spans to flag. */
const kinds: {
  [K in ReplyRule['kind']]: (
    rule: Extract<ReplyRule, { kind: K }>,
    text: string,
    ctx: ReplyContext,
  ) => Span[];
} = {
  pattern: (rule: PatternRule, text) => matches(text, rule.patterns),
  required: (rule: RequiredRule, text) => {
    if (matches(text, rule.anyOf).length > 0) return [];
    const hint = rule.pointAt ? matches(text, rule.pointAt)[0] : undefined;
    return [hint ?? opening(text)];
  },
  hedge: (rule: HedgeRule, text) =>
    sentences(text).flatMap((sentence) => {
      const part = text.slice(sentence.start, sentence.end);
      if (matches(part, rule.anchors).length === 0) return [];
      return matches(part, rule.hedges).map((s) => ({
        start: sentence.start + s.start,
        end: sentence.start + s.end,
      }));
    }),
  placeholder: (_rule, text) => matches(text, ['\\{\\{[^{}\\n]{0,40}\\}\\}', `【(?:${tokenAlternatives})】`]),
  length: (_rule, text, ctx) => {
    const limit = ctx.channel ? channelLimits[ctx.channel] : null;
    if (limit === null) return [];
    // Count characters, not UTF-16 units: an emoji is one character to the buyer and the form.
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      if (count === limit) return [{ start: i, end: text.length }];
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) i++;
      count++;
    }
    return [];
  },
};

function run(rule: ReplyRule, text: string, ctx: ReplyContext): Span[] {
  const fn = kinds[rule.kind] as (r: ReplyRule, t: string, c: ReplyContext) => Span[];
  return fn(rule, text, ctx);
}

/**
 * Reads a draft and lists what would hurt the buyer's trust, in text order. Pure: the same draft
 * and context always give the same findings, so the UI can run it on every keystroke.
 */
export function checkReply(
  draft: string,
  ctx: ReplyContext,
  rules: readonly ReplyRule[] = replyRules,
): ReplyFinding[] {
  // Line endings are normalised by the caller's editor; a CRLF file keeps its offsets, "\r" is just text.
  if (draft.trim() === '') return [];
  const findings: ReplyFinding[] = [];
  for (const rule of rules) {
    if (!inScope(rule.scope, draft, ctx)) continue;
    for (const span of run(rule, draft, ctx)) {
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        start: span.start,
        end: span.end,
        message: rule.message,
        ...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** 1-based line and column (in characters) of an offset, for the CLI and screen readers. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}
