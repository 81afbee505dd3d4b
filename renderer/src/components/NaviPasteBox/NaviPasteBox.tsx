import { Alert, Badge, Button, Grid, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconCircleCheck, IconClipboardText } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import {
  NAVI_PASTE_MAX_CHARS,
  parseNaviPaste,
  type NaviPasteField,
  type NaviPasteResult,
} from '../../../../shared/domain/navi-paste';
import { noteText } from './note-text';

interface NaviPasteBoxProps {
  /** Puts the recognised fields into the form; the box keeps the text so it can be compared. */
  onApply: (result: NaviPasteResult) => void;
}

/**
 * "Paste from 取引ナビ": the seller copies the whole ヤフオク! deal page and pastes it here. What was
 * recognised is listed, what was not is named, and nothing reaches the form until they say so.
 */
export function NaviPasteBox({ onApply }: NaviPasteBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  // Dates without a year are placed relative to now: the page is read today.
  const result = useMemo(() => (deferred.trim() ? parseNaviPaste(deferred, new Date()) : null), [deferred]);
  // The result last put into the form; pasting new text makes the button ask again.
  const [appliedResult, setAppliedResult] = useState<NaviPasteResult | null>(null);
  const applied = result !== null && result === appliedResult;
  const label = (f: NaviPasteField) => t(`navi.fields.${f}`);
  const cancelled = result?.fields.status === 'cancelled';
  const nothing = result !== null && result.recognised.length === 0;

  return (
    <Paper withBorder radius="md" p="md" data-testid="navi-paste">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <IconClipboardText size={20} aria-hidden />
              <Title order={2} fz="h4">
                {t('navi.title')}
              </Title>
            </Group>
            <Text size="sm" c="dimmed" style={{ lineHeight: 1.6 }}>
              {t('navi.hint')}
            </Text>
            <Textarea
              aria-label={t('navi.label')}
              placeholder={t('navi.placeholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={12}
              maxLength={NAVI_PASTE_MAX_CHARS * 2}
              styles={{ input: { fontSize: 13 } }}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {!result ? (
            <Text size="sm" c="dimmed" mt={32} style={{ lineHeight: 1.7 }}>
              {t('navi.waiting')}
            </Text>
          ) : (
            <Stack gap="sm" role="status" aria-live="polite" data-testid="navi-result">
              {nothing ? (
                <Alert
                  color="orange"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('navi.nothingTitle')}
                >
                  {t('navi.nothingBody')}
                </Alert>
              ) : (
                <>
                  <div>
                    <Group gap={6} mb={6}>
                      <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                      <Text size="sm" fw={700}>
                        {t('navi.recognised', { n: result.recognised.length })}
                      </Text>
                    </Group>
                    <Group gap={6}>
                      {result.recognised.map((f) => (
                        <Badge key={f} color="teal" variant="light" tt="none" radius="sm">
                          {label(f)}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                  {result.missing.length > 0 && (
                    <Alert
                      color="orange"
                      variant="light"
                      title={t('navi.missingTitle')}
                      data-testid="navi-missing"
                    >
                      <Text size="sm">{result.missing.map(label).join(t('activity.listSeparator'))}</Text>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('navi.missingHint')}
                      </Text>
                    </Alert>
                  )}
                  {cancelled && (
                    <Alert color="red" variant="light" title={t('navi.cancelledTitle')}>
                      {t('navi.cancelledBody')}
                    </Alert>
                  )}
                </>
              )}
              {result.warnings.length > 0 && (
                <Alert
                  color="yellow"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('navi.warningsTitle')}
                  data-testid="navi-warnings"
                >
                  <List size="sm" spacing={2}>
                    {result.notes.map((note, i) => (
                      <List.Item key={i} style={{ wordBreak: 'break-word' }}>
                        {noteText(note, t, currentLanguage())}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {!nothing && (
                <Group gap="sm">
                  <Button
                    leftSection={<IconArrowDown size={16} aria-hidden />}
                    onClick={() => {
                      onApply(result);
                      setAppliedResult(result);
                    }}
                    variant={applied ? 'light' : 'filled'}
                  >
                    {applied ? t('navi.applyAgain') : t('navi.apply')}
                  </Button>
                  {applied && (
                    <Text size="sm" c="teal.8">
                      {t('navi.appliedNote')}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
