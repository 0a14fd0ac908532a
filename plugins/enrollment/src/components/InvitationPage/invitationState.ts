import { InvitationStatus } from '@macenroll/plugin-enrollment-common';

/**
 * Whether the invitation can still be used, so cancelled or resent;
 * the backend refuses both for the others.
 */
export function isOpen(status: InvitationStatus): boolean {
  return !['cancelled', 'expired', 'used'].includes(status);
}
