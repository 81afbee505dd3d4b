import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconDatabaseExport,
  IconFolderOpen,
  IconRestore,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFileDto, BackupStatusDto } from '../../../../shared/contract';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { currentLanguage } from '../../i18n';
import { appErrorOf, describeError } from '../../i18n/errors';
import { formatTokyoDateTime } from '../../i18n/format';
import { folderPickerOf } from './folder-picker';
import { SectionHeader } from './SectionHeader';

const when = (iso: string) => formatTokyoDateTime(iso, currentLanguage());
const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** The desktop app's folder picker; null in browser mode, where the folder is typed. */
const pickFolder = folderPickerOf(window as unknown as Parameters<typeof folderPickerOf>[0]);

/** 設定 → バックアップとデータ: the schedule and folder, back up now, restore (with undo), and the database check. */
export function BackupSection() {
  const { t } = useTranslation();
  const status = useApiQuery(
    'backups.status',
    {},
    // While the background check runs, look again now and then.
    {
      refetchInterval: (q) =>
        ['pending', 'running'].includes(q.state.data?.health.state ?? '') ? 3000 : false,
    },
  );
  const [confirm, setConfirm] = useState<string | null>(null);
  if (status.isPending) return <LoadingView />;
  if (status.isError) return <ErrorView error={status.error} onRetry={() => void status.refetch()} />;
  const data = status.data;
  const confirmAt = data.backups.find((b) => b.file === confirm)?.at;
  return (
    <Stack gap="lg" maw={820}>
      <SectionHeader title={t('shipping.backups.title')} description={t('shipping.backups.description')} />
      <HealthNotice status={data} onRestore={setConfirm} />
      <Schedule key={`${data.settings.folder ?? ''}:${data.settings.enabled}`} status={data} />
      {data.lastError && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {t('shipping.backups.lastError', { error: data.lastError })}
        </Alert>
      )}
      <BackupNow />
      <BackupList backups={data.backups} undo={data.undo} onRestore={setConfirm} />
      <RestoreFromPath onRestore={setConfirm} />
      <RestoreConfirm file={confirm} at={confirmAt} onClose={() => setConfirm(null)} />
    </Stack>
  );
}

