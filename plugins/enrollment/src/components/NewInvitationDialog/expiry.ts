import { EnrollmentT, englishT } from '../../utils/translate';

const DAY_MS = 24 * 3600 * 1000;

// The backend refuses invitations valid for longer than this.
const MAX_VALIDITY_MS = 366 * DAY_MS;

/** How long a new invitation is valid unless the admin says otherwise. */
export const DEFAULT_VALIDITY_DAYS = 14;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of the viewer's local day, as a date input holds it. */
export function localDateString(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

export function defaultExpiryDate(now: Date = new Date()): string {
  const date = new Date(now);
  date.setDate(date.getDate() + DEFAULT_VALIDITY_DAYS);
  return localDateString(date);
}

/** The end of the chosen day in UTC, e.g. `2026-12-08T23:59:59.000Z`. */
export function expiresAtOf(date: string): string {
  return `${date}T23:59:59.000Z`;
}

/** Why the date cannot be used, or undefined when it can. */
export function expiryProblem(
  date: string,
  now: Date = new Date(),
  t: EnrollmentT = englishT,
): string | undefined {
  const expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? new Date(expiresAtOf(date)).getTime()
    : NaN;
  if (Number.isNaN(expiresAt)) return t('newInvitation.expiry.missing');
  if (expiresAt <= now.getTime()) return t('newInvitation.expiry.past');
  if (expiresAt - now.getTime() > MAX_VALIDITY_MS) {
    return t('newInvitation.expiry.tooFar');
  }
  return undefined;
}
