import { Button, Group, Select } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId, TextEncoding } from '../../../../shared/contract';
import { textEncodings } from '../../../../shared/domain/import/encoding';
import { currentLanguage } from '../../i18n';
import { useApiQuery } from '../../hooks/useApi';
import type { ReadOptions } from './useImportFlow';

/** Encodings by the names sellers meet in Excel's and Notepad's "save as" dialogs. */
export const encodingNames: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  cp932: 'Shift_JIS (CP932)',
  'euc-jp': 'EUC-JP',
};

/** A batch records the encoding as text; older or unknown values are shown as they are. */
export const encodingName = (encoding: string): string =>
  (encodingNames as Record<string, string>)[encoding] ?? encoding;

const AUTO = 'auto';

/**
 * Reading the same files again with a format or an encoding chosen by hand, for the rare export that
 * is recognised wrongly (or not at all).
 */
export function ReadOptionsForm({
  options,
  onReread,
  busy,
}: {
  options: ReadOptions;
  onReread: (options: ReadOptions) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const formats = useApiQuery('imports.formats', {}, { staleTime: Infinity });
  const [presetId, setPresetId] = useState<string>(options.presetId ?? AUTO);
  const [encoding, setEncoding] = useState<string>(options.encoding ?? AUTO);
  const changed = presetId !== (options.presetId ?? AUTO) || encoding !== (options.encoding ?? AUTO);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('import.preview.chooseFormat')}
        data={[
          { value: AUTO, label: t('import.preview.auto') },
          ...(formats.data ?? []).map((f) => ({ value: f.id, label: f.name[language] })),
        ]}
        value={presetId}
        onChange={(v) => setPresetId(v ?? AUTO)}
        allowDeselect={false}
        w={280}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('import.preview.chooseEncoding')}
        data={[
          { value: AUTO, label: t('import.preview.auto') },
          ...textEncodings.map((e) => ({ value: e, label: encodingNames[e] })),
        ]}
        value={encoding}
        onChange={(v) => setEncoding(v ?? AUTO)}
        allowDeselect={false}
        w={200}
      />
      <Button
        variant="default"
        leftSection={<IconRefresh size={16} aria-hidden />}
        disabled={!changed || busy}
        onClick={() =>
          onReread({
            ...(presetId !== AUTO ? { presetId: presetId as PresetId } : {}),
            ...(encoding !== AUTO ? { encoding: encoding as TextEncoding } : {}),
          })
        }
      >
        {t('import.preview.rerun')}
      </Button>
    </Group>
  );
}
