import { DependencyList, useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { REFRESH_MS } from './useServerPage';

/**
 * useAsync that loads again every REFRESH_MS while `inFlight` says the value
 * is still changing (mail being sent, a Mac enrolling). Those loads are
 * quiet: `loading` stays false and the last value stays shown.
 */
export function useRefreshingAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  inFlight: (value: T) => boolean,
) {
  const [refreshes, setRefreshes] = useState(0);
  const refreshing = useRef(false);
  const state = useAsync(load, [...deps, refreshes]);
  const { loading, value } = state;
  const changing = value !== undefined && inFlight(value);
  useEffect(() => {
    if (loading) return undefined;
    refreshing.current = false;
    if (!changing) return undefined;
    const timer = setTimeout(() => {
      refreshing.current = true;
      setRefreshes(n => n + 1);
    }, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [changing, loading, value]);
  return {
    ...state,
    loading: loading && !refreshing.current,
    /** Loads again now, quietly. */
    refresh: () => {
      refreshing.current = true;
      setRefreshes(n => n + 1);
    },
  };
}
