import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconEye } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateFormat, GenericMapping, ImportFileDto, MappingField } from '../../../../shared/contract';
import { dateFormats } from '../../../../shared/domain/import/dates';
import { mappingFields } from '../../../../shared/domain/import/mapping';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import { describeError } from '../../i18n/errors';
import { useApiMutation } from '../../hooks/useApi';
import { formatBytes } from './read-files';

export interface MappingDraft {
  header: string[];
  /** First rows of the file, to show what each column holds (none when editing a saved mapping). */
  sample: string[][];
  mapping: GenericMapping;
  reasons: Partial<Record<MappingField, 'header' | 'values'>>;
  requiredFields: readonly MappingField[];
  files: ImportFileDto[];
  /** The saved mapping being edited, if any. */
  name: string | null;
}

const UNUSED = '';

/** The field each column is mapped to (the contract maps the other way: field → column name). */
function columnsToFields(header: string[], mapping: GenericMapping): string[] {
  const out = header.map(() => UNUSED);
  for (const field of mappingFields) {
    const name = mapping.columns[field];
    if (!name) continue;
    const at = header.indexOf(name);
    if (at >= 0 && out[at] === UNUSED) out[at] = field;
  }
  return out;
}

/**
 * The generic mapper for a CSV no preset knows: for every column of the file, what it holds. The
 * backend's guesses (from header names and values) come filled in; the user corrects, optionally names
 * the mapping so the same header is read by it next time, and previews again.
 */
export function MappingEditor({
  draft,
  onPreview,
  onCancel,
}: {
  draft: MappingDraft;
  onPreview: (mapping: GenericMapping, name: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(() => columnsToFields(draft.header, draft.mapping));
  const [marketplace, setMarketplace] = useState<Marketplace>(draft.mapping.marketplace);
  const [dateFormat, setDateFormat] = useState<DateFormat>(draft.mapping.dateFormat);
  const [name, setName] = useState(draft.name ?? '');
  const save = useApiMutation('mappings.save');

  const fieldLabel = (f: MappingField) => t(`import.mapping.fields.${f}`);
  const mapping: GenericMapping = useMemo(() => {
    const columns: GenericMapping['columns'] = {};
    fields.forEach((f, i) => {
      if (f !== UNUSED && !columns[f as MappingField]) columns[f as MappingField] = draft.header[i]!;
    });
    return { marketplace, dateFormat, columns };
  }, [fields, marketplace, dateFormat, draft.header]);
  const missing = draft.requiredFields.filter((f) => !mapping.columns[f]);
  const duplicate = mappingFields.find((f) => fields.filter((x) => x === f).length > 1);
  const fieldOptions = [
    { value: UNUSED, label: t('import.mapping.unused') },
    ...mappingFields.map((f) => ({
      value: f,
      label: draft.requiredFields.includes(f) ? `${fieldLabel(f)} *` : fieldLabel(f),
    })),
  ];

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed) {
      try {
        await save.mutateAsync({ name: trimmed, header: draft.header, mapping });
        notifications.show({ color: 'green', message: t('import.mapping.saved', { name: trimmed }) });
      } catch {
        return;
      }
    }
    onPreview(mapping, trimmed || null);
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="import-mapping">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            {t('import.mapping.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('import.mapping.lead')}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {draft.files.map((f) => `${f.name} (${formatBytes(f.bytes)})`).join(t('separators.list'))}
          </Text>
        </div>
        <Group gap="md" align="flex-end">
          <Select
            label={t('import.mapping.marketplace')}
            data={marketplaces.map((m) => ({ value: m, label: marketplaceNames[m] }))}
            value={marketplace}
            onChange={(v) => v && setMarketplace(v as Marketplace)}
            allowDeselect={false}
            w={220}
          />
          <Select
            label={t('import.mapping.dateFormat')}
            data={dateFormats.map((f) => ({ value: f, label: t(`import.mapping.dateFormats.${f}`) }))}
            value={dateFormat}
            onChange={(v) => v && setDateFormat(v as DateFormat)}
            allowDeselect={false}
            w={320}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('import.mapping.required', {
            fields: draft.requiredFields.map(fieldLabel).join(t('separators.list')),
          })}
        </Text>
        <Table.ScrollContainer minWidth={640} maxHeight={480}>
          <Table stickyHeader verticalSpacing={4} aria-label={t('import.mapping.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t('import.mapping.column')}</Table.Th>
                <Table.Th>{t('import.mapping.sample')}</Table.Th>
                <Table.Th w={300}>{t('import.mapping.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.header.map((column, i) => {
                const field = fields[i] as MappingField | typeof UNUSED;
                const reason = field !== UNUSED ? draft.reasons[field] : undefined;
                const guessed = reason && draft.mapping.columns[field as MappingField] === column;
                const sample = draft.sample
                  .map((row) => row[i] ?? '')
                  .filter((v) => v.trim() !== '')
                  .slice(0, 3)
                  .join(' / ');
                return (
                  <Table.Tr key={i} data-testid="mapping-row">
                    <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {column || (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" c="dimmed" style={{ maxWidth: 280 }}>
                      <Text size="sm" truncate="end" title={sample}>
                        {sample || t('import.mapping.noSample')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Select
                          aria-label={t('import.mapping.field') + ': ' + column}
                          data={fieldOptions}
                          value={field}
                          onChange={(v) =>
                            setFields((prev) => prev.map((f, j) => (j === i ? (v ?? UNUSED) : f)))
                          }
                          allowDeselect={false}
                          searchable
                          size="xs"
                          w={190}
                          error={field !== UNUSED && field === duplicate}
                        />
                        {guessed && (
                          <Badge size="xs" variant="light" color="gray">
                            {reason === 'header'
                              ? t('import.mapping.guessedHeader')
                              : t('import.mapping.guessedValues')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {(missing.length > 0 || duplicate) && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />}>
            {missing.length > 0 && (
              <div>
                {t('import.mapping.missing', { fields: missing.map(fieldLabel).join(t('separators.list')) })}
              </div>
            )}
            {duplicate && <div>{t('import.mapping.duplicate', { field: fieldLabel(duplicate) })}</div>}
          </Alert>
        )}
        <TextInput
          label={t('import.mapping.name')}
          description={t('import.mapping.nameHint')}
          placeholder={t('import.mapping.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={60}
          maw={420}
        />
        {save.error && (
          <Alert color="red" variant="light" role="alert">
            {describeError(save.error, t)}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            leftSection={<IconEye size={18} aria-hidden />}
            disabled={missing.length > 0 || !!duplicate}
            loading={save.isPending}
            onClick={() => void submit()}
          >
            {t('import.mapping.preview')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('import.mapping.back')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
