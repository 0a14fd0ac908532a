import { defaultExpiryDate, expiresAtOf, expiryProblem } from './expiry';

describe('expiry', () => {
  const now = new Date(2026, 10, 24, 15, 30); // 24 November 2026, local time

  it('defaults to 14 days from today', () => {
    expect(defaultExpiryDate(now)).toBe('2026-12-08');
  });

  it('sends the end of the chosen day in UTC', () => {
    expect(expiresAtOf('2026-12-08')).toBe('2026-12-08T23:59:59.000Z');
  });

  it('accepts dates in the coming year only', () => {
    expect(expiryProblem('2026-12-08', now)).toBeUndefined();
    expect(expiryProblem('2026-11-01', now)).toBe(
      'Choose a date in the future.',
    );
    expect(expiryProblem('2028-01-01', now)).toBe(
      'Choose a date at most a year from today.',
    );
    expect(expiryProblem('', now)).toBe('Choose an expiration date.');
    expect(expiryProblem('2026-13-45', now)).toBe('Choose an expiration date.');
  });
});
