import { createApiRef } from '@backstage/core-plugin-api';
import {
  AgentPackageSummary,
  Computer,
  ComputerDetails,
  CreateInvitationRequest,
  CreatedInvitation,
  EnrollmentEvent,
  EntityComputers,
  Invitation,
  InvitationDetails,
  InvitationLink,
  ListComputersQuery,
  ListEventsQuery,
  ListInvitationsQuery,
  MdmCommand,
  PageOf,
  PortalAccount,
  PortalSettings,
  ProfileSigningSummary,
  ProfileSigningUpload,
  PushCertificateSummary,
  PushCertificateUpload,
  QueueCommandRequest,
  Site,
  DeviceRules,
  UpdatePortalAccountRequest,
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
 * What to change of a local portal account; absent fields stay as they are.
 * The backend validates the same shape.
 *
 * @public
 */
export type PortalAccountChange = UpdatePortalAccountRequest;

/**
 * The enrollment backend's admin API.
 *
 * @public
 */
export interface EnrollmentApi {
  getCaSummary(): Promise<CaSummary>;

  listInvitations(query: ListInvitationsQuery): Promise<PageOf<Invitation>>;
  getInvitation(id: string): Promise<InvitationDetails>;
  /** The invitation's link, or a recipient's own (needs the create permission). */
  getInvitationLink(id: string, recipient?: string): Promise<InvitationLink>;
  createInvitation(
    request: CreateInvitationRequest,
  ): Promise<CreatedInvitation>;
  cancelInvitation(id: string): Promise<InvitationDetails>;
  /** Deletes it with its recipients; its computers stay, detached. */
  deleteInvitation(id: string): Promise<void>;
  /** Resends to the given recipients, or to every failed one when none are given. */
  resendInvitation(
    id: string,
    recipients?: string[],
  ): Promise<InvitationDetails>;
  listInvitationComputers(id: string): Promise<{ items: Computer[] }>;

  listComputers(query: ListComputersQuery): Promise<PageOf<Computer>>;
  /** Answers 404 for a computer that does not exist or the user may not see. */
  getComputer(id: string): Promise<ComputerDetails>;
  /** The computer's MDM commands, newest first. */
  listComputerCommands(id: string): Promise<{ items: MdmCommand[] }>;
  /**
   * Queues a command for the Mac and wakes it with a push; the Mac answers
   * at its next check-in. Needs enrollment.computer.command.
   */
  queueComputerCommand(
    id: string,
    request: QueueCommandRequest,
  ): Promise<MdmCommand>;
  /** A push without a command: the Mac checks in and fetches what is queued. */
  pushComputer(id: string): Promise<void>;
  /**
   * The Macs on a catalog entity's page: a `User`'s, or the one behind a
   * Mac's `Resource`. Everyone sees their own; someone else's need
   * enrollment.computer.read (403 otherwise).
   */
  getEntityComputers(entityRef: string): Promise<EntityComputers>;

  /** The MDM push certificate: app-config's, else the uploaded one. */
  getPushCertificate(): Promise<PushCertificateSummary>;
  /** Answers 400 with the reason for a file or password it cannot read. */
  uploadPushCertificate(
    upload: PushCertificateUpload,
  ): Promise<PushCertificateSummary>;
  /** Removes the uploaded certificate; one from app-config stays. */
  deleteUploadedPushCertificate(): Promise<void>;

  /** What signs enrollment profiles: app-config's, the uploaded one, else our CA. */
  getProfileSigning(): Promise<ProfileSigningSummary>;
  /** Answers 400 with the reason for a file, password or certificate it cannot use. */
  uploadProfileSigning(
    upload: ProfileSigningUpload,
  ): Promise<ProfileSigningSummary>;
  /** Removes the uploaded identity: profiles are signed by our CA again. */
  deleteProfileSigning(): Promise<void>;

  /** The management agent installed on Macs after they enroll. */
  getAgentPackage(): Promise<AgentPackageSummary>;
  /** Uploads the .pkg as it is; the backend serves it to the Macs. */
  uploadAgentPackage(
    file: Blob | ArrayBuffer,
    fileName: string,
  ): Promise<AgentPackageSummary>;
  /** Macs download the package from this https URL instead. */
  setAgentPackageUrl(url: string): Promise<AgentPackageSummary>;
  deleteAgentPackage(): Promise<void>;

  /** The activity log, newest first. */
  listEvents(query: ListEventsQuery): Promise<PageOf<EnrollmentEvent>>;

  listSites(): Promise<{ items: Site[] }>;
  createSite(name: string): Promise<Site>;
  /** Renames the site; `deviceRules` replaces its rules (null: none), left out keeps them. */
  renameSite(
    id: string,
    name: string,
    deviceRules?: DeviceRules | null,
  ): Promise<Site>;
  deleteSite(id: string): Promise<void>;

  /** Sends a test message to `to` through the configured mail transport. */
  sendTestEmail(to: string): Promise<{ messageId: string }>;

  getSettings(): Promise<PortalSettings>;
  /** Replaces every setting: the backend takes only the whole object. */
  saveSettings(settings: PortalSettings): Promise<PortalSettings>;

  listPortalAccounts(): Promise<{ items: PortalAccount[] }>;
  /** `person`: whom the account stands for; the Macs it enrolls are theirs. */
  createPortalAccount(
    username: string,
    password: string,
    person?: { realName?: string; email?: string },
  ): Promise<PortalAccount>;
  /** Accounts from app-config cannot be changed here: the backend answers 409. */
  updatePortalAccount(
    username: string,
    change: PortalAccountChange,
  ): Promise<PortalAccount>;
}

/**
 * The ApiRef of {@link EnrollmentApi}.
 *
 * @public
 */
export const enrollmentApiRef = createApiRef<EnrollmentApi>({
  id: 'plugin.enrollment.api',
});
