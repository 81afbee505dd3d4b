import { Loader, Modal, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHitDto } from '../../../../shared/contract';
import { useApiQuery } from '../../hooks/useApi';
import { describeError } from '../../i18n/errors';
import { groupHits, hitRoute, moveActive, toQueryText } from './lookup-model';
import { LookupRow } from './LookupRow';
import classes from './QuickLookup.module.css';

const RESULTS = 30;
/** A pasted message is echoed by its start only. */
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The one search box (Ctrl+K or Cmd+K from any page, or the header button): customers, deals and their
 * numbers, ranked with exact identifiers first. Arrow keys choose, Enter opens.
 */
export function QuickLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const [debounced] = useDebouncedValue(text, 120);
  const queryText = toQueryText(debounced);
  const searching = queryText.trim() !== '';
  const result = useApiQuery(
    'search.query',
    { text: queryText, limit: RESULTS },
    { enabled: opened && searching, placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const hits: SearchHitDto[] = searching ? (result.data?.hits ?? []) : [];
  const current = Math.min(active, Math.max(0, hits.length - 1));

  const open = () => {
    if (opened) inputRef.current?.select();
    setOpened(true);
  };
  // Everywhere, even while typing in another box: this is how the seller gets here.
  useHotkeys(
    [
      ['ctrl+K', open],
      ['meta+K', open],
    ],
    [],
  );

  const go = (hit: SearchHitDto | undefined) => {
    if (!hit) return;
    setOpened(false);
    void navigate(hitRoute(hit));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Enter confirms a kana conversion, not the choice.
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveActive(current, hits.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(hits[current]);
    }
  };
  const optionId = (i: number) => `lookup-option-${i}`;

  let body;
  if (!searching)
    body = (
      <Text size="sm" c="dimmed" mt="sm">
        {t('customerUi.lookup.start')}
      </Text>
    );
  else if (result.isError && !result.data)
    body = (
      <Text size="sm" c="red" mt="sm" role="alert">
        {describeError(result.error, t)}
      </Text>
    );
  else if (result.data && hits.length === 0 && !result.isPlaceholderData)
    body = (
      <div data-testid="lookup-empty">
        <Text size="sm" fw={600} mt="sm" style={{ wordBreak: 'break-all' }} lineClamp={2}>
          {t('customerUi.lookup.noResults', { query: shorten(queryText) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('customerUi.lookup.noResultsHint')}
        </Text>
      </div>
    );
  else
    body = (
      <div
        className={classes.list}
        role="listbox"
        id="lookup-results"
        aria-label={t('customerUi.lookup.title')}
      >
        {groupHits(hits).map((group) => (
          <div
            key={`${group.tier}:${group.entries[0]!.index}`}
            role="group"
            aria-label={t(`customerUi.lookup.groups.${group.tier}`)}
          >
            <div className={classes.groupLabel} aria-hidden>
              {t(`customerUi.lookup.groups.${group.tier}`)}
            </div>
            {group.entries.map(({ hit, index }) => (
              <div
                key={`${hit.type}:${hit.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                data-active={index === current || undefined}
                data-hit-type={hit.type}
                data-hit-id={hit.id}
                data-tier={hit.tier}
                className={classes.option}
                onMouseMove={() => index !== current && setActive(index)}
                onClick={() => go(hit)}
              >
                <LookupRow hit={hit} />
              </div>
            ))}
          </div>
        ))}
        {result.data?.hasMore && (
          <Text size="xs" c="dimmed" mt="xs" px="xs">
            {t('customerUi.lookup.hasMore')}
          </Text>
        )}
      </div>
    );

  return (
    <>
      <button
        type="button"
        className={classes.trigger}
        onClick={open}
        aria-label={`${t('customerUi.lookup.open')} (${t('customerUi.lookup.shortcut')})`}
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="lookup-button"
      >
        <IconSearch size={16} aria-hidden />
        <span className={classes.triggerText}>{t('customerUi.lookup.open')}</span>
        <kbd className={classes.kbd}>{t('customerUi.lookup.shortcut')}</kbd>
      </button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('customerUi.lookup.title')}
        size="min(760px, 96vw)"
        yOffset="8vh"
        returnFocus
        // No opening animation: the box takes focus at once, so keys typed right after Ctrl+K are not lost.
        transitionProps={{ duration: 0 }}
      >
        <TextInput
          ref={inputRef}
          data-autofocus
          aria-label={t('customerUi.lookup.label')}
          placeholder={t('customerUi.lookup.placeholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          rightSection={result.isFetching ? <Loader size="xs" /> : null}
          size="md"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          // The last query stays, selected: type to replace it, or press Enter to open the same hit again.
          onFocus={(e) => e.currentTarget.select()}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="lookup-results"
          aria-activedescendant={hits.length > 0 ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="lookup-input"
        />
        {result.data?.scanned && searching && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('customerUi.lookup.scanned')}
          </Text>
        )}
        {body}
        <Text size="xs" c="dimmed" mt="sm">
          {t('customerUi.lookup.hint')}
        </Text>
      </Modal>
    </>
  );
}
