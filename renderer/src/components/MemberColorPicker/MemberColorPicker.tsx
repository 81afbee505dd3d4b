import { CheckIcon, ColorSwatch, Group, Input } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { memberColors, type MemberColor } from '../../../../shared/contract';

interface MemberColorPickerProps {
  value: MemberColor;
  onChange: (color: MemberColor) => void;
  error?: string;
}

/** The member colours as a radio group of swatches; each swatch has a spoken name for screen readers. */
export function MemberColorPicker({ value, onChange, error }: MemberColorPickerProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Input.Wrapper label={t('member.color')} labelElement="div" labelProps={{ id: labelId }} error={error}>
      <Group gap={8} mt={4} role="radiogroup" aria-labelledby={labelId}>
        {memberColors.map((color) => (
          <ColorSwatch
            key={color}
            component="button"
            type="button"
            role="radio"
            aria-checked={value === color}
            aria-label={t(`colors.${color}`)}
            title={t(`colors.${color}`)}
            color={`var(--mantine-color-${color}-filled)`}
            onClick={() => onChange(color)}
            style={{ color: 'white', cursor: 'pointer' }}
            size={26}
          >
            {value === color && <CheckIcon size={12} />}
          </ColorSwatch>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
