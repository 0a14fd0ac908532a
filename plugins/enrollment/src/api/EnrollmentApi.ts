import { createApiRef } from '@backstage/core-plugin-api';
import {
  Computer,
  CreateInvitationRequest,
  CreatedInvitation,
  Invitation,
  InvitationDetails,
  ListComputersQuery,
  ListInvitationsQuery,
  PageOf,
  Site,
} from '@macenroll/plugin-enrollment-common';

/**
 * What an admin sees of the enrollment CA; nothing secret.
 *
 * @public
 */
export interface CaSummary {
  subject: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

/**
 * The enrollment backend's admin API.
 *
 * @public
 */
export interface EnrollmentApi {
  getCaSummary(): Promise<CaSummary>;

  listInvitations(query: ListInvitationsQuery): Promise<PageOf<Invitation>>;
  getInvitation(id: string): Promise<InvitationDetails>;
  createInvitation(request: CreateInvitationRequest): Promise<CreatedInvitation>;
  cancelInvitation(id: string): Promise<InvitationDetails>;
  /** Resends to the given recipients, or to every failed one when none are given. */
  resendInvitation(id: string, recipients?: string[]): Promise<InvitationDetails>;
  listInvitationComputers(id: string): Promise<{ items: Computer[] }>;

  listComputers(query: ListComputersQuery): Promise<PageOf<Computer>>;

  listSites(): Promise<{ items: Site[] }>;
  createSite(name: string): Promise<Site>;
  renameSite(id: string, name: string): Promise<Site>;
  deleteSite(id: string): Promise<void>;

  /** Sends a test message to `to` through the configured mail transport. */
  sendTestEmail(to: string): Promise<{ messageId: string }>;
}

/**
 * The ApiRef of {@link EnrollmentApi}.
 *
 * @public
 */
export const enrollmentApiRef = createApiRef<EnrollmentApi>({
  id: 'plugin.enrollment.api',
});
