import {
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconRefresh, IconSend } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDto, TemplateDto } from '../../../../shared/contract';
import {
  channelLimits,
  checkReply,
  fillTemplate,
  isComplaintPurpose,
  replyChannels,
  type ReplyChannel,
  type ReplyFinding,
  type TemplatePurpose,
} from '../../../../shared/domain/replies';
import { ErrorView } from '../ErrorView/ErrorView';
import { LoadingView } from '../LoadingView/LoadingView';
import { useApiQuery } from '../../hooks/useApi';
import {
  channelFor,
  checkContext,
  dateKeys,
  initialFreeValues,
  longKeys,
  replyValues,
  suggestedTemplate,
  templatesFor,
  usedFreeKeys,
  type ComposeCaseContext,
  type FreeKey,
  type FreeValues,
} from './compose-model';
import { FindingList } from './FindingList';
import { HighlightedDraft } from './HighlightedDraft';
import { MessageTextarea } from './MessageTextarea';

export interface SentReply {
  text: string;
  templateId: string | null;
  channel: ReplyChannel;
}

export interface ComposeProps {
  /** The deal the reply is about: fills buyer, order, items, amounts, tracking. */
  deal?: DealDto | null;
  /** From a case page: complaint facts for the checker and the complaint placeholders. */
  caseContext?: ComposeCaseContext;
  /** Limit the templates offered (default: deal messages, or complaint messages for a case). */
  purposes?: readonly TemplatePurpose[];
  /** Shown as "送信済みとして記録" when given: the case page logs the outbound message. */
  onLogSent?: (sent: SentReply) => void | Promise<void>;
}

const characters = (s: string) => Array.from(s).length;

/**
 * Compose a reply: pick a template, fill it from the deal (and case), edit freely, see the
 * checker's findings marked in the text, and copy it for 取引ナビ, メルカリ or e-mail.
 */
