import type { ReplyFinding } from '../../../../shared/domain/replies';

export interface Segment {
  text: string;
  severity: 'error' | 'warning' | null;
}

/** Splits the draft into plain and flagged runs; where findings overlap, an error wins over a warning. */
export function segments(text: string, findings: readonly ReplyFinding[]): Segment[] {
  const marks: ('error' | 'warning' | null)[] = new Array<'error' | 'warning' | null>(text.length).fill(null);
  for (const f of findings)
    for (let i = f.start; i < f.end && i < text.length; i++) if (marks[i] !== 'error') marks[i] = f.severity;
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.severity === marks[i]) last.text += text[i];
    else out.push({ text: text[i]!, severity: marks[i]! });
  }
  return out;
}
