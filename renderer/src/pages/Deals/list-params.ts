import { dealSorts, savedViews, type SavedView } from '../../../../shared/contract';
import { marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import {
  dealStates,
  stepKinds,
  stepStates,
  type DealState,
  type StepKind,
  type StepState,
} from '../../../../shared/domain/steps';
import type { DealListQuery } from '../../hooks/useDealViews';
import { tokyoDayStart } from '../../i18n/deal-format';

export type DealSort = (typeof dealSorts)[number];

/** Everything the deal list shows, as kept in the address (so Back from a deal returns to the same list). */
export interface ListState {
  view: SavedView | null;
  marketplaces: Marketplace[];
  step: { kind: StepKind; state: StepState } | null;
  dealState: DealState | null;
  overdue: boolean;
  /** A member, 'unassigned' (open work nobody has taken) or null (anyone). */
  assigneeId: number | 'unassigned' | null;
  /** "YYYY-MM-DD", Japan calendar days, both inclusive. */
  from: string;
  to: string;
  text: string;
  tag: string;
  sort: { by: DealSort; dir: 'asc' | 'desc' };
}

export const defaultSort: ListState['sort'] = { by: 'orderedAt', dir: 'desc' };

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function parseListState(params: URLSearchParams): ListState {
  const [kind, state] = (params.get('step') ?? '').split(':');
  const stepKind = oneOf(stepKinds, kind ?? null);
  const stepState = oneOf(stepStates, state ?? null);
  const assigneeParam = params.get('assignee');
  const assignee = Number(assigneeParam);
  return {
    view: oneOf(savedViews, params.get('view')),
    marketplaces: (params.get('mp') ?? '')
      .split(',')
      .map((m) => oneOf(marketplaces, m))
      .filter((m): m is Marketplace => m !== null),
    step: stepKind && stepState ? { kind: stepKind, state: stepState } : null,
    dealState: oneOf(dealStates, params.get('state')),
    overdue: params.get('overdue') === '1',
    assigneeId:
      assigneeParam === 'unassigned'
        ? 'unassigned'
        : Number.isSafeInteger(assignee) && assignee > 0
          ? assignee
          : null,
    from: isDate(params.get('from')) ? params.get('from')! : '',
    to: isDate(params.get('to')) ? params.get('to')! : '',
    text: (params.get('q') ?? '').slice(0, 200),
    tag: (params.get('tag') ?? '').slice(0, 30),
    sort: {
      by: oneOf(dealSorts, params.get('sort')) ?? defaultSort.by,
      dir: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : defaultSort.dir,
    },
  };
}

export function listStateToParams(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view) p.set('view', s.view);
  if (s.marketplaces.length) p.set('mp', s.marketplaces.join(','));
  if (s.step) p.set('step', `${s.step.kind}:${s.step.state}`);
  if (s.dealState) p.set('state', s.dealState);
  if (s.overdue) p.set('overdue', '1');
  if (s.assigneeId !== null) p.set('assignee', String(s.assigneeId));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.text) p.set('q', s.text);
  if (s.tag) p.set('tag', s.tag);
  if (s.sort.by !== defaultSort.by || s.sort.dir !== defaultSort.dir) {
    p.set('sort', s.sort.by);
    p.set('dir', s.sort.dir);
  }
  return p;
}

/** Whether anything narrows the list (a saved view counts: "clear" returns to all deals). */
export function hasFilters(s: ListState): boolean {
  return (
    s.view !== null ||
    s.marketplaces.length > 0 ||
    s.step !== null ||
    s.dealState !== null ||
    s.overdue ||
    s.assigneeId !== null ||
    s.from !== '' ||
    s.to !== '' ||
    s.text.trim() !== '' ||
    s.tag.trim() !== ''
  );
}

export function clearFilters(s: ListState): ListState {
  return {
    ...s,
    view: null,
    marketplaces: [],
    step: null,
    dealState: null,
    overdue: false,
    assigneeId: null,
    from: '',
    to: '',
    text: '',
    tag: '',
  };
}

/** The contract's input for this state; the date range covers whole Japan days, `to` included. */
export function toListQuery(s: ListState): DealListQuery {
  const filter: NonNullable<DealListQuery['filter']> = {};
  if (s.view) filter.view = s.view;
  if (s.marketplaces.length) filter.marketplaces = s.marketplaces;
  if (s.step) filter.step = s.step;
  if (s.dealState) filter.dealStates = [s.dealState];
  if (s.overdue) filter.overdue = true;
  if (s.assigneeId !== null) filter.assigneeId = s.assigneeId;
  const from = s.from ? tokyoDayStart(s.from) : null;
  const to = s.to ? tokyoDayStart(s.to, 1) : null;
  if (from) filter.orderedFrom = from;
  if (to) filter.orderedTo = to;
  const text = s.text.trim();
  if (text) filter.text = text;
  const tag = s.tag.trim();
  if (tag) filter.tag = tag;
  return { filter, sort: s.sort };
}
