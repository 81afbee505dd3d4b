import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Whole yen, never negative, with thousands separators: amounts offered and costs to the shop. */
export function YenInput(
  props: Omit<NumberInputProps, 'min' | 'max' | 'allowDecimal' | 'thousandSeparator' | 'prefix'>,
) {
  return (
    <NumberInput
      min={0}
      max={1_000_000_000}
      allowDecimal={false}
      thousandSeparator=","
      prefix="¥"
      {...props}
    />
  );
}
