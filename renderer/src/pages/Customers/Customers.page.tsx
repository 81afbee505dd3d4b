import { Button } from '@mantine/core';
import { IconFilterOff, IconSearch, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRowDto, CustomerSort } from '../../../../shared/contract';
import { GridPage, GridSummary } from '../../components/DataGrid/GridPage';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { StartActions } from '../../components/StartActions/StartActions';
import { currentLanguage } from '../../i18n';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useUrlState } from '../../hooks/useUrlState';
import { formatCount } from '../../i18n/format';
import { CustomersFilters } from './CustomersFilters';
import { CustomersTable } from './CustomersTable';
import {
  customerListStateToParams,
  hasCustomerFilters,
  nextSort,
  parseCustomerListState,
  toCustomerListQuery,
} from './list-params';

/** Every customer across marketplaces and years: sortable, filterable, repeat customers stand out. */
export function CustomersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(parseCustomerListState, customerListStateToParams);
  const query = useMemo(() => toCustomerListQuery(state), [state]);
  const listKey = JSON.stringify(query);
  const filtered = hasCustomerFilters(state);

  const pages = usePagedRows('customers.list', query);
  const [cursor, setCursor] = useState<{ listKey: string; index: number } | null>(null);

  const onSort = (by: CustomerSort) => setState({ ...state, sort: nextSort(state.sort, by) });
  const open = useCallback((row: CustomerRowDto) => navigate(`/customers/${row.id}`), [navigate]);
  const onCursor = useCallback((index: number) => setCursor({ listKey, index }), [listKey]);

  const total = pages.total;
  const duplicatesButton = (
    <Button
      component={Link}
      to="/customers/duplicates"
      variant="light"
      leftSection={<IconUsersGroup size={18} aria-hidden />}
    >
      {t('customerUi.list.duplicates')}
    </Button>
  );

  let body;
  if (total === undefined && pages.error) body = <ErrorView error={pages.error} />;
  else if (total === undefined) body = <LoadingView />;
  else if (total === 0 && !filtered)
    body = (
      <EmptyState
        icon={<IconUsers size={32} aria-hidden />}
        title={t('customers.emptyTitle')}
        description={t('customers.emptyBody')}
        actions={<StartActions />}
      />
    );
  else if (total === 0)
    body = (
      <EmptyState
        icon={<IconSearch size={32} aria-hidden />}
        title={t('customerUi.list.noMatchTitle')}
        description={t('customerUi.list.noMatchBody')}
        actions={
          <Button
            leftSection={<IconFilterOff size={18} aria-hidden />}
            onClick={() => setState({ ...state, text: '', tag: '', marketplace: null, repeatOnly: false })}
          >
            {t('customerUi.list.clear')}
          </Button>
        }
      />
    );
  else
    body = (
      <CustomersTable
        key={listKey}
        total={total}
        rowAt={pages.rowAt}
        sort={state.sort}
        onSort={onSort}
        cursor={cursor?.listKey === listKey ? cursor.index : null}
        onCursor={onCursor}
        onOpen={open}
        onVisibleRange={pages.onVisibleRange}
      />
    );

  const everEmpty = total === 0 && !filtered;
  return (
    <GridPage>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={everEmpty ? undefined : duplicatesButton}
      />
      {!everEmpty && <CustomersFilters state={state} onChange={setState} />}
      {total !== undefined && total > 0 && (
        <GridSummary
          testId="customers-total"
          count={
            filtered
              ? t('customerUi.list.totalFiltered', { n: formatCount(total, language) })
              : t('customerUi.list.total', { n: formatCount(total, language) })
          }
          hint={t('customerUi.list.keyboardHint')}
        />
      )}
      {body}
    </GridPage>
  );
}
