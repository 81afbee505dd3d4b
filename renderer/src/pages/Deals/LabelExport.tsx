import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelFormats, type LabelFormat, type LabelIssueDto } from '../../../../shared/contract';
import { describeError } from '../../i18n/errors';
import { useApiMutation, useApiQuery } from '../../hooks/useApi';
import { saveBase64File } from './LabelExportFiles';

const MAX_SHOWN = 300;

/** The bulk bar's "送り状CSV" button and its dialog; self-contained so the bar needs one line for it. */
export function LabelExportButton({ dealIds }: { dealIds: readonly number[] }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="white"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('shipping.labels.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('shipping.labels.title', { n: dealIds.length })}
        size="xl"
      >
        {opened && <LabelExportForm dealIds={[...dealIds]} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function LabelExportForm({ dealIds, onDone }: { dealIds: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<LabelFormat>('yamato-b2');
  // The check is a query: changing the carrier re-checks, nothing is written until "save".
  const check = useApiQuery('labels.check', { format, dealIds }, { staleTime: 0 });
  const exportLabels = useApiMutation('labels.export');
  const report = check.data;
  const files = report ? Math.ceil(report.exported.length / (format === 'clickpost' ? 40 : Infinity)) : 0;

  const save = () =>
    exportLabels.mutate(
      { format, dealIds },
      {
        onSuccess: (result) => {
          for (const file of result.files) saveBase64File(file.name, file.contentBase64);
          notifications.show({
            color: 'green',
            message: t('shipping.labels.saved', { files: result.files.length, n: result.exported.length }),
          });
          onDone();
        },
        onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
      },
    );

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('shipping.labels.carrier')}
        value={format}
        onChange={(v) => setFormat(v as LabelFormat)}
        data={labelFormats.map((f) => ({ value: f, label: t(`shipping.formats.${f}`) }))}
      />
      {check.isPending && <Text size="sm">{t('shipping.labels.checking')}</Text>}
      {check.isError && <Alert color="red">{describeError(check.error, t)}</Alert>}
      {report && (
        <>
          <Stack gap={4} role="status" data-testid="label-summary">
            <Text size="sm" fw={700}>
              {report.exported.length > 0
                ? t('shipping.labels.ready', { n: report.exported.length })
                : t('shipping.labels.none')}
            </Text>
            {report.skipped.length > 0 && (
              <Text size="sm" c="red.8">
                {t('shipping.labels.blocked', { n: report.skipped.length })}
              </Text>
            )}
            {format === 'clickpost' && files > 1 && (
              <Text size="sm">{t('shipping.labels.clickpostSplit', { files })}</Text>
            )}
            {format === 'yamato-b2' && (
              <Text size="xs" c="dimmed">
                {t('shipping.labels.hint')}
              </Text>
            )}
          </Stack>
          {report.issues.some((i) => i.dealId === null && i.severity === 'error') && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('shipping.labels.fixShop')}
            </Alert>
          )}
          {report.issues.length > 0 && <IssueTable issues={report.issues} />}
        </>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={save}
          loading={exportLabels.isPending}
          disabled={!report || report.exported.length === 0}
          data-autofocus
        >
          {t('shipping.labels.save', { n: report?.exported.length ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}

/** One line per problem, naming the deal (order number) and the carrier's column. */
function IssueTable({ issues }: { issues: LabelIssueDto[] }) {
  const { t } = useTranslation();
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  // A 5,000-deal selection can have thousands of lines; the first ones say what to fix, the rest is a count.
  const shown = sorted.slice(0, MAX_SHOWN);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {t('shipping.labels.reportTitle')}
      </Text>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped withTableBorder fz="sm" data-testid="label-issues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('shipping.labels.reportDeal')}</Table.Th>
              <Table.Th>{t('shipping.labels.reportField')}</Table.Th>
              <Table.Th>{t('shipping.labels.reportProblem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Badge color={issue.severity === 'error' ? 'red' : 'yellow'} variant="light" size="sm">
                    {t(`shipping.labels.severity.${issue.severity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {issue.dealId === null
                    ? t('shipping.labels.shop')
                    : (issue.externalId ?? `#${issue.dealId}`)}
                </Table.Td>
                <Table.Td>{issue.field}</Table.Td>
                <Table.Td>{t(`shipping.labels.problems.${issue.code}`, { detail: issue.detail })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {sorted.length > MAX_SHOWN && (
        <Text size="xs" c="dimmed">
          {t('shipping.labels.moreIssues', { n: sorted.length - MAX_SHOWN })}
        </Text>
      )}
    </Stack>
  );
}
