import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconCheck, IconPencil, IconRotate, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto, WishDto } from '../../../../shared/contract';
import { useApiMutation } from '../../hooks/useApi';
import { formatTokyoDate } from '../../i18n/deal-format';
import { describeError } from '../../i18n/errors';
import { Section } from './Section';

/** What the buyer asked for ("wants the blue one"), with an optional "tell me when in stock" flag. */
export function CustomerWishes({ customer }: { customer: CustomerDto }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [wantsNotice, setWantsNotice] = useState(false);
  const fail = (error: Error) => notifications.show({ color: 'red', message: describeError(error, t) });
  const add = useApiMutation('wishes.add', {
    onSuccess: () => {
      setText('');
      setWantsNotice(false);
    },
    onError: fail,
  });
  const merged = customer.mergedIntoId !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    add.mutate({ customerId: customer.id, text: text.trim(), wantsNotice });
  };
  return (
    <Section
      title={t('customerUi.detail.wishes')}
      help={t('customerUi.detail.wishesHelp')}
      testId="customer-wishes"
    >
      <Stack gap="xs">
        {customer.wishes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customerUi.detail.noWishes')}
          </Text>
        )}
        {customer.wishes.map((wish) => (
          <WishRow key={wish.id} wish={wish} readOnly={merged} onError={fail} />
        ))}
        {!merged && (
          <form onSubmit={submit}>
            <Stack gap={6} mt="xs">
              <TextInput
                aria-label={t('customerUi.detail.wishText')}
                placeholder={t('customerUi.detail.wishPlaceholder')}
                value={text}
                maxLength={500}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Group justify="space-between">
                <Checkbox
                  label={t('customerUi.detail.wantsNotice')}
                  checked={wantsNotice}
                  onChange={(e) => setWantsNotice(e.currentTarget.checked)}
                />
                <Button type="submit" size="xs" disabled={text.trim() === ''} loading={add.isPending}>
                  {t('customerUi.detail.addWish')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

function WishRow({
  wish,
  readOnly,
  onError,
}: {
  wish: WishDto;
  readOnly: boolean;
  onError: (e: Error) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ text: wish.text, wantsNotice: wish.wantsNotice });
  const [confirmRemove, setConfirmRemove] = useState(false);
  const update = useApiMutation('wishes.update', { onSuccess: () => setEditing(false), onError });
  const remove = useApiMutation('wishes.remove', { onSuccess: () => setConfirmRemove(false), onError });
  const done = wish.doneAt !== null;

  if (editing)
    return (
      <Paper withBorder p="xs" radius="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.text.trim() !== '')
              update.mutate({ id: wish.id, text: draft.text.trim(), wantsNotice: draft.wantsNotice });
          }}
        >
          <Stack gap={6}>
            <TextInput
              aria-label={t('customerUi.detail.wishText')}
              value={draft.text}
              maxLength={500}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, text: v }));
              }}
              data-autofocus
            />
            <Group justify="space-between">
              <Checkbox
                label={t('customerUi.detail.wantsNotice')}
                checked={draft.wantsNotice}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  setDraft((d) => ({ ...d, wantsNotice: v }));
                }}
              />
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  size="xs"
                  type="submit"
                  loading={update.isPending}
                  disabled={draft.text.trim() === ''}
                >
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
    );

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="wish"
      data-done={done || undefined}
      bg={done ? 'gray.0' : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text
            size="sm"
            td={done ? 'line-through' : undefined}
            c={done ? 'dimmed' : undefined}
            style={{ wordBreak: 'break-word' }}
          >
            {wish.text}
          </Text>
          <Group gap={6} mt={2}>
            {wish.wantsNotice && (
              <Badge size="xs" color="teal" variant="light" leftSection={<IconBell size={10} aria-hidden />}>
                {t('customerUi.detail.noticeBadge')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {done
                ? t('customerUi.detail.wishDoneAt', { date: formatTokyoDate(wish.doneAt!) })
                : t('customerUi.detail.wishCreatedAt', { date: formatTokyoDate(wish.createdAt) })}
            </Text>
          </Group>
        </div>
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <WishAction
              label={done ? t('customerUi.detail.wishReopen') : t('customerUi.detail.wishDone')}
              color={done ? 'gray' : 'green'}
              loading={update.isPending}
              onClick={() => update.mutate({ id: wish.id, done: !done })}
              icon={done ? <IconRotate size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />}
            />
            <WishAction
              label={t('customerUi.detail.wishEdit')}
              color="gray"
              onClick={() => setEditing(true)}
              icon={<IconPencil size={16} aria-hidden />}
            />
            <WishAction
              label={t('customerUi.detail.wishRemove')}
              color="red"
              onClick={() => setConfirmRemove(true)}
              icon={<IconTrash size={16} aria-hidden />}
            />
          </Group>
        )}
      </Group>
      <Modal
        opened={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title={t('customerUi.detail.wishRemoveTitle')}
      >
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {wish.text}
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmRemove(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: wish.id })}>
            {t('customerUi.detail.wishRemove')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

/** A small icon button with its name as tooltip and accessible label. */
function WishAction(props: {
  label: string;
  color: string;
  icon: ReactNode;
  onClick: () => void;
  loading?: boolean;
}) {
  return (
    <Tooltip label={props.label}>
      <ActionIcon
        variant="subtle"
        color={props.color}
        aria-label={props.label}
        loading={props.loading}
        onClick={props.onClick}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}
