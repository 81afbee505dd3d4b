import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { savedViews, type MemberDto, type SavedView } from '../../../../shared/contract';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import {
  dealStates,
  stepKinds,
  stepStates,
  type DealState,
  type StepKind,
  type StepState,
} from '../../../../shared/domain/steps';
import { currentLanguage } from '../../i18n';
import { formatCount } from '../../i18n/format';
import { clearFilters, hasFilters, type ListState } from './list-params';

interface DealsFiltersProps {
  state: ListState;
  onChange: (next: ListState) => void;
  members: readonly MemberDto[];
  /** Matching deals per saved view, shown on its button when known. */
  viewCounts: Partial<Record<SavedView, number>>;
}

const ALL = 'all';

/** Saved views on top, then the filters; everything lives in the address, so Back restores it. */
export function DealsFilters({ state, onChange, members, viewCounts }: DealsFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<ListState>) => onChange({ ...state, ...patch });
  const [text, setText] = useState(state.text);
  const [seenText, setSeenText] = useState(state.text);
  // The address changed under us (a cleared filter, Back): the box follows.
  if (state.text !== seenText) {
    setSeenText(state.text);
    setText(state.text);
  }
  // The debounced push must merge into the newest state, not the one from when typing began.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const pushText = useDebouncedCallback((value: string) => onChange({ ...latest.current, text: value }), 300);

  const viewLabel = (view: SavedView) => {
    const n = viewCounts[view];
    return n === undefined
      ? t(`deals.views.${view}`)
      : `${t(`deals.views.${view}`)} ${formatCount(n, currentLanguage())}`;
  };

  const stepData = stepKinds.map((kind) => ({
    group: t(`steps.kinds.${kind}`),
    items: stepStates.map((s) => ({
      value: `${kind}:${s}`,
      label: `${t(`steps.kinds.${kind}`)}: ${t(`steps.states.${s}`)}`,
    })),
  }));

  return (
    <>
      <SegmentedControl
        value={state.view ?? ALL}
        onChange={(v) => set({ view: v === ALL ? null : (v as SavedView) })}
        data={[
          { value: ALL, label: t('deals.views.all') },
          ...savedViews.map((v) => ({ value: v, label: viewLabel(v) })),
        ]}
        aria-label={t('deals.views.label')}
        style={{ alignSelf: 'flex-start' }}
        data-testid="saved-views"
      />
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          aria-label={t('deals.filters.search')}
          placeholder={t('deals.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            pushText(v);
          }}
          rightSection={
            text ? (
              <CloseButton
                size="sm"
                aria-label={t('deals.filters.clearSearch')}
                onClick={() => {
                  setText('');
                  set({ text: '' });
                }}
              />
            ) : undefined
          }
          w={240}
          maxLength={200}
          data-testid="deal-search"
        />
        <MultiSelect
          aria-label={t('deals.filters.marketplace')}
          placeholder={state.marketplaces.length ? undefined : t('deals.filters.marketplace')}
          data={marketplaces.map((m) => ({ value: m, label: marketplaceNames[m] }))}
          value={state.marketplaces}
          onChange={(v) => set({ marketplaces: v as Marketplace[] })}
          clearable
          w={state.marketplaces.length > 1 ? 280 : 190}
          maxValues={marketplaces.length}
          comboboxProps={{ width: 220 }}
        />
        <Select
          aria-label={t('deals.filters.step')}
          placeholder={t('deals.filters.step')}
          data={stepData}
          value={state.step ? `${state.step.kind}:${state.step.state}` : null}
          onChange={(v) => {
            if (!v) return set({ step: null });
            const [kind, s] = v.split(':') as [StepKind, StepState];
            set({ step: { kind, state: s } });
          }}
          clearable
          w={160}
          comboboxProps={{ width: 200 }}
        />
        <Select
          aria-label={t('deals.filters.dealState')}
          placeholder={t('deals.filters.dealState')}
          data={dealStates.map((s) => ({ value: s, label: t(`deals.states.${s}`) }))}
          value={state.dealState}
          onChange={(v) => set({ dealState: (v as DealState | null) ?? null })}
          clearable
          w={130}
        />
        <Select
          aria-label={t('deals.filters.assignee')}
          placeholder={t('deals.filters.assignee')}
          data={[
            { value: 'unassigned', label: t('dealList.unassigned') },
            ...members
              .filter((m) => !m.archived || m.id === state.assigneeId)
              .map((m) => ({ value: String(m.id), label: m.name })),
          ]}
          value={state.assigneeId === null ? null : String(state.assigneeId)}
          onChange={(v) => set({ assigneeId: v === null ? null : v === 'unassigned' ? v : Number(v) })}
          clearable
          w={150}
        />
        <Group gap={4} wrap="nowrap" align="center">
          <TextInput
            type="date"
            aria-label={t('deals.filters.from')}
            value={state.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
            w={150}
          />
          <span aria-hidden>{t('separators.range')}</span>
          <TextInput
            type="date"
            aria-label={t('deals.filters.to')}
            value={state.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            w={150}
          />
        </Group>
        <Checkbox
          label={t('deals.filters.overdue')}
          checked={state.overdue}
          onChange={(e) => set({ overdue: e.currentTarget.checked })}
          color="red"
          style={{ alignSelf: 'center' }}
        />
        {hasFilters(state) && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => onChange(clearFilters(state))}
          >
            {t('deals.filters.clear')}
          </Button>
        )}
      </Group>
    </>
  );
}
