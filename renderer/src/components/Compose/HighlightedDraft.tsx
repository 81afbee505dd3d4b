import { Text } from '@mantine/core';
import type { ReplyFinding } from '../../../../shared/domain/replies';
import { segments } from './highlight';

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
