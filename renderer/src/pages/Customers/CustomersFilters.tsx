import { Autocomplete, Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerTagPresets } from '../../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import { hasCustomerFilters, type CustomerListState } from './list-params';

interface CustomersFiltersProps {
  state: CustomerListState;
  onChange: (next: CustomerListState) => void;
}

const marketplaceOptions = marketplaces.map((m) => ({ value: m, label: marketplaceNames[m] }));

/** Name / contact search, tag, marketplace and "repeat customers only"; typing is debounced. */
export function CustomersFilters({ state, onChange }: CustomersFiltersProps) {
  const { t } = useTranslation();
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const [text, setText] = useState(state.text);
  const [tag, setTag] = useState(state.tag);
  const [seen, setSeen] = useState({ text: state.text, tag: state.tag });
  // The address changed under us (a cleared filter, Back): the boxes follow.
  if (state.text !== seen.text || state.tag !== seen.tag) {
    setSeen({ text: state.text, tag: state.tag });
    setText(state.text);
    setTag(state.tag);
  }
  const pushText = useDebouncedCallback((value: string) => onChange({ ...latest.current, text: value }), 300);
  const pushTag = useDebouncedCallback((value: string) => onChange({ ...latest.current, tag: value }), 300);

  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        aria-label={t('customerUi.list.searchLabel')}
        placeholder={t('customerUi.list.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        maxLength={200}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          pushText(v);
        }}
        w={260}
      />
      <Autocomplete
        aria-label={t('customerUi.list.tag')}
        placeholder={t('customerUi.list.tagPlaceholder')}
        data={[...customerTagPresets]}
        value={tag}
        maxLength={30}
        onChange={(v) => {
          setTag(v);
          pushTag(v);
        }}
        onOptionSubmit={(v) => onChange({ ...latest.current, tag: v })}
        w={170}
      />
      <Select
        aria-label={t('customerUi.list.marketplace')}
        placeholder={t('customerUi.list.allMarketplaces')}
        data={marketplaceOptions}
        value={state.marketplace}
        onChange={(v) => onChange({ ...state, marketplace: (v as Marketplace | null) ?? null })}
        clearable
        w={200}
      />
      <Switch
        label={t('customerUi.list.repeatOnly')}
        checked={state.repeatOnly}
        onChange={(e) => onChange({ ...state, repeatOnly: e.currentTarget.checked })}
        mb={8}
      />
      {hasCustomerFilters(state) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange({ ...state, text: '', tag: '', marketplace: null, repeatOnly: false })}
        >
          {t('customerUi.list.clear')}
        </Button>
      )}
    </Group>
  );
}
