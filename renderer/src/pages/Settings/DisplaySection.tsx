import { Button, Group, Input, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language, type SettingsDto } from '../../../../shared/contract';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { FormError } from '../../components/FormError/FormError';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { applyLanguage } from '../../i18n';
import { describeError, fieldErrorsOf } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { useSettings } from '../../hooks/useAppData';
import { SectionHeader } from './SectionHeader';

export function DisplaySection() {
  const { t } = useTranslation();
  const settings = useSettings();
  if (settings.isPending) return <LoadingView />;
  if (settings.isError) return <ErrorView error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack gap="xl" maw={560}>
      <SectionHeader title={t('settings.display.title')} />
      <LanguageChoice value={settings.data.language} />
      <ShopNameForm key={settings.data.shopName} settings={settings.data} />
    </Stack>
  );
}

/** Saved at once: the language is a setting of the database, shared by every window on this PC. */
function LanguageChoice({ value }: { value: Language }) {
  const { t } = useTranslation();
  const update = useApiMutation('settings.update');
  const label = t('settings.display.language');
  return (
    <Input.Wrapper label={label} description={t('settings.display.languageDescription')} labelElement="div">
      <SegmentedControl
        mt={6}
        aria-label={label}
        value={update.isPending && update.variables.language ? update.variables.language : value}
        onChange={(next) =>
          update.mutate(
            { language: next as Language },
            {
              onSuccess: (saved) => applyLanguage(saved.language),
              onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
            },
          )
        }
        data={languages.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
      />
    </Input.Wrapper>
  );
}

function ShopNameForm({ settings }: { settings: SettingsDto }) {
  const { t } = useTranslation();
  const update = useApiMutation('settings.update');
  const [shopName, setShopName] = useState(settings.shopName);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { shopName },
      { onSuccess: () => notifications.show({ color: 'green', message: t('settings.display.saved') }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('settings.display.shopName')}
          description={t('settings.display.shopNameDescription')}
          placeholder={t('settings.display.shopNamePlaceholder')}
          value={shopName}
          onChange={(e) => {
            setShopName(e.currentTarget.value);
            update.reset();
          }}
          error={fieldErrorsOf(update.error, t).shopName}
          maxLength={60}
        />
        <FormError error={update.error} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={shopName === settings.shopName}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
