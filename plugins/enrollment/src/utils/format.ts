import { EnrollmentT, englishT } from './translate';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A day and time, in the viewer's locale and time zone. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

// Invitations expire at the end of a UTC day, the day the admin chose; in a
// local time zone that could read as the day after.
const expiryDateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC',
});

/** The day an invitation expires, as the admin chose it. */
export function formatExpiryDate(iso: string): string {
  return expiryDateFormat.format(new Date(iso));
}

/** An expiry as the invitation email states it, in UTC. */
export function formatExpiry(iso: string): string {
  return `${new Date(iso).toLocaleString('en-US', {
    timeZone: 'UTC',
    dateStyle: 'long',
    timeStyle: 'short',
  })} UTC`;
}

export function yesNo(value: boolean, t: EnrollmentT = englishT): string {
  return value ? t('common.yes') : t('common.no');
}

/** `user:default/jane.doe` → `jane.doe`; other namespaces stay visible. */
export function displayUserRef(ref: string): string {
  if (ref.startsWith('user:default/')) return ref.slice('user:default/'.length);
  if (ref.startsWith('user:')) return ref.slice('user:'.length);
  return ref;
}

/** The first few recipients, then how many more there are. */
export function summarizeRecipients(
  recipients: string[],
  recipientCount: number,
  t: EnrollmentT = englishT,
  shown = 3,
): string {
  if (recipientCount === 0) return t('recipientsSummary.linkOnly');
  const first = recipients.slice(0, shown).join(', ');
  const more = recipientCount - Math.min(recipients.length, shown);
  return more > 0
    ? t('recipientsSummary.more', { recipients: first, more: String(more) })
    : first;
}

/** A file size in the units people read: 5.0 MB, 312 KB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(size < 10 ? 1 : 0)} ${units[unit]}`;
}
