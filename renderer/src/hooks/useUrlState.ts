import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's state kept in the address (filters, sort), so Back from a detail page returns to the same list.
 * Changes replace the history entry: typing in a filter must not make Back step through every letter.
 */
export function useUrlState<S>(
  parse: (params: URLSearchParams) => S,
  toParams: (state: S) => URLSearchParams,
): [S, (next: S) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parse(params), [parse, params]);
  return [state, (next: S) => setParams(toParams(next), { replace: true })];
}
