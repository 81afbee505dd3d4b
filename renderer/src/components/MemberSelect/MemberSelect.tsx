import { Group, Select, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { MemberAvatar } from '../MemberAvatar/MemberAvatar';

const NOBODY = 'none';

interface MemberSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'renderOption' | 'leftSection'
> {
  members: readonly MemberDto[];
  value: number | null;
  onChange: (memberId: number | null) => void;
  /** Words for "nobody" (未割り当て); leave out to make a member required. */
  nobodyLabel?: string;
}

/**
 * Picks a family member (with their colour), or nobody. Archived members are listed only when
 * already chosen, so old assignments still read right but new work goes to current members.
 */
export function MemberSelect({ members, value, onChange, nobodyLabel, ...rest }: MemberSelectProps) {
  const { t } = useTranslation();
  const shown = members.filter((m) => !m.archived || m.id === value);
  const byId = new Map(shown.map((m) => [String(m.id), m]));
  const data = [
    ...(nobodyLabel !== undefined ? [{ value: NOBODY, label: nobodyLabel }] : []),
    ...shown.map((m) => ({
      value: String(m.id),
      label: m.archived ? t('separators.aside', { text: m.name, aside: t('member.archived') }) : m.name,
    })),
  ];
  const current = value === null ? undefined : byId.get(String(value));
  return (
    <Select
      {...rest}
      data={data}
      value={value === null ? (nobodyLabel !== undefined ? NOBODY : null) : String(value)}
      onChange={(v) => onChange(v === null || v === NOBODY ? null : Number(v))}
      allowDeselect={false}
      leftSection={current ? <MemberAvatar name={current.name} color={current.color} size={20} /> : undefined}
      renderOption={({ option }) => {
        const member = byId.get(option.value);
        return (
          <Group gap={8} wrap="nowrap">
            {member && <MemberAvatar name={member.name} color={member.color} size={20} />}
            <Text size="sm" truncate="end">
              {option.label}
            </Text>
          </Group>
        );
      }}
    />
  );
}