export function Compose({ deal, caseContext, purposes, onLogSent }: ComposeProps) {
  const { t } = useTranslation();
  const templates = useApiQuery('templates.list', deal ? { marketplace: deal.marketplace } : {});
  const profile = useApiQuery('templates.profile', {});
  const complaint = caseContext?.complaint ?? false;
  const offered = useMemo(
    () => templatesFor(templates.data ?? [], purposes, complaint),
    [templates.data, purposes, complaint],
  );

  const [chosenId, setTemplateId] = useState<string | null>(null);
  // Until the member picks one, the template for the deal's next step.
  const templateId = chosenId ?? suggestedTemplate(offered, deal, caseContext)?.id ?? null;
  const template: TemplateDto | undefined = offered.find((x) => x.id === templateId);

  const [channel, setChannel] = useState<ReplyChannel>(channelFor(deal?.marketplace));
  const [free, setFree] = useState<FreeValues>(() => initialFreeValues(deal, caseContext));
  /** The member's own text once they edit the draft; null while it follows the template. */
  const [edited, setEdited] = useState<string | null>(null);
  /** The text last copied: the button says コピーしました only while the text is unchanged. */
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [logging, setLogging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const now = useMemo(() => new Date(), []);
  const filled = useMemo(
    () =>
      template
        ? fillTemplate(template.body, replyValues(deal, profile.data, free, caseContext), { now })
        : null,
    [template, deal, profile.data, free, caseContext, now],
  );
  const text = edited ?? filled?.text ?? '';
  const findings = useMemo(
    () => checkReply(text, checkContext(caseContext, channel, template?.purpose ?? null, now)),
    [text, caseContext, channel, template?.purpose, now],
  );
  const unfilled = findings.filter((f) => f.rule === 'unfilled-placeholder').length;
  const limit = channelLimits[channel];
  const copied = copiedText === text;

  if (templates.isError)
    return <ErrorView error={templates.error} onRetry={() => void templates.refetch()} />;
  if (!templates.data || !profile.data) return <LoadingView />;

  const select = (f: ReplyFinding) => {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };

  const copy = async () => {
    setConfirming(false);
    try {
      await navigator.clipboard.writeText(text);
      setCopiedText(text);
    } catch {
      notifications.show({ color: 'red', message: t('replies.compose.copyFailed') });
    }
  };

  const groups = (['deal', 'complaint'] as const)
    .map((group) => ({
      group: t(`replies.groups.${group}`),
      items: offered
        .filter((x) => isComplaintPurpose(x.purpose) === (group === 'complaint'))
        .map((x) => {
          // "発送のご連絡（ヤフオク!）" says its purpose already; "うち用" needs it spelled out.
          const purpose = t(`replies.purposes.${x.purpose}`);
          return { value: x.id, label: x.name.includes(purpose) ? x.name : `${purpose} — ${x.name}` };
        }),
    }))
    .filter((g) => g.items.length > 0);

  const keys = template ? usedFreeKeys(template.body) : [];
  const setValue = (key: FreeKey, value: string) => setFree((prev) => ({ ...prev, [key]: value }));

  return (
    <Stack gap="md" data-testid="compose">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            {offered.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('replies.compose.noTemplates')}
              </Text>
            ) : (
              <Select
                label={t('replies.compose.template')}
                placeholder={t('replies.compose.templatePlaceholder')}
                data={groups}
                value={templateId}
                onChange={(id) => {
                  setTemplateId(id);
                  setEdited(null);
                }}
                searchable
                allowDeselect={false}
                data-testid="compose-template"
              />
            )}
            <Select
              label={t('replies.compose.channel')}
              data={replyChannels.map((c) => ({ value: c, label: t(`replies.channels.${c}`) }))}
              value={channel}
              onChange={(c) => c && setChannel(c as ReplyChannel)}
              allowDeselect={false}
              data-testid="compose-channel"
            />
            {keys.length > 0 && (
              <Stack gap="xs">
                <Title order={3} fz="sm">
                  {t('replies.compose.values')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('replies.compose.valuesHint')}
                </Text>
                {keys.map((key) =>
                  longKeys.includes(key) ? (
                    <Textarea
                      key={key}
                      label={t(`replies.placeholders.${key}`)}
                      value={free[key] ?? ''}
                      onChange={(e) => setValue(key, e.currentTarget.value)}
                      autosize
                      minRows={2}
                      maxRows={6}
                    />
                  ) : (
                    <TextInput
                      key={key}
                      label={t(`replies.placeholders.${key}`)}
                      type={dateKeys.includes(key) ? 'date' : 'text'}
                      value={free[key] ?? ''}
                      onChange={(e) => setValue(key, e.currentTarget.value)}
                    />
                  ),
                )}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xs">
            <MessageTextarea
              ref={textarea}
              label={t('replies.compose.draft')}
              value={text}
              onChange={(e) => setEdited(e.currentTarget.value)}
              minRows={12}
              maxRows={24}
              data-testid="compose-draft"
            />
            <Group justify="space-between" gap="xs">
              <Text
                size="xs"
                c={limit !== null && characters(text) > limit ? 'red' : 'dimmed'}
                data-testid="compose-length"
              >
                {limit === null
                  ? t('replies.compose.lengthNoLimit', { count: characters(text) })
                  : t('replies.compose.length', { count: characters(text), limit })}
              </Text>
              {edited !== null && template && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={() => setEdited(null)}
                  title={t('replies.compose.rebuildHint')}
                >
                  {t('replies.compose.rebuild')}
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={3} fz="md">
              {t('replies.compose.review')}
            </Title>
            {findings.length > 0 && (
              <Badge color={findings.some((f) => f.severity === 'error') ? 'red' : 'yellow'} variant="light">
                {t('replies.compose.reviewCount', { count: findings.length })}
              </Badge>
            )}
          </Group>
          <FindingList text={text} findings={findings} onSelect={select} />
          {findings.length > 0 && (
            <Paper
              bg="var(--mantine-color-body)"
              withBorder
              p="sm"
              radius="sm"
              mah={260}
              style={{ overflowY: 'auto' }}
            >
              <HighlightedDraft text={text} findings={findings} />
            </Paper>
          )}
        </Stack>
      </Paper>

      <Group justify="flex-end" gap="sm">
        {onLogSent && (
          <Button
            variant="default"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={logging}
            disabled={!text.trim()}
            onClick={async () => {
              setLogging(true);
              try {
                await onLogSent({ text, templateId: template?.id ?? null, channel });
                notifications.show({ color: 'green', message: t('replies.compose.logged') });
              } catch {
                // The page that logs the message reports its own errors; the draft stays for a retry.
              } finally {
                setLogging(false);
              }
            }}
            data-testid="compose-log-sent"
          >
            {t('replies.compose.logSent')}
          </Button>
        )}
        <Button
          leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          color={copied ? 'green' : undefined}
          disabled={!text.trim()}
          onClick={() => (unfilled > 0 ? setConfirming(true) : void copy())}
          data-testid="compose-copy"
          data-copied={copied}
        >
          {copied ? t('replies.compose.copied') : t('replies.compose.copy')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('replies.compose.unfilledTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('replies.compose.unfilledBody', { count: unfilled, markers: '{{}}' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('replies.compose.unfilledBack')}
            </Button>
            <Button color="red" variant="light" onClick={() => void copy()}>
              {t('replies.compose.unfilledCopy')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
