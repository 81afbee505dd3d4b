import { Text } from '@mantine/core';
import type { ReplyFinding } from '../../../../shared/domain/replies';

interface Segment {
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

const markStyle = {
  error: {
    background: 'var(--mantine-color-red-light)',
    borderBottom: '2px solid var(--mantine-color-red-filled)',
  },
  warning: {
    background: 'var(--mantine-color-yellow-light)',
    borderBottom: '2px solid var(--mantine-color-yellow-filled)',
  },
} as const;

/** The draft as the buyer will read it, with every flagged span marked in place. */
export function HighlightedDraft({ text, findings }: { text: string; findings: readonly ReplyFinding[] }) {
  return (
    <Text
      component="div"
      size="sm"
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.8 }}
      data-testid="compose-highlighted"
    >
      {segments(text, findings).map((s, i) =>
        s.severity ? (
          <mark
            key={i}
            data-severity={s.severity}
            style={{ ...markStyle[s.severity], color: 'inherit', padding: 0 }}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}
