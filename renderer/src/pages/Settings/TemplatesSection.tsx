import {
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  NavLink,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDeviceFloppy, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyProfileDto, TemplateDto } from '../../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import {
  checkReply,
  fillTemplate,
  isComplaintPurpose,
  placeholderKeys,
  placeholderTokens,
  sampleValues,
  templatePurposes,
  unknownTokens,
  type TemplatePurpose,
} from '../../../../shared/domain/replies';
import { FindingList } from '../../components/Compose/FindingList';
import { HighlightedDraft } from '../../components/Compose/HighlightedDraft';
import { MessageTextarea } from '../../components/Compose/MessageTextarea';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { describeError } from '../../i18n/errors';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { SectionHeader } from './SectionHeader';

const NEW = 'new';
const ALL = 'all';

/** 設定 → 定型文: the shop's name and signature, and every template with a live preview. */
export function TemplatesSection() {
  const { t } = useTranslation();
  const templates = useApiQuery('templates.list', {});
  const profile = useApiQuery('templates.profile', {});
  const [selected, setSelected] = useState<string>('d:won_payment');

  let body;
  if (templates.isError)
    body = <ErrorView error={templates.error} onRetry={() => void templates.refetch()} />;
  else if (profile.isError) body = <ErrorView error={profile.error} onRetry={() => void profile.refetch()} />;
  else if (!templates.data || !profile.data) body = <LoadingView />;
  else {
    const current = templates.data.find((x) => x.id === selected);
    body = (
      <Stack gap="md">
        <ProfileForm key={JSON.stringify(profile.data)} saved={profile.data} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setSelected(NEW)}
                data-testid="template-add"
              >
                {t('replies.editor.add')}
              </Button>
              <Paper withBorder radius="md" p={4} component="nav" aria-label={t('replies.editor.list')}>
                <ScrollArea.Autosize mah={640}>
                  {templatePurposes.map((purpose) => {
                    const items = templates.data.filter((x) => x.purpose === purpose);
                    if (items.length === 0) return null;
                    return (
                      <div key={purpose}>
                        <Text size="xs" fw={700} c="dimmed" px="sm" pt="xs">
                          {t(`replies.purposes.${purpose}`)}
                        </Text>
                        {items.map((x) => (
                          <NavLink
                            key={x.id}
                            component="button"
                            type="button"
                            label={x.name}
                            description={
                              x.marketplace
                                ? marketplaceNames[x.marketplace]
                                : t('replies.editor.allMarketplaces')
                            }
                            rightSection={<TemplateBadge template={x} />}
                            active={x.id === selected}
                            onClick={() => setSelected(x.id)}
                            variant="light"
                            styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                            aria-current={x.id === selected ? 'true' : undefined}
                          />
                        ))}
                      </div>
                    );
                  })}
                </ScrollArea.Autosize>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected === NEW || current ? (
              <TemplateEditor
                key={current ? `${current.id}:${current.updatedAt}:${current.edited}` : NEW}
                template={current}
                profile={profile.data}
                onSelect={setSelected}
              />
            ) : (
              <Text c="dimmed">{t('replies.editor.pick')}</Text>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <SectionHeader title={t('replies.editor.title')} description={t('replies.editor.description')} />
      {body}
    </Stack>
  );
}

function TemplateBadge({ template }: { template: TemplateDto }) {
  const { t } = useTranslation();
  if (!template.isDefault)
    return (
      <Badge size="xs" variant="light" color="grape">
        {t('replies.editor.own')}
      </Badge>
    );
  return template.edited ? (
    <Badge size="xs" variant="light" color="orange">
      {t('replies.editor.edited')}
    </Badge>
  ) : null;
}

function ProfileForm({ saved }: { saved: ReplyProfileDto }) {
  const { t } = useTranslation();
  const [shopName, setShopName] = useState(saved.shopName);
  const [signature, setSignature] = useState(saved.signature);
  const save = useApiMutation('templates.saveProfile', {
    onSuccess: () => notifications.show({ color: 'green', message: t('replies.editor.profileSaved') }),
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const dirty = shopName !== saved.shopName || signature !== saved.signature;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('replies.editor.profile')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('replies.editor.profileHint', { shop: '{{ショップ名}}', signature: '{{署名}}' })}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('replies.editor.shopName')}
              value={shopName}
              maxLength={60}
              onChange={(e) => setShopName(e.currentTarget.value)}
              data-testid="profile-shop"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Textarea
              label={t('replies.editor.signature')}
              value={signature}
              maxLength={1000}
              autosize
              minRows={3}
              onChange={(e) => setSignature(e.currentTarget.value)}
              data-testid="profile-signature"
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button
            variant={dirty ? 'filled' : 'default'}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ shopName, signature })}
            data-testid="profile-save"
          >
            {t('replies.editor.saveProfile')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const blankBody = '{{お客様名}}\n\n{{ショップ名}}でございます。\n\n\n{{署名}}';

function TemplateEditor({
  template,
  profile,
  onSelect,
}: {
  template: TemplateDto | undefined;
  profile: ReplyProfileDto;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(template?.name ?? t('replies.editor.newName'));
  const [body, setBody] = useState(template?.body ?? blankBody);
  const [purpose, setPurpose] = useState<TemplatePurpose>(template?.purpose ?? 'shipped');
  const [marketplace, setMarketplace] = useState<Marketplace | null>(template?.marketplace ?? null);
  const [confirm, setConfirm] = useState<'remove' | 'reset' | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const onError = (error: Error) => notifications.show({ color: 'red', message: describeError(error, t) });

  const save = useApiMutation('templates.save', {
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t('replies.editor.saved') });
      onSelect(saved.id);
    },
    onError,
  });
  const copy = useApiMutation('templates.copy', {
    onSuccess: (copied) => {
      notifications.show({ color: 'green', message: t('replies.editor.copiedMsg') });
      onSelect(copied.id);
    },
    onError,
  });
  const remove = useApiMutation('templates.remove', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('replies.editor.removed') });
      onSelect('d:won_payment');
    },
    onError,
  });
  const reset = useApiMutation('templates.reset', {
    onSuccess: () => notifications.show({ color: 'green', message: t('replies.editor.resetDone') }),
    onError,
  });

  const unknown = unknownTokens(body);
  const fixed = template?.isDefault ?? false;
  const dirty =
    !template ||
    name !== template.name ||
    body !== template.body ||
    purpose !== template.purpose ||
    marketplace !== template.marketplace;

  const preview = useMemo(() => {
    const values = {
      ...sampleValues,
      shopName: profile.shopName || sampleValues.shopName,
      signature: profile.signature || sampleValues.signature,
    };
    const text = fillTemplate(body, values, { now: new Date('2026-11-22T00:00:00+09:00') }).text;
    const channel =
      marketplace === 'yahoo_auction' ? 'navi' : marketplace === 'mercari' ? 'mercari' : 'email';
    return { text, findings: checkReply(text, { complaint: isComplaintPurpose(purpose), purpose, channel }) };
  }, [body, profile, purpose, marketplace]);

  /** Inserts a placeholder where the cursor is, and puts the cursor after it. */
  const insert = (token: string) => {
    const el = bodyRef.current;
    const at = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    const text = `{{${token}}}`;
    setBody(body.slice(0, at) + text + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  return (
    <Stack gap="md" data-testid="template-editor">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('replies.editor.name')}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="template-name"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Select
            label={t('replies.editor.purpose')}
            data={templatePurposes.map((p) => ({ value: p, label: t(`replies.purposes.${p}`) }))}
            value={purpose}
            onChange={(p) => p && setPurpose(p as TemplatePurpose)}
            disabled={fixed}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Select
            label={t('replies.editor.marketplace')}
            data={[
              { value: ALL, label: t('replies.editor.allMarketplaces') },
              ...marketplaces.map((m) => ({ value: m, label: marketplaceNames[m] })),
            ]}
            value={marketplace ?? ALL}
            onChange={(m) => setMarketplace(!m || m === ALL ? null : (m as Marketplace))}
            disabled={fixed}
            allowDeselect={false}
          />
        </Grid.Col>
      </Grid>
      {fixed && (
        <Text size="xs" c="dimmed">
          {t('replies.editor.fixedHint')}
        </Text>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('replies.editor.insert')}
        </Text>
        <Group gap={6}>
          {placeholderKeys.map((key) => (
            <Button
              key={key}
              size="compact-xs"
              variant="default"
              onClick={() => insert(placeholderTokens[key])}
            >
              {placeholderTokens[key]}
            </Button>
          ))}
        </Group>
      </Stack>
      <MessageTextarea
        ref={bodyRef}
        label={t('replies.editor.body')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        minRows={10}
        maxRows={30}
        maxLength={10_000}
        error={
          unknown.length
            ? t('replies.editor.unknownToken', {
                tokens: unknown.map((u) => `{{${u}}}`).join(t('separators.list')),
              })
            : undefined
        }
        data-testid="template-body"
      />
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {template && (
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => copy.mutate({ id: template.id })}
              loading={copy.isPending}
            >
              {t('replies.editor.copy')}
            </Button>
          )}
          {template && !template.isDefault && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setConfirm('remove')}
            >
              {t('replies.editor.remove')}
            </Button>
          )}
          {template?.edited && (
            <Button
              variant="default"
              leftSection={<IconRestore size={16} aria-hidden />}
              onClick={() => setConfirm('reset')}
            >
              {t('replies.editor.reset')}
            </Button>
          )}
        </Group>
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={!dirty || unknown.length > 0 || !name.trim() || !body.trim()}
          loading={save.isPending}
          onClick={() =>
            save.mutate({ ...(template ? { id: template.id } : {}), name, body, purpose, marketplace })
          }
          data-testid="template-save"
        >
          {t('replies.editor.save')}
        </Button>
      </Group>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('replies.editor.preview')}
          </Title>
          <Paper withBorder p="sm" radius="sm" data-testid="template-preview">
            <HighlightedDraft text={preview.text} findings={preview.findings} />
          </Paper>
          <FindingList text={preview.text} findings={preview.findings} />
        </Stack>
      </Paper>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'remove' ? t('replies.editor.remove') : t('replies.editor.reset')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {confirm === 'remove'
              ? t('replies.editor.removeConfirm', { name: template?.name })
              : t('replies.editor.resetConfirm', { name: template?.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>
              {t('replies.editor.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (template) (confirm === 'remove' ? remove : reset).mutate({ id: template.id });
                setConfirm(null);
              }}
            >
              {confirm === 'remove' ? t('replies.editor.remove') : t('replies.editor.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
