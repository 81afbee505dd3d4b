import { ActionIcon, Badge, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto, IdentityDto } from '../../../../shared/contract';
import { marketplaceNames } from '../../../../shared/domain/marketplaces';
import { formatPhone, formatPostalCode } from '../../../../shared/domain/text';
import { useApiMutation } from '../../hooks/useApi';
import { describeError } from '../../i18n/errors';
import { Section } from './Section';

interface Props {
  customer: CustomerDto;
  onSaved: (customer: CustomerDto) => void;
}

/** Contact details with an edit dialog, and the identifiers that file new deals under this buyer. */
export function CustomerProfile({ customer, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<IdentityDto | null>(null);
  const remove = useApiMutation('customers.removeIdentity', {
    onSuccess: (c) => {
      onSaved(c);
      setRemoving(null);
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const f = (key: keyof typeof facts) => t(`customerUi.detail.fields.${key}`);
  const facts = {
    name: customer.name,
    kana: customer.kana,
    email: customer.email,
    phone: customer.phone ? formatPhone(customer.phone) : null,
    postalCode: customer.postalCode
      ? `〒${formatPostalCode(customer.postalCode) ?? customer.postalCode}`
      : null,
    prefecture: customer.prefecture,
    address: customer.address,
  };
  const merged = customer.mergedIntoId !== null;

  return (
    <Section
      title={t('customerUi.detail.profile')}
      testId="customer-profile"
      actions={
        !merged && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('customerUi.detail.editProfile')}
          </Button>
        )
      }
    >
      <Stack gap={6}>
        {(Object.keys(facts) as (keyof typeof facts)[]).map((key) => (
          <Group key={key} gap="sm" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={96} style={{ flex: '0 0 auto' }}>
              {f(key)}
            </Text>
            <Text
              size="sm"
              style={{ wordBreak: 'break-word', minWidth: 0 }}
              c={facts[key] ? undefined : 'dimmed'}
            >
              {facts[key] || '—'}
            </Text>
          </Group>
        ))}
      </Stack>

      <Text fw={700} size="sm" mt="md">
        {t('customerUi.detail.identities')}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {t('customerUi.detail.identitiesHelp')}
      </Text>
      {customer.identities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerUi.detail.noIdentities')}
        </Text>
      ) : (
        <Group gap={6} data-testid="customer-identities">
          {customer.identities.map((identity) => (
            <Badge
              key={identity.id}
              variant="outline"
              color="gray"
              size="lg"
              radius="sm"
              tt="none"
              fw={500}
              maw="100%"
              rightSection={
                !merged && (
                  <Tooltip label={t('customerUi.detail.removeIdentity')}>
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="gray"
                      aria-label={`${t('customerUi.detail.removeIdentity')}: ${identity.display}`}
                      onClick={() => setRemoving(identity)}
                    >
                      <IconX size={12} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )
              }
            >
              <Text span size="xs" c="dimmed" mr={4}>
                {t(`customerUi.detail.identityKinds.${identity.kind}`, {
                  marketplace: identity.marketplace ? marketplaceNames[identity.marketplace] : '',
                })}
              </Text>
              {identity.display}
            </Badge>
          ))}
        </Group>
      )}

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('customerUi.detail.removeIdentityTitle')}
      >
        <Text size="sm">{t('customerUi.detail.removeIdentityBody', { value: removing?.display ?? '' })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => removing && remove.mutate({ customerId: customer.id, identityId: removing.id })}
          >
            {t('customerUi.detail.removeIdentity')}
          </Button>
        </Group>
      </Modal>
      {editing && (
        <EditProfileModal
          customer={customer}
          onClose={() => setEditing(false)}
          onSaved={(c) => {
            onSaved(c);
            setEditing(false);
          }}
        />
      )}
    </Section>
  );
}

function EditProfileModal({
  customer,
  onClose,
  onSaved,
}: {
  customer: CustomerDto;
  onClose: () => void;
  onSaved: (c: CustomerDto) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: customer.name,
    kana: customer.kana ?? '',
    email: customer.email ?? '',
    phone: customer.phone ? formatPhone(customer.phone) : '',
    postalCode: customer.postalCode ? (formatPostalCode(customer.postalCode) ?? customer.postalCode) : '',
    prefecture: customer.prefecture ?? '',
    address: customer.address ?? '',
  });
  const update = useApiMutation('customers.update', { onSuccess: onSaved });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: customer.id, patch: form });
  };
  const field = (key: keyof typeof form, props: { maxLength: number; description?: string }) => (
    <TextInput
      label={t(`customerUi.detail.fields.${key}`)}
      value={form[key]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setForm((old) => ({ ...old, [key]: v }));
      }}
      required={key === 'name'}
      {...props}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('customerUi.detail.editTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="customer-edit-note">
            {t('customerUi.detail.editNote')}
          </Text>
          {field('name', { maxLength: 100 })}
          {field('kana', { maxLength: 100 })}
          {field('email', { maxLength: 254 })}
          {field('phone', { maxLength: 30, description: t('customerUi.detail.phoneHelp') })}
          {field('postalCode', { maxLength: 10, description: t('customerUi.detail.postalHelp') })}
          {field('prefecture', { maxLength: 10 })}
          {field('address', { maxLength: 300 })}
          {update.isError && (
            <Text size="sm" c="red" role="alert">
              {t('customerUi.detail.saveFailed')}: {describeError(update.error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
