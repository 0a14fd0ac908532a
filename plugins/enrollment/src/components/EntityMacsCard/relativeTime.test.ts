import { formatRelative } from './relativeTime';

describe('formatRelative', () => {
  const now = new Date('2030-06-05T12:00:00.000Z');
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('says how long ago, in the largest whole unit', () => {
    expect(formatRelative(before(10_000), now)).toBe('now');
    expect(formatRelative(before(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatRelative(before(3 * 3600_000), now)).toBe('3 hours ago');
    expect(formatRelative(before(24 * 3600_000), now)).toBe('yesterday');
    expect(formatRelative(before(15 * 24 * 3600_000), now)).toBe('2 weeks ago');
  });
});
