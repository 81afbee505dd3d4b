import { Button } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilterOff, IconPlus, IconReceipt, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { DealRowDto } from '../../../../shared/contract';
import { GridPage, GridSummary } from '../../components/DataGrid/GridPage';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { StartActions } from '../../components/StartActions/StartActions';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount } from '../../i18n/format';
import { useApiClient } from '../../hooks/api-context';
import { useAllMembers, useMembers, useSession, useSystemInfo } from '../../hooks/useAppData';
import { BULK_LIMIT, useViewCounts } from '../../hooks/useDealViews';
import { PAGE_SIZE, usePagedRows } from '../../hooks/usePagedRows';
import { useUrlState } from '../../hooks/useUrlState';
import { BulkActions } from './BulkActions';
import { showBulkLimitNotice } from './bulk-limit-notice';
import { DealsFilters } from './DealsFilters';
import { DealsTable, type RowClick } from './DealsTable';
import { dialogOpen, useNewDealHotkey } from './hotkeys';
import {
  clearFilters,
  hasFilters,
  listStateToParams,
  parseListState,
  toListQuery,
  type DealSort,
} from './list-params';
import { rememberListSearch, updateListMemory, useListMemory } from './selection';

export function DealsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useUrlState(parseListState, listStateToParams);
  const query = useMemo(() => toListQuery(state), [state]);
  const session = useSession();
  const client = useApiClient();
  const members = useAllMembers();
  // The header's member switcher lists these; with none, "mine" first needs members.
  const activeMembers = useMembers();
  const info = useSystemInfo();
  const me = session.data?.current?.id ?? null;
  // The "mine" view depends on who is using the app: switching member must show another list.
  const scope = state.view === 'mine' ? { me } : null;
  const listKey = JSON.stringify([query, scope]);
  const filterKey = JSON.stringify([query.filter, scope]);

  const membersById = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m])), [members.data]);
  const memory = useListMemory();
  const selected = memory.listKey === filterKey ? memory.selected : new Map<number, DealRowDto>();
  const cursor = memory.listKey === filterKey ? memory.cursor : null;
  const anchor = memory.listKey === filterKey ? memory.anchor : null;
  useEffect(() => {
    // A selection belongs to one set of filters: acting on deals no longer shown would surprise.
    if (memory.listKey !== filterKey)
      updateListMemory({ listKey: filterKey, selected: new Map(), anchor: null, cursor: null });
  }, [filterKey, memory.listKey]);
  useEffect(() => rememberListSearch(location.search), [location.search]);

  // Only the pages around the rows on screen are fetched; a new sort or filter starts from the top.
  const pages = usePagedRows('deals.list', query, scope);
  const viewCounts = useViewCounts(me);
  const [selectingAll, setSelectingAll] = useState(false);

  const onSort = (by: DealSort) => {
    const dir =
      state.sort.by === by ? (state.sort.dir === 'asc' ? 'desc' : 'asc') : by === 'nextDue' ? 'asc' : 'desc';
    setState({ ...state, sort: { by, dir } });
  };
  const open = useCallback((row: DealRowDto) => navigate(`/deals/${row.id}`), [navigate]);
  useNewDealHotkey();
  useHotkeys([
    [
      'Enter',
      (event) => {
        // Only when nothing else has the focus: Enter on a button or in the grid does its own thing.
        if (document.activeElement !== document.body || dialogOpen()) return;
        const row =
          cursor !== null ? pages.rowAt(cursor) : selected.size === 1 ? [...selected.values()][0] : undefined;
        if (!row) return;
        event.preventDefault();
        open(row);
      },
      { preventDefault: false },
    ],
  ]);

  const total = pages.total;
  const setSelection = (
    next: Map<number, DealRowDto>,
    patch: { anchor?: number | null; cursor?: number | null } = {},
  ) => updateListMemory({ listKey: filterKey, selected: next, anchor, cursor, ...patch });

  const onSelect = async (index: number, row: DealRowDto, click: RowClick) => {
    if (click.shift && anchor !== null && anchor !== index) {
      const from = Math.min(anchor, index);
      const to = Math.max(anchor, index) + 1;
      let rows: DealRowDto[];
      try {
        rows = await pages.fetchRows(from, to);
      } catch (error) {
        notifications.show({ color: 'red', message: describeError(error, t) });
        return;
      }
      const next = new Map(selected);
      for (const r of rows) {
        if (next.size >= BULK_LIMIT && !next.has(r.id)) {
          showBulkLimitNotice();
          break;
        }
        next.set(r.id, r);
      }
      setSelection(next, { cursor: index });
      return;
    }
    const next = new Map(selected);
    if (next.has(row.id)) next.delete(row.id);
    else if (next.size >= BULK_LIMIT) return showBulkLimitNotice();
    else next.set(row.id, row);
    setSelection(next, { anchor: index, cursor: index });
  };

  const selectAll = async () => {
    if (total === undefined) return;
    setSelectingAll(true);
    try {
      // How many match, up to the bulk limit: the list may only know "more than 1,000".
      const matching = pages.more
        ? await client.call('deals.ids', { ...query, limit: BULK_LIMIT })
        : { ids: { length: Math.min(total, BULK_LIMIT) }, more: total > BULK_LIMIT };
      const rows = await pages.fetchRows(0, matching.ids.length);
      setSelection(new Map(rows.map((r) => [r.id, r])));
      if (matching.more) showBulkLimitNotice();
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    } finally {
      setSelectingAll(false);
    }
  };
  const clearSelection = () => setSelection(new Map(), { anchor: null });

  const headerState =
    selected.size === 0
      ? 'none'
      : total !== undefined && selected.size >= Math.min(total, BULK_LIMIT)
        ? 'all'
        : 'some';

  const ledgerEmpty = info.data !== undefined && (info.data.counts.deals ?? 0) === 0;
  const filtered = hasFilters(state);
  const newDealButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => navigate('/deals/new')}>
      {t('deals.new')}
    </Button>
  );

  let body;
  if (pages.error && total === undefined)
    body = <ErrorView error={pages.error} onRetry={() => window.location.reload()} />;
  else if (total === undefined) body = <LoadingView />;
  else if (total === 0 && ledgerEmpty && !filtered)
    body = (
      <EmptyState
        icon={<IconReceipt size={32} aria-hidden />}
        title={t('deals.emptyTitle')}
        description={t('deals.emptyBody')}
        actions={
          <>
            <StartActions />
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => navigate('/deals/new')}
            >
              {t('deals.new')}
            </Button>
          </>
        }
      />
    );
  else if (total === 0)
    body = (
      <EmptyState
        icon={<IconSearch size={32} aria-hidden />}
        title={t('deals.noMatchTitle')}
        description={
          state.view !== 'mine' || me !== null
            ? t('deals.noMatchBody')
            : activeMembers.data?.length === 0
              ? t('deals.noMatchMineNoMembers')
              : t('deals.noMatchMineNobody')
        }
        actions={
          filtered ? (
            <Button
              leftSection={<IconFilterOff size={18} aria-hidden />}
              onClick={() => setState(clearFilters(state))}
            >
              {t('deals.filters.clear')}
            </Button>
          ) : undefined
        }
      />
    );
  else
    body = (
      <DealsTable
        key={listKey}
        listKey={listKey}
        total={total}
        rowAt={pages.rowAt}
        sort={state.sort}
        onSort={onSort}
        selected={selected}
        headerState={headerState}
        onHeaderToggle={() => (headerState === 'none' ? void selectAll() : clearSelection())}
        onSelect={(i, row, click) => void onSelect(i, row, click)}
        cursor={cursor}
        onCursor={(i) => updateListMemory({ listKey: filterKey, selected, anchor, cursor: i })}
        onEscape={clearSelection}
        onOpen={open}
        onVisibleRange={pages.onVisibleRange}
        members={membersById}
      />
    );

  return (
    <GridPage>
      <PageHeader title={t('deals.title')} description={t('deals.description')} actions={newDealButton} />
      {!ledgerEmpty && (
        <DealsFilters
          state={state}
          onChange={setState}
          members={members.data ?? []}
          viewCounts={viewCounts}
        />
      )}
      {selected.size > 0 && total !== undefined && (
        <BulkActions
          selected={selected}
          total={pages.more ? Math.max(total, BULK_LIMIT + 1) : total}
          totalMore={pages.more}
          members={members.data ?? []}
          selectingAll={selectingAll}
          onSelectAll={() => void selectAll()}
          onClear={clearSelection}
        />
      )}
      {total !== undefined && total > 0 && (
        <GridSummary
          testId="deals-total"
          count={
            pages.more
              ? // The table holds one page past what is loaded; the count is what is known to match.
                t(filtered ? 'dealList.totalMoreFiltered' : 'dealList.totalMore', {
                  n: formatCount(total - PAGE_SIZE, language),
                })
              : filtered
                ? t('deals.totalFiltered', { n: formatCount(total, language) })
                : t('deals.total', { n: formatCount(total, language) })
          }
          busy={pages.isFetching}
          hint={t('deals.keyboardHint')}
        />
      )}
      {body}
    </GridPage>
  );
}
