import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReplyFinding } from '../../../../shared/domain/replies';
import { currentLanguage } from '../../i18n';

/** The checker's findings, each with its explanation and a way to jump to the span in the text. */
export function FindingList({
  text,
  findings,
  onSelect,
}: {
  text: string;
  findings: readonly ReplyFinding[];
  /** Jump to the span in the editable text; without it the excerpt is plain text. */
  onSelect?: (finding: ReplyFinding) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (findings.length === 0)
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={18} aria-hidden />}
        data-testid="compose-clean"
      >
        {t('replies.compose.reviewClean')}
      </Alert>
    );
  return (
    <Stack gap="xs" data-testid="compose-findings" role="list">
      {findings.map((f, i) => {
        const excerpt = text.slice(f.start, Math.min(f.end, f.start + 30));
        return (
          <Alert
            key={`${f.rule}-${f.start}-${i}`}
            role="listitem"
            color={f.severity === 'error' ? 'red' : 'yellow'}
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-rule={f.rule}
            p="xs"
          >
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                <Badge
                  size="sm"
                  color={f.severity === 'error' ? 'red' : 'yellow'}
                  variant="filled"
                  radius="sm"
                >
                  {t(`replies.compose.severity.${f.severity}`)}
                </Badge>
                {onSelect ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onSelect(f)}
                    lineClamp={1}
                  >
                    {t('separators.quoted', { text: `${excerpt}${f.end - f.start > 30 ? '…' : ''}` })}
                  </Anchor>
                ) : (
                  <Text size="sm" lineClamp={1}>
                    {t('separators.quoted', { text: `${excerpt}${f.end - f.start > 30 ? '…' : ''}` })}
                  </Text>
                )}
              </Group>
              <Text size="sm">{f.message[lang]}</Text>
              {f.suggestion && (
                <Text size="sm" c="dimmed">
                  → {f.suggestion[lang]}
                </Text>
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
