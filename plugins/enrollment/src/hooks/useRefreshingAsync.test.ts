import { act, renderHook, waitFor } from '@testing-library/react';
import { useRefreshingAsync } from './useRefreshingAsync';
import { REFRESH_MS } from './useServerPage';

describe('useRefreshingAsync', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('loads again quietly while the value is in flight, and stops after', async () => {
    const answers = ['pending', 'pending', 'sent'];
    const load = jest.fn(async () => answers.shift() ?? 'sent');
    const { result } = renderHook(() =>
      useRefreshingAsync(load, [], value => value === 'pending'),
    );
    await waitFor(() => expect(result.current.value).toBe('pending'));
    for (let round = 2; round <= 3; round++) {
      await act(async () => {
        jest.advanceTimersByTime(REFRESH_MS);
      });
      await waitFor(() => expect(load).toHaveBeenCalledTimes(round));
      expect(result.current.loading).toBe(false);
    }
    await waitFor(() => expect(result.current.value).toBe('sent'));
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS * 3);
    });
    expect(load).toHaveBeenCalledTimes(3);
  });
});
