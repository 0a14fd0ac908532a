import { PageOf } from '@macenroll/plugin-enrollment-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import { PageQuery, REFRESH_MS, useServerPage } from './useServerPage';

interface Filters {
  search: string;
  siteId: string;
  status: string[];
}

const NONE: Filters = { search: '', siteId: '', status: [] };

function pageOf(totalCount: number): PageOf<string> {
  return { items: [], totalCount, offset: 0, limit: 25 };
}

function setup(totalCount = 100) {
  const load = jest.fn(async (_query: PageQuery<Filters>) =>
    pageOf(totalCount),
  );
  const hook = renderHook(
    ({ reloadKey }: { reloadKey: number }) =>
      useServerPage({ initialFilters: NONE, load, deps: [reloadKey] }),
    { initialProps: { reloadKey: 0 } },
  );
  const lastQuery = () => load.mock.calls[load.mock.calls.length - 1][0];
  return { load, lastQuery, ...hook };
}

describe('useServerPage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('loads the first page without filters', async () => {
    const { result, load } = setup();
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith({ offset: 0, limit: 25, filters: NONE });
    expect(result.current.page).toBe(0);
    expect(result.current.pageSize).toBe(25);
    expect(result.current.totalCount).toBe(100);
  });

  it('loads the offset and limit of the page asked for', async () => {
    const { result, lastQuery } = setup();
    act(() => result.current.changePage(3, 10));
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ offset: 30, limit: 10 }),
    );
    act(() => result.current.changePage(1, 50));
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ offset: 50, limit: 50 }),
    );
    expect(result.current.page).toBe(1);
    expect(result.current.pageSize).toBe(50);
  });

  it('sends the search trimmed once typing pauses, from the first page', async () => {
    const { result, load, lastQuery } = setup();
    act(() => result.current.changePage(2, 25));
    await waitFor(() => expect(lastQuery().offset).toBe(50));
    const before = load.mock.calls.length;

    act(() => result.current.changeFilters({ search: ' ma' }));
    act(() => result.current.changeFilters({ search: ' mac ' }));
    expect(result.current.filters.search).toBe(' mac ');
    expect(result.current.page).toBe(2);
    act(() => jest.advanceTimersByTime(299));
    expect(load).toHaveBeenCalledTimes(before);

    act(() => jest.advanceTimersByTime(1));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(before + 1));
    expect(lastQuery()).toEqual({
      offset: 0,
      limit: 25,
      filters: { ...NONE, search: 'mac' },
    });
    expect(result.current.page).toBe(0);
  });

  it('does not load again when only blanks around the search change', async () => {
    const { result, load } = setup();
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.changeFilters({ search: '  ' }));
    act(() => jest.advanceTimersByTime(300));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('applies any other filter at once, from the first page', async () => {
    const { result, load, lastQuery } = setup();
    act(() => result.current.changePage(2, 25));
    await waitFor(() => expect(lastQuery().offset).toBe(50));
    const before = load.mock.calls.length;

    act(() => result.current.changeFilters({ siteId: 's-1' }));
    expect(result.current.page).toBe(0);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(before + 1));
    expect(lastQuery()).toEqual({
      offset: 0,
      limit: 25,
      filters: { ...NONE, siteId: 's-1' },
    });
  });

  it('keeps the filters when the page changes', async () => {
    const { result, lastQuery } = setup();
    act(() => result.current.changeFilters({ status: ['failed'] }));
    act(() => result.current.changeFilters({ search: 'jane' }));
    act(() => jest.advanceTimersByTime(300));
    await waitFor(() => expect(lastQuery().filters.search).toBe('jane'));

    act(() => result.current.changePage(1, 25));
    await waitFor(() => expect(lastQuery().offset).toBe(25));
    expect(lastQuery()).toEqual({
      offset: 25,
      limit: 25,
      filters: { search: 'jane', siteId: '', status: ['failed'] },
    });
    expect(result.current.filters).toEqual({
      search: 'jane',
      siteId: '',
      status: ['failed'],
    });
  });

  it('goes back to the first page on request and reloads on new deps', async () => {
    const { result, load, lastQuery, rerender } = setup();
    act(() => result.current.changePage(2, 25));
    await waitFor(() => expect(lastQuery().offset).toBe(50));

    act(() => result.current.firstPage());
    await waitFor(() => expect(lastQuery().offset).toBe(0));
    const before = load.mock.calls.length;

    rerender({ reloadKey: 1 });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(before + 1));
    expect(lastQuery()).toEqual({ offset: 0, limit: 25, filters: NONE });
  });

  it('tells nothing at all from nothing matching the filters', async () => {
    const { result } = setup(0);
    await waitFor(() => expect(result.current.nothingYet).toBe(true));

    act(() => result.current.changeFilters({ search: 'x' }));
    expect(result.current.nothingYet).toBe(false);
    act(() => result.current.changeFilters({ search: ' ', status: ['sent'] }));
    expect(result.current.nothingYet).toBe(false);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.nothingYet).toBe(false);
  });

  it('loads again quietly while an item is in flight, and stops once none is', async () => {
    let pending = 2;
    const load = jest.fn(async () => ({
      items: pending > 0 ? ['pending'] : ['sent'],
      totalCount: 1,
      offset: 0,
      limit: 25,
    }));
    const { result } = renderHook(() =>
      useServerPage({
        initialFilters: NONE,
        load,
        deps: [],
        inFlight: item => item === 'pending',
      }),
    );
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    const loadingStates: boolean[] = [];
    for (let round = 2; round <= 3; round++) {
      pending--;
      await act(async () => {
        jest.advanceTimersByTime(REFRESH_MS);
      });
      await waitFor(() => expect(load).toHaveBeenCalledTimes(round));
      loadingStates.push(result.current.loading);
    }
    await waitFor(() => expect(result.current.items).toEqual(['sent']));
    expect(loadingStates).toEqual([false, false]);
    // Nothing in flight any more: no more loads.
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS * 3);
    });
    expect(load).toHaveBeenCalledTimes(3);
  });
});
