import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopProfileDto } from '../../../../shared/contract';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { FormError } from '../../components/FormError/FormError';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { fieldErrorsOf } from '../../i18n/errors';
import { TrackingImportSection } from '../Deals/LabelExportTracking';
import { SectionHeader } from './SectionHeader';

/** 設定 → 配送: the sender printed on labels, and the tracking-number import. */
export function ShopProfileSection() {
  const { t } = useTranslation();
  const profile = useApiQuery('shop.get', {});
  if (profile.isPending) return <LoadingView />;
  if (profile.isError) return <ErrorView error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <Stack gap={48}>
      <Stack gap="lg" maw={720}>
        <SectionHeader title={t('shipping.shop.title')} description={t('shipping.shop.description')} />
        <ShopProfileForm profile={profile.data} />
      </Stack>
      <TrackingImportSection />
    </Stack>
  );
}

type TextField = Exclude<keyof ShopProfileDto, 'yupriColumns'>;
const textFields: { key: TextField; max: number }[] = [
  { key: 'name', max: 60 },
  { key: 'phone', max: 20 },
  { key: 'postalCode', max: 10 },
  { key: 'address1', max: 120 },
  { key: 'address2', max: 120 },
  { key: 'yamatoCustomerCode', max: 12 },
  { key: 'yamatoFreightNo', max: 2 },
];

function ShopProfileForm({ profile }: { profile: ShopProfileDto }) {
  const { t } = useTranslation();
  const update = useApiMutation('shop.update');
  const [draft, setDraft] = useState(profile);
  const [columns, setColumns] = useState(profile.yupriColumns.join('\n'));
  const errors = fieldErrorsOf(update.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { yupriColumns: _ignored, ...text } = draft;
    update.mutate(
      {
        ...text,
        yupriColumns: columns
          .split(/\r?\n/)
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('shipping.shop.saved') }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {textFields.map(({ key, max }) => (
            <TextInput
              key={key}
              label={t(`shipping.shop.${key}`)}
              value={draft[key]}
              maxLength={max}
              error={errors[key]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [key]: value }));
                update.reset();
              }}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('shipping.shop.yupriColumns')}
          description={t('shipping.shop.yupriColumnsDescription')}
          value={columns}
          onChange={(e) => setColumns(e.currentTarget.value)}
          error={errors.yupriColumns}
          autosize
          minRows={2}
          maxRows={8}
        />
        <FormError error={update.error} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
