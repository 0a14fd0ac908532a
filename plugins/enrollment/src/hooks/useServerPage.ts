import { PageOf } from '@macenroll/plugin-enrollment-common';
import { DependencyList, useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

export const PAGE_SIZES = [10, 25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;
// Long enough that typing a word sends one request, not one per key.
const SEARCH_DELAY_MS = 300;
/** How often a page with something in flight is loaded again. */
export const REFRESH_MS = 5000;

/**
 * What a filter bar edits: free text in `search`, and values picked from
 * lists, '' or [] meaning "any".
 */
export type PageFilters<F> = { search: string } & {
  [K in keyof F]: string | readonly string[];
};

export interface PageQuery<F> {
  offset: number;
  limit: number;
  /** The filters to send: the search trimmed, and only once typing pauses. */
  filters: F;
}

/** What a table needs to show one page loaded from the backend. */
export interface LoadedPage<T> {
  page: number;
  pageSize: number;
  items: T[];
  totalCount: number;
  /** The backend estimated totalCount (above 10,000 matches). */
  totalCountIsEstimate?: boolean;
  loading: boolean;
  error?: Error;
  changePage(page: number, pageSize: number): void;
  /** Loads the same page again (after an error, say). */
  retry?(): void;
}

export interface ServerPage<T, F> extends LoadedPage<T> {
  /** The filters as the user sees them, the search as typed. */
  filters: F;
  changeFilters(patch: Partial<F>): void;
  /** For changes the filters do not cover, such as the sort order. */
  firstPage(): void;
  /** The backend has nothing at all, rather than nothing matching the filters. */
  nothingYet: boolean;
}

function isFiltered<F extends PageFilters<F>>(filters: F): boolean {
  return Object.values(filters).some((value: string | readonly string[]) =>
    typeof value === 'string' ? value.trim() !== '' : value.length > 0,
  );
}

/**
 * Pages and filters a list on the backend. `load` is called again when the
 * page, the page size, the filters or one of `deps` change; a new filter or
 * search starts again from the first page.
 */
export function useServerPage<T, F extends PageFilters<F>>(options: {
  initialFilters: F;
  load: (query: PageQuery<F>) => Promise<PageOf<T>>;
  deps: DependencyList;
  /**
   * Whether a loaded item is still changing (mail being sent, a Mac
   * enrolling): while one is, the page loads again every REFRESH_MS,
   * quietly (no loading state).
   */
  inFlight?: (item: T) => boolean;
}): ServerPage<T, F> {
  const { initialFilters, load, deps, inFlight } = options;
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [filters, setFilters] = useState<F>(initialFilters);
  // Kept apart from `filters` so that typing does not load on every key.
  const [applied, setApplied] = useState<F>(initialFilters);

  useDebounce(
    () => {
      const search = filters.search.trim();
      if (search !== applied.search) {
        setApplied(current => ({ ...current, search }));
        setPage(0);
      }
    },
    SEARCH_DELAY_MS,
    [filters.search],
  );

  const [refreshes, setRefreshes] = useState(0);
  const refreshing = useRef(false);
  const { value, loading, error } = useAsync(
    () => load({ offset: page * pageSize, limit: pageSize, filters: applied }),
    [...deps, page, pageSize, applied, refreshes],
  );
  const changing = Boolean(inFlight && value?.items.some(inFlight));
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

  const changeFilters = (patch: Partial<F>) => {
    setFilters(current => ({ ...current, ...patch }));
    if (Object.keys(patch).some(key => key !== 'search')) {
      setApplied(current => ({ ...current, ...patch, search: current.search }));
      setPage(0);
    }
  };

  return {
    page,
    pageSize,
    items: value?.items ?? [],
    totalCount: value?.totalCount ?? 0,
    totalCountIsEstimate: value?.totalCountIsEstimate,
    loading: loading && !refreshing.current,
    error,
    changePage: (nextPage, nextPageSize) => {
      setPage(nextPage);
      setPageSize(nextPageSize);
    },
    filters,
    changeFilters,
    firstPage: () => setPage(0),
    retry: () => setRefreshes(n => n + 1),
    nothingYet:
      !loading && !error && value?.totalCount === 0 && !isFiltered(filters),
  };
}