function HealthNotice({ status, onRestore }: { status: BackupStatusDto; onRestore: (file: string) => void }) {
  const { t } = useTranslation();
  const { health, latestGood } = status;
  if (health.state !== 'damaged') {
    return (
      <Text size="sm" c={health.state === 'ok' ? 'teal.8' : 'dimmed'} data-testid="db-health">
        {t(`shipping.backups.health.${health.state}`, { at: health.checkedAt ? when(health.checkedAt) : '' })}
      </Text>
    );
  }
  return (
    <Alert color="red" title={t('shipping.backups.health.damaged')} data-testid="db-health">
      <Stack gap="xs">
        <Text size="sm">
          {latestGood
            ? t('shipping.backups.damagedBody', { at: when(latestGood.at) })
            : t('shipping.backups.damagedNoBackup')}
        </Text>
        {latestGood && (
          <Button color="red" w="fit-content" onClick={() => onRestore(latestGood.file)}>
            {t('shipping.backups.restoreLatest')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function Schedule({ status }: { status: BackupStatusDto }) {
  const { t } = useTranslation();
  const configure = useApiMutation('backups.configure');
  const [folder, setFolder] = useState(status.settings.folder ?? '');
  const save = (input: Parameters<typeof configure.mutate>[0]) =>
    configure.mutate(input, {
      onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
    });
  return (
    <Stack gap="sm">
      <Group gap="xl" align="flex-end">
        <Switch
          label={t('shipping.backups.enabled')}
          checked={status.settings.enabled}
          onChange={(e) => save({ enabled: e.currentTarget.checked })}
        />
        <NumberInput
          label={t('shipping.backups.interval')}
          w={140}
          min={1}
          max={744}
          defaultValue={status.settings.intervalHours}
          onBlur={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= 744 && n !== status.settings.intervalHours)
              save({ intervalHours: n });
          }}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('shipping.backups.folder')}
          description={t('shipping.backups.folderDescription')}
          placeholder={t('shipping.backups.folderDefault', { folder: status.folder })}
          value={folder}
          onChange={(e) => {
            setFolder(e.currentTarget.value);
            configure.reset();
          }}
          error={configure.isError ? describeError(configure.error, t) : undefined}
        />
        {pickFolder && (
          <Button
            variant="default"
            leftSection={<IconFolderOpen size={16} aria-hidden />}
            disabled={configure.isPending}
            data-testid="backup-folder-choose"
            onClick={() =>
              void pickFolder({
                defaultPath: folder.trim() || status.folder,
                title: t('backupFolder.dialogTitle'),
              }).then((chosen) => {
                if (chosen === null) return;
                setFolder(chosen);
                // The backend checks the folder exists and can be written to; a refusal shows on the field.
                configure.mutate(
                  { folder: chosen },
                  {
                    onSuccess: (next) =>
                      notifications.show({
                        color: 'green',
                        message: t('backupFolder.chosen', { folder: next.folder }),
                      }),
                  },
                );
              })
            }
          >
            {t('backupFolder.choose')}
          </Button>
        )}
        <Button
          variant="default"
          loading={configure.isPending}
          onClick={() => save({ folder: folder.trim() === '' ? null : folder.trim() })}
        >
          {t('shipping.backups.saveFolder')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {status.folder}
      </Text>
    </Stack>
  );
}

function BackupNow() {
  const { t } = useTranslation();
  const now = useApiMutation('backups.now');
  return (
    <Group>
      <Button
        leftSection={<IconDatabaseExport size={16} aria-hidden />}
        loading={now.isPending}
        onClick={() =>
          now.mutate(
            {},
            {
              onSuccess: (file) =>
                notifications.show({
                  color: 'green',
                  message: t('shipping.backups.done', { name: file.name }),
                }),
              onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
            },
          )
        }
      >
        {t('shipping.backups.now')}
      </Button>
    </Group>
  );
}

function BackupList({
  backups,
  undo,
  onRestore,
}: {
  backups: BackupFileDto[];
  undo: BackupFileDto | null;
  onRestore: (file: string) => void;
}) {
  const { t } = useTranslation();
  const undoRestore = useApiMutation('backups.undoRestore');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={700}>{t('shipping.backups.list')}</Text>
        {undo && (
          <Button
            size="compact-sm"
            variant="light"
            color="orange"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            loading={undoRestore.isPending}
            onClick={() =>
              undoRestore.mutate(
                {},
                {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('shipping.backups.undone') }),
                  onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
                },
              )
            }
          >
            {t('shipping.backups.undo')}
          </Button>
        )}
      </Group>
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('shipping.backups.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={360} type="auto">
          <Table striped withTableBorder fz="sm" data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('shipping.backups.at')}</Table.Th>
                <Table.Th>{t('shipping.backups.kind')}</Table.Th>
                <Table.Th>{t('shipping.backups.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => (
                <Table.Tr key={b.file}>
                  <Table.Td title={b.file}>{when(b.at)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.kind === 'manual' ? 'indigo' : 'gray'}>
                      {t(`shipping.backups.kinds.${b.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{size(b.bytes)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconRestore size={14} aria-hidden />}
                      onClick={() => onRestore(b.file)}
                    >
                      {t('shipping.backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function RestoreFromPath({ onRestore }: { onRestore: (file: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={t('shipping.backups.restorePath')}
        value={file}
        onChange={(e) => setFile(e.currentTarget.value)}
      />
      <Button variant="default" disabled={file.trim() === ''} onClick={() => onRestore(file.trim())}>
        {t('shipping.backups.restore')}
      </Button>
    </Group>
  );
}

function RestoreConfirm({ file, at, onClose }: { file: string | null; at?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const restore = useApiMutation('backups.restore');
  // A refusal belongs to the file it was about, not to the next one chosen.
  const close = () => {
    restore.reset();
    onClose();
  };
  const refused = (error: unknown) => {
    const code = appErrorOf(error)?.code;
    return code === 'db_not_torihiki' || code === 'db_corrupt'
      ? t('shipping.backups.refused')
      : describeError(error, t);
  };
  return (
    <Modal opened={file !== null} onClose={close} title={t('shipping.backups.restoreConfirmTitle')}>
      <Stack gap="md">
        <Text size="sm" style={{ lineHeight: 1.7 }}>
          {t('shipping.backups.restoreConfirmBody', { at: at ? when(at) : file })}
        </Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {file}
        </Text>
        {restore.isError && <Alert color="red">{refused(restore.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={restore.isPending}
            onClick={() =>
              file &&
              restore.mutate(
                { file },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('shipping.backups.restored') });
                    close();
                  },
                },
              )
            }
          >
            {t('shipping.backups.restoreSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
